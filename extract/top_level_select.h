#pragma once
// Speed: yaml-cpp parses about 4 MB/s, and most front matter bytes are fields a scan never
// reads (hospital profiles carry 200 KB of CMS data, curations carry openGraphMetaData[]).
// This keeps only the top-level entries the scan needs and blanks the other lines, so yaml-cpp
// sees less text while every line number stays the same. It only handles the plain layout
// (`key:` at column 0, compact `- ` items, comments, values that end on their line); anything
// else, and a top-level key written twice, returns nullopt and the caller parses the whole
// block, so the selection never decides about a file the full parse would judge differently.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

/// The block with every top-level entry not in `keep` blanked (same line count), or nullopt.
std::optional<std::string> select_top_level(std::string_view yaml,
                                            const std::vector<std::string>& keep);

}  // namespace linkhealth
