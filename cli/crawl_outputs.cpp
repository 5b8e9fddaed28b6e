#include "cli/crawl_outputs.h"

#include <cstdio>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/fix_settings.h"
#include "cli/report_output.h"
#include "reports/report_fix_plan.h"
#include "reports/report_loader.h"

namespace linkhealth {
namespace {

std::optional<std::size_t> ready_count(const ReportModel& model) {
  if (!model.ready_to_fix) return std::nullopt;
  return model.ready_to_fix->size();
}

}  // namespace

CrawlOutcome summarise_crawl(Store& store, std::int64_t run_id) {
  CrawlOutcome outcome;
  outcome.summary = store.summary(run_id);
  outcome.changes = store.change_counts(run_id);
  return outcome;
}

std::string summary_line(const CrawlOutcome& o, const RunSettings& s, double seconds) {
  std::string verdicts;
  std::int64_t total = 0;
  for (const auto& [name, n] : o.summary.verdicts) {
    verdicts += fmt::format("{}{} {}", verdicts.empty() ? "" : ", ", n, name);
    total += n;
  }
  std::string line = fmt::format(
      "linkhealth crawl: run {} {} in {:.0f}s: {} targets ({}), {} problems, {} new, {} fixed",
      o.summary.run.id, to_string(o.summary.run.status), seconds, total,
      verdicts.empty() ? "none" : verdicts, o.summary.run.problem_count, o.changes.new_problems,
      o.changes.fixed);
  if (!s.report.empty()) line += "; report " + s.report;
  if (!s.json.empty() && s.json != "-") line += "; json " + s.json;
  if (o.ready_to_fix && *o.ready_to_fix > 0) {
    line +=
        fmt::format("; {} edit{} ready to fix", *o.ready_to_fix, *o.ready_to_fix == 1 ? "" : "s");
  }
  return line;
}

int crawl_exit_code(const CrawlOutcome& o, FailOn fail_on) {
  const bool failed = (fail_on == FailOn::New && o.changes.new_problems > 0) ||
                      (fail_on == FailOn::Any && o.summary.run.problem_count > 0);
  return static_cast<int>(failed ? ExitCode::Problems : ExitCode::Ok);
}

std::optional<std::size_t> write_crawl_outputs(Store& store, std::int64_t run_id,
                                               const RunSettings& s) {
  if (s.report.empty() && s.json.empty()) return std::nullopt;
  ReportOptions options;
  options.wayback_base = s.wayback_base;
  std::optional<TrackingRules> rules;
  FixOptions fix = fix_options_for(s, rules);
  fix.evidence_files_only = true;  // the scan of this run has just read them all
  // The targets stream from the store once: into the JSON, and into the HTML report's model
  // only when it lists them.
  ReportModel planned;
  attach_fix_plan(planned, store, s.content, s.confirm_runs, fix);
  const std::optional<std::size_t> ready = ready_count(planned);
  write_run_report_files(store, run_id, options, s.owners, std::move(planned.ready_to_fix),
                         {s.report, s.json}, nullptr);
  return ready;
}

}  // namespace linkhealth
