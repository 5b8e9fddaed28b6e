#pragma once
// `promtool check metrics` on a text, for the metrics tests (Debian package `prometheus`).

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/chromium.h"   // shell_quote
#include "tests/temp_tree.h"  // read_file

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
  const std::string report = file.string() + ".promtool";
  const int rc = std::system(("/usr/bin/promtool check metrics < " + shell_quote(file.string()) +
                              " > " + shell_quote(report) + " 2>&1")
                                 .c_str());
  PromtoolResult result{WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, read_file(report)};
  std::filesystem::remove(report);
  return result;
}

}  // namespace linkhealth::testing
