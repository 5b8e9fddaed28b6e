// `linkhealth check SLUG|FILE`: fetch the links of one content file now, record the check in
// the store as a run of kind `check`, and print a readable block per URL (or the JSON
// document with --json).
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/crawl_recorder.h"
#include "cli/repair_phase.h"
#include "cli/report_output.h"
#include "cli/run_settings.h"
#include "cli/setting_flags.h"
#include "cli/source_lookup.h"
#include "cli/stop_signals.h"
#include "crawler/crawler.h"
#include "reports/check_text.h"
#include "reports/owners.h"
#include "reports/report_loader.h"
#include "store/store.h"

namespace linkhealth {
namespace {

constexpr const char* kName = "linkhealth check";

bool colour_wanted() {
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) != 0 && (no_colour == nullptr || *no_colour == '\0');
}

std::string run_options_json(const std::string& wanted, const RunSettings& settings) {
  return nlohmann::json{{"command", "check"},
                        {"source", wanted},
                        {"content", settings.content},
                        {"concurrency", settings.fetch.concurrency},
                        {"per_host", settings.fetch.per_host},
                        {"timeout_s", settings.fetch.timeout_s}}
      .dump();
}

// Fetches the targets through the crawl recorder (conditional requests, 304 reuse, drift,
// batched write) and returns whether the run was interrupted. `compared_with` gets, per request
// URL, when the check drift compared with was made ("drift since").
bool fetch_and_record(Store& store, std::int64_t run_id, const RunSettings& settings,
                      const TargetExclusions& exclusions,
                      std::map<std::string, std::string>& compared_with) {
  RunLog log;
  CrawlRecorder recorder(store, run_id, log,
                         [&](const CheckResult& check, const PriorState& prior) {
                           if (prior.previous)
                             compared_with[check.request_url] = prior.previous->checked_at;
                         });
  auto targets = recorder.plan({}, exclusions);
  Crawler crawler(settings.fetch);
  StopSignals signals(crawler);
  crawler.run(std::move(targets), [&](CheckResult r) { recorder.record(std::move(r)); });
  recorder.flush();
  if (!signals.received()) run_repair_phase(store, run_id, crawler, settings, log);
  return signals.received();
}

SourceCheck assemble(const ScanResult& one, std::vector<UnusableField> unusable,
                     const ReportModel& model, const std::map<std::string, std::string>& before,
                     const RunSettings& settings) {
  SourceCheck check;
  check.source = one.sources.front();
  check.unusable = std::move(unusable);
  check.run_id = model.run.id;
  for (const Target& target : one.targets) {
    CheckedLink link;
    link.target = target;
    link.checked = false;  // until found: an interrupted run leaves targets without a check
    for (const TargetRecord& stored : model.targets) {
      if (stored.request_url != target.request_url) continue;
      link.stored = stored;
      link.checked = true;
    }
    if (auto it = before.find(target.request_url); it != before.end()) {
      link.previous_checked_at = it->second;
    }
    const SuggestedFix fix = suggest_fix(link.stored, settings.wayback_base);
    if (fix.kind == SuggestedFix::Kind::SearchArchive) link.wayback_link = fix.url;
    check.links.push_back(std::move(link));
  }
  return check;
}

}  // namespace

int run_check(int argc, char** argv) {
  RunSettings settings;
  if (const auto stop = load_settings(kName, argc, argv, settings)) return *stop;
  CLI::App app{"Check the links of one content file now and record the check", kName};
  std::string wanted;
  bool json = false;
  app.add_option("source", wanted, "slug, or content file (.md) path")->required();
  add_setting_flags(app, settings, FlagsFor::Check);
  app.add_flag("--json", json, "print the JSON document of the check run instead of text");
  ScanOptions scan_options;
  std::optional<TrackingRules> rules;
  TargetExclusions exclusions;
  const auto stop = parse_command_line(app, argc, argv, [&] {
    apply_host_limits(settings);
    if (settings.content.empty()) {
      throw CLI::ValidationError("--content",
                                 "give the content directory (or content: in the "
                                 "config file)");
    }
    scan_options = scan_options_for(settings, rules);
    exclusions = TargetExclusions(settings.exclude_urls, settings.exclude_hosts);
  });
  if (stop) return *stop;
  if (const auto bad = check_content_dir(kName, settings.content)) return *bad;

  LocatedSource located = locate_source(settings.content, wanted, scan_options);
  if (!located.warning.empty()) std::fprintf(stderr, "%s: %s\n", kName, located.warning.c_str());
  if (!located.scan) {
    std::string message = located.error;
    if (!located.suggestions.empty()) {
      message += "\nclosest slugs:";
      for (const auto& slug : located.suggestions) message += "\n  " + slug;
    }
    return usage_error(kName, message);
  }
  ScanResult one;
  one.sources.push_back(*located.scan->source);
  std::vector<UnusableField> unusable;
  one.targets = source_targets(one.sources.front(), located.scan->refs, unusable);

  Store store =
      Store::open(settings.db, {200, std::chrono::milliseconds(1000), settings.confirm_runs});
  const std::int64_t run_id =
      store.begin_run(RunKind::Check, run_options_json(wanted, settings), false);
  store.record_sources(run_id, one.sources, one.targets);
  store.record_findings(run_id, located.scan->findings);
  std::map<std::string, std::string> before;
  const bool interrupted = fetch_and_record(store, run_id, settings, exclusions, before);
  store.finish_run(run_id, interrupted ? RunStatus::Interrupted : RunStatus::Done);

  ReportOptions report_options;
  report_options.wayback_base = settings.wayback_base;
  ReportModel model = load_report_model(store, run_id, report_options);
  model.owners = settings.owners;
  apply_owners(model, {});
  const SourceCheck check = assemble(one, std::move(unusable), model, before, settings);
  if (json) {
    write_report_files(model, {"", "-"}, nullptr);
  } else {
    std::fputs(render_check_text(check, colour_wanted()).c_str(), stdout);
  }
  if (interrupted) return static_cast<int>(ExitCode::RuntimeError);
  return static_cast<int>(check_problem_count(check) > 0 ? ExitCode::Problems : ExitCode::Ok);
}

}  // namespace linkhealth
