#pragma once
// Replacing a content file without a moment where it is half written: the new bytes go to a
// temporary file in the same folder, are flushed to disk, take the old file's permission bits
// and are renamed over it (atomic on POSIX), and the folder entry is flushed too. A crash
// leaves either the old file or the new one, never a mix.

#include <filesystem>
#include <string_view>

namespace linkhealth {

/// Throws std::runtime_error naming the file when any step fails; the temporary file is then
/// removed and the old file is untouched.
void replace_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace linkhealth
