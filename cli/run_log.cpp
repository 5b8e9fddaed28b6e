#include "cli/run_log.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "store/run.h"

namespace linkhealth {

RunLog::RunLog(const std::string& path) {
  if (path.empty()) return;
  file_ = std::fopen(path.c_str(), "a");
  if (file_ == nullptr) {
    throw std::runtime_error("cannot open log file " + path + ": " + std::strerror(errno));
  }
}

RunLog::~RunLog() {
  if (file_ != nullptr) std::fclose(file_);
}

void RunLog::line(std::string_view text) {
  if (file_ == nullptr) return;
  std::string out = utc_now() + " ";
  for (char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), file_);
  std::fflush(file_);
}

}  // namespace linkhealth
