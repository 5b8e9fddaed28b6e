#pragma once
// cli/ sits on top of the one-way flow: it wires extract -> crawler -> store -> reports into
// the subcommands users run. Each subcommand lives in its own <name>_command.cpp and is
// listed once in the table in main.cpp.

namespace linkhealth {

/// Process exit codes, shared by every subcommand.
enum class ExitCode : int {
  Ok = 0,            ///< no (new) problem
  RuntimeError = 1,  ///< something failed while running (I/O, DB, ...)
  Problems = 2,      ///< the run found problems (per --fail-on)
  Usage = 3,         ///< bad command line or config
};

/// A subcommand: parses its own arguments (argv[0] is the subcommand name).
struct Command {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

int run_scan(int argc, char** argv);
int run_meta(int argc, char** argv);
int run_crawl(int argc, char** argv);
int run_report(int argc, char** argv);
int run_check(int argc, char** argv);
int run_fix(int argc, char** argv);
int run_merge(int argc, char** argv);

}  // namespace linkhealth
