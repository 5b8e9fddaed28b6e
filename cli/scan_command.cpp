// `linkhealth scan`: the offline audit of a content tree (no network).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/scan_report.h"
#include "extract/scan.h"

namespace linkhealth {

int run_scan(int argc, char** argv) {
  CLI::App app{"Read a content tree and audit every URL its front matter holds (no network)",
               "linkhealth scan"};
  std::string content;
  std::string rules_file;
  bool json = false;
  bool list = false;
  double max_file_mb = 5;
  ScanOptions options;
  app.add_option("--content", content, "content directory to walk (every .md file below it)")
      ->required();
  app.add_flag("--json", json, "print one JSON document (sources, targets, findings) to stdout");
  app.add_flag("--findings", list, "also list every finding as file:line: kind: field: detail");
  app.add_flag("--strict-yaml", options.full_yaml_check,
               "parse every front matter field, not only the ones scan reads (slower)");
  app.add_option("--rules", rules_file, "tracking rules file instead of the built-in rules");
  app.add_option("--url-field", options.url_fields,
                 "front matter field holding a URL (repeatable; replaces the default list)");
  app.add_option("--max-file-mb", max_file_mb, "skip (and report) files larger than this")
      ->check(CLI::PositiveNumber);
  app.set_version_flag("--version", std::string("linkhealth ") + LINKHEALTH_VERSION);
  if (const auto stop = parse_command_line(app, argc, argv)) return *stop;

  if (const auto bad = check_content_dir(app.get_name(), content)) return *bad;
  std::optional<TrackingRules> rules;
  if (!rules_file.empty()) {
    try {
      rules = load_tracking_rules(rules_file);
    } catch (const std::exception& e) {
      return usage_error(app.get_name(), e.what());
    }
    options.rules = &*rules;
  }
  options.max_file_bytes = static_cast<std::uintmax_t>(max_file_mb * 1024 * 1024);

  if (json) {
    // Streamed, so memory does not grow with the tree. The cleaner only returns UTF-8, but a
    // file name may be any bytes: those become U+FFFD rather than an exception that would lose
    // the whole scan.
    std::fflush(stdout);
    write_scan_json(std::cout, content, options);
    std::cout << '\n';
    std::cout.flush();
  } else {
    print_scan_summary(stdout, content, scan_content(content, options), list);
  }
  return static_cast<int>(ExitCode::Ok);
}

}  // namespace linkhealth
