#include "cli/file_replace.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace linkhealth {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw std::runtime_error("cannot write " + path.string() + ": " + what + ": " +
                           std::strerror(errno));
}

/// Closes the descriptor and removes the temporary file unless it was renamed into place.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) { fd_ = ::mkstemp(path_.data()); }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!kept_) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  /// Closes the descriptor; false (errno set) when the close reports a write error.
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }
  void keep() { kept_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  bool kept_ = false;
};

}  // namespace

void replace_file(const std::filesystem::path& path, std::string_view bytes) {
  struct stat old {};
  if (::stat(path.c_str(), &old) != 0) fail(path, "stat");
  const std::filesystem::path folder = path.parent_path().empty() ? "." : path.parent_path();
  TempFile temp((folder / ("." + path.filename().string() + ".fix-XXXXXX")).string());
  if (temp.fd() < 0) fail(path, "create a temporary file");
  for (std::size_t written = 0; written < bytes.size();) {
    const ssize_t n = ::write(temp.fd(), bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path, "write " + temp.path());
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(temp.fd(), old.st_mode & 07777) != 0) fail(path, "keep the file mode");
  if (::fsync(temp.fd()) != 0) fail(path, "flush " + temp.path());
  if (!temp.close()) fail(path, "close " + temp.path());
  if (::rename(temp.path().c_str(), path.c_str()) != 0) fail(path, "rename " + temp.path());
  temp.keep();
  // The rename is durable once the folder is flushed.
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace linkhealth
