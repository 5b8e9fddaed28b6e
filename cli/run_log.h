#pragma once
// `--log FILE`: a plain, append-only trail of what unattended runs did (start, end, each
// problem, errors), one timestamped line per event, flushed at once so a killed run leaves
// everything up to its last line.

#include <cstdio>
#include <string>
#include <string_view>

namespace linkhealth {

class RunLog {
 public:
  RunLog() = default;  ///< logs nothing
  /// Opens `path` for appending; throws std::runtime_error naming it when that fails.
  explicit RunLog(const std::string& path);
  ~RunLog();
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

  bool enabled() const { return file_ != nullptr; }
  /// Writes "<UTC time> <text>\n" (newlines in text become spaces).
  void line(std::string_view text);

 private:
  std::FILE* file_ = nullptr;
};

}  // namespace linkhealth
