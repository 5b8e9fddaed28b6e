#pragma once
// The content tree's .md files in sorted order, one directory listed at a time, so a crawl can
// start on its first files before the whole tree is listed (100,000 files take a quarter
// second to list and sort). Each directory's entries are sorted by name and directories are
// entered where their name falls, which is the order of std::filesystem::path's comparison
// (component by component) over the whole tree. Directory symlinks are not followed.

#include <filesystem>
#include <optional>
#include <vector>

namespace linkhealth {

class ContentWalk {
 public:
  /// Throws std::runtime_error when root is not a readable directory.
  explicit ContentWalk(std::filesystem::path root);

  /// The next file, relative to root; nullopt when all are given. Throws std::runtime_error
  /// when a directory cannot be read (an unreadable one is skipped, as permission errors).
  std::optional<std::filesystem::path> next();

 private:
  struct Level {
    std::vector<std::filesystem::directory_entry> entries;  ///< sorted, consumed from the back
  };
  void enter(const std::filesystem::path& dir);

  std::filesystem::path root_;
  std::vector<Level> levels_;
};

}  // namespace linkhealth
