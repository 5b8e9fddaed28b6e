#pragma once
// `promtool check metrics` on a text, for the metrics tests (Debian package `prometheus`).

#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/chromium.h"  // shell_quote

namespace linkhealth::testing {

struct PromtoolResult {
  int status = -1;  ///< -1: promtool could not run
  std::string output;
};

inline bool has_promtool() {
  return std::filesystem::exists("/usr/bin/promtool");
}

/// Runs promtool on `file`; lint problems and parse errors come back in output (status 1).
inline PromtoolResult promtool_check(const std::filesystem::path& file) {
  PromtoolResult result;
  const std::string cmd =
      "/usr/bin/promtool check metrics < " + shell_quote(file.string()) + " 2>&1";
  if (FILE* pipe = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.output.append(buf, n);
    const int rc = pclose(pipe);
    result.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  return result;
}

}  // namespace linkhealth::testing
