#include "extract/content_walk.h"

#include <algorithm>
#include <stdexcept>
#include <system_error>

namespace linkhealth {

namespace fs = std::filesystem;

ContentWalk::ContentWalk(fs::path root) : root_(std::move(root)) {
  std::error_code ec;
  if (!fs::is_directory(root_, ec)) {
    throw std::runtime_error("content directory " + root_.string() +
                             " does not exist or is not a directory");
  }
  enter(root_);
}

void ContentWalk::enter(const fs::path& dir) {
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    if (ec == std::errc::permission_denied && dir != root_) return;
    throw std::runtime_error("cannot read content directory " + dir.string() + ": " + ec.message());
  }
  Level level;
  for (const fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) break;
    level.entries.push_back(*it);
  }
  if (ec) {
    throw std::runtime_error("cannot walk content directory " + dir.string() + ": " + ec.message());
  }
  // Descending, so the smallest name is taken from the back.
  std::sort(level.entries.begin(), level.entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path().filename() > b.path().filename();
            });
  levels_.push_back(std::move(level));
}

std::optional<fs::path> ContentWalk::next() {
  while (!levels_.empty()) {
    Level& level = levels_.back();
    if (level.entries.empty()) {
      levels_.pop_back();
      continue;
    }
    const fs::directory_entry entry = std::move(level.entries.back());
    level.entries.pop_back();
    std::error_code ec;
    if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
      enter(entry.path());
      continue;
    }
    if (entry.path().extension() == ".md" && !entry.is_directory(ec)) {
      return entry.path().lexically_relative(root_);
    }
  }
  return std::nullopt;
}

}  // namespace linkhealth
