// linkhealth: checks the source links of a curated content tree and records their health.
#include <cstdio>
#include <cstring>
#include <exception>
#include <iterator>

#include "cli/command.h"

namespace {

using linkhealth::Command;

constexpr Command kCommands[] = {
    {"scan", "read the content tree and audit its URLs offline", linkhealth::run_scan},
    {"meta", "show the title, description and signals extracted from a saved page",
     linkhealth::run_meta},
    {"crawl", "scan, check every URL politely, record the run and write the report",
     linkhealth::run_crawl},
    {"check", "check the links of one content file now (by slug or path)", linkhealth::run_check},
    {"report", "write the HTML report and/or JSON of a recorded run", linkhealth::run_report},
    {"fix", "write confirmed repairs (redirects, tracking) back into the content files",
     linkhealth::run_fix},
    {"merge", "fold the databases of a sharded crawl into one store", linkhealth::run_merge},
};

void print_usage(std::FILE* out) {
  std::fprintf(out, "usage: linkhealth <command> [options]\n\ncommands:\n");
  for (const Command& c : kCommands) std::fprintf(out, "  %-8s %s\n", c.name, c.summary);
  std::fprintf(out, "\nRun 'linkhealth <command> --help' for the options of one command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return static_cast<int>(linkhealth::ExitCode::Usage);
  }
  const char* name = argv[1];
  if (std::strcmp(name, "--help") == 0 || std::strcmp(name, "-h") == 0 ||
      std::strcmp(name, "help") == 0) {
    print_usage(stdout);
    return 0;
  }
  if (std::strcmp(name, "--version") == 0 || std::strcmp(name, "version") == 0) {
    std::printf("linkhealth %s\n", LINKHEALTH_VERSION);
    return 0;
  }
  for (const Command& c : kCommands) {
    if (std::strcmp(c.name, name) != 0) continue;
    try {
      return c.run(argc - 1, argv + 1);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "linkhealth %s: error: %s\n", name, e.what());
      return static_cast<int>(linkhealth::ExitCode::RuntimeError);
    }
  }
  std::fprintf(stderr, "linkhealth: unknown command '%s'\n\n", name);
  print_usage(stderr);
  return static_cast<int>(linkhealth::ExitCode::Usage);
}
