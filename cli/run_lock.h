#pragma once
// One crawl per database at a time: a second crawl on the same DB must exit at once with a
// clear message instead of interleaving writes with the first.

#include <filesystem>
#include <string>

namespace linkhealth {

/// An exclusive, non-blocking flock on "<db>.lock", held for the object's lifetime. The kernel
/// drops the lock when the process dies, so a killed crawl never leaves a stale lock behind.
class RunLock {
 public:
  /// Tries to take the lock; check held() and holder_note() afterwards.
  explicit RunLock(const std::filesystem::path& db_path);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  bool held() const { return fd_ >= 0 && held_; }
  /// Lock file path and, when another process holds it, what it wrote there (pid, start time).
  std::string describe() const;

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  bool held_ = false;
  std::string holder_;
  std::string error_;
};

}  // namespace linkhealth
