// `linkhealth fix`: write the repairs the recorded crawls confirm back into the content files.
// Plans from the runs in the database and the files as they are now (reports/content_fixes.h),
// prints the edits as a unified diff, and with --apply replaces each edited file atomically.
// Exit codes: 0 done, 1 runtime error (database, a file that cannot be written), 3 usage.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/file_replace.h"
#include "cli/fix_settings.h"
#include "cli/report_output.h"
#include "cli/run_settings.h"
#include "cli/setting_flags.h"
#include "extract/source_reader.h"
#include "reports/content_fixes.h"
#include "reports/fix_plan_json.h"
#include "reports/unified_diff.h"
#include "store/store.h"

namespace linkhealth {
namespace {

constexpr const char* kName = "linkhealth fix";

/// "12 edits in 9 files (8 redirect, 4 tracking)"
std::string edit_counts(const FixPlan& plan) {
  std::map<FixKind, int> by_kind;
  for (const FixEdit& e : plan.edits) ++by_kind[e.kind];
  std::string kinds;
  for (const auto& [kind, count] : by_kind) {
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", count, to_string(kind));
  }
  return fmt::format("{} edit{} in {} file{}{}", plan.edits.size(),
                     plan.edits.size() == 1 ? "" : "s", plan.files.size(),
                     plan.files.size() == 1 ? "" : "s", kinds.empty() ? "" : " (" + kinds + ")");
}

/// Writes the planned files; a file changed since it was read is left alone with a note.
/// Returns the number of files written and counts failures in `failed`.
std::size_t apply_plan(const FixPlan& plan, const std::filesystem::path& content, int& failed) {
  std::size_t written = 0;
  for (const FileFix& fix : plan.files) {
    const auto now =
        read_content_bytes(content, fix.file, std::numeric_limits<std::uintmax_t>::max());
    const auto* bytes = std::get_if<std::string>(&now);
    if (bytes == nullptr || *bytes != fix.before) {
      std::fprintf(stderr, "%s: %s changed while fix was planning; not written\n", kName,
                   fix.file.c_str());
      continue;
    }
    try {
      replace_file(content / fix.file, fix.after);
      ++written;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: %s\n", kName, e.what());
      ++failed;
    }
  }
  return written;
}

}  // namespace

int run_fix(int argc, char** argv) {
  RunSettings s;
  if (const auto stop = load_settings(kName, argc, argv, s)) return *stop;
  CLI::App app{
      "Write the repairs the recorded crawls confirm (permanent redirects, tracking left in "
      "stored URLs) back into the content files; without --apply only show them as a diff",
      kName};
  add_setting_flags(app, s, FlagsFor::Fix);
  // Its own flag, not the config's `json` (a crawl's document): a plan must never overwrite it.
  std::string json;
  app.add_option("--json", json, "write the plan as JSON here ('-' for stdout, then no diff)");
  FixOptions options;
  std::optional<TrackingRules> rules;
  const auto stop = parse_command_line(app, argc, argv, [&] {
    check_confirm_runs(s);
    options = fix_options_for(s, rules);
  });
  if (stop) return *stop;
  if (const auto bad = check_content_dir(kName, s.content)) return *bad;
  std::optional<Store> store;
  try {
    store.emplace(Store::open_existing(s.db));
  } catch (const std::exception& e) {
    return usage_error(kName, e.what());
  }

  FixEvidence evidence;
  {
    ReadSnapshot snapshot(*store);
    evidence = load_fix_evidence(store->database(), s.confirm_runs);
  }
  const FixPlan plan = plan_content_fixes(s.content, evidence, options);
  for (const FixNote& note : plan.notes) {
    std::fprintf(stderr, "%s: %s\n", kName, note.message.c_str());
  }
  if (!json.empty()) {
    const std::string text = fix_plan_json(plan.edits).dump(2) + "\n";
    if (json == "-") {
      std::fputs(text.c_str(), stdout);
    } else {
      write_file_atomically(json, [&](std::ostream& out) { out << text; });
    }
  }
  if (json != "-") {
    for (const FileFix& fix : plan.files) {
      std::fputs(unified_diff(fix.file, fix.before, fix.after, fix.splices).c_str(), stdout);
    }
  }
  int failed = 0;
  std::string done = "planned " + edit_counts(plan) + "; run with --apply to write them";
  if (plan.edits.empty()) {
    done = "nothing to fix";
  } else if (s.fix_apply) {
    const std::size_t written = apply_plan(plan, s.content, failed);
    done = fmt::format("applied {}; wrote {} file{}", edit_counts(plan), written,
                       written == 1 ? "" : "s");
  }
  std::fprintf(stderr, "%s: %s (%zu files read, %zu notes)\n", kName, done.c_str(), plan.files_read,
               plan.notes.size());
  return static_cast<int>(failed > 0 ? ExitCode::RuntimeError : ExitCode::Ok);
}

}  // namespace linkhealth
