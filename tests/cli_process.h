#pragma once
// Runs the built `linkhealth` binary as a separate process (as a user or cron would) and
// captures its exit status, stdout and stderr.

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "chromium.h"

namespace linkhealth::testing {

struct ProcessResult {
  int status = -1;
  std::string out;
  std::string err;
};

/// `env` is prepended as is (e.g. "NO_COLOR=1"); stdout is a pipe, so never a terminal.
inline ProcessResult run_linkhealth(const std::vector<std::string>& args,
                                    const std::string& env = {}) {
  ProcessResult result;
  char err_template[] = "/tmp/linkhealth-stderr-XXXXXX";
  const int fd = mkstemp(err_template);
  if (fd < 0) return result;
  ::close(fd);
  std::string cmd = env.empty() ? "" : env + " ";
  cmd += shell_quote(LINKHEALTH_BINARY);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " 2>" + shell_quote(err_template);
  if (FILE* pipe = popen(cmd.c_str(), "r")) {
    char buf[65536];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
    const int rc = pclose(pipe);
    result.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  std::ifstream err(err_template);
  std::stringstream ss;
  ss << err.rdbuf();
  result.err = ss.str();
  std::filesystem::remove(err_template);
  return result;
}

/// A shell command line; `out` gets its stdout and stderr together.
inline ProcessResult run_shell(const std::string& command) {
  ProcessResult result;
  if (FILE* pipe = popen((command + " 2>&1").c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
    const int rc = pclose(pipe);
    result.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  return result;
}

inline bool has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

inline bool has_line_starting(const std::vector<std::string>& lines, const std::string& prefix) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
}

inline std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace linkhealth::testing
