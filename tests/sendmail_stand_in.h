#pragma once
// A `sendmail` stand-in for tests: a shell script named sendmail in a folder of the test's
// temporary tree that saves its arguments and the message it was handed (mail-1.txt,
// mail-2.txt, ... next to it), then exits with a set status, optionally after a pause.

#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/temp_tree.h"

namespace linkhealth::testing {

/// Writes `folder`/sendmail; returns its path.
inline std::filesystem::path write_sendmail_stand_in(const TempTree& tree,
                                                     const std::string& folder, int exit_status = 0,
                                                     int sleep_seconds = 0) {
  const std::filesystem::path dir = tree.root() / folder;
  const std::string script =
      "#!/bin/sh\n"
      "dir='" +
      dir.string() +
      "'\n"
      "n=$(ls \"$dir\" | grep -c '^mail-')\n"
      "n=$((n + 1))\n"
      "{ echo \"ARGS: $*\"; cat; } > \"$dir/mail-$n.tmp\"\n"
      "mv \"$dir/mail-$n.tmp\" \"$dir/mail-$n.txt\"\n" +
      (sleep_seconds > 0 ? "exec sleep " + std::to_string(sleep_seconds) + "\n" : std::string()) +
      "exit " + std::to_string(exit_status) + "\n";
  tree.write(folder + "/sendmail", script);
  const std::filesystem::path path = dir / "sendmail";
  ::chmod(path.c_str(), 0755);
  return path;
}

/// The messages the stand-in in `folder` saved, oldest first ("ARGS: ..." line first).
inline std::vector<std::string> saved_mails(const TempTree& tree, const std::string& folder) {
  std::vector<std::string> out;
  for (int i = 1;; ++i) {
    const auto path = tree.root() / folder / ("mail-" + std::to_string(i) + ".txt");
    if (!std::filesystem::exists(path)) return out;
    out.push_back(read_file(path));
  }
}

}  // namespace linkhealth::testing
