#include "cli/run_lock.h"

#include "extract/utc_time.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>

namespace linkhealth {

RunLock::RunLock(const std::filesystem::path& db_path) : path_(db_path.string() + ".lock") {
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    error_ = std::strerror(errno);
    return;
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    error_ = errno == EWOULDBLOCK ? "held by another process" : std::strerror(errno);
    char buf[256] = {};
    ssize_t n = ::pread(fd_, buf, sizeof(buf) - 1, 0);
    if (n > 0) holder_.assign(buf, static_cast<size_t>(n));
    while (!holder_.empty() && (holder_.back() == '\n' || holder_.back() == '\0')) {
      holder_.pop_back();
    }
    return;
  }
  held_ = true;
  std::string note = fmt::format("pid {} since {}\n", ::getpid(), utc_now());
  if (::ftruncate(fd_, 0) == 0) {
    [[maybe_unused]] ssize_t written = ::pwrite(fd_, note.data(), note.size(), 0);
  }
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

std::string RunLock::describe() const {
  if (held()) return fmt::format("{} (held by this process)", path_.string());
  if (holder_.empty()) return fmt::format("{}: {}", path_.string(), error_);
  return fmt::format("{}: {} ({})", path_.string(), error_, holder_);
}

}  // namespace linkhealth
