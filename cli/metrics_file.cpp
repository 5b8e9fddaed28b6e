#include "cli/metrics_file.h"

#include <fmt/format.h>

#include "cli/report_output.h"
#include "extract/utc_time.h"

namespace linkhealth {
namespace {

void gauge(std::string& out, std::string_view name, std::string_view help,
           const std::string& value) {
  out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", name, help, name, name, value);
}

void gauge(std::string& out, std::string_view name, std::string_view help, std::int64_t value) {
  gauge(out, name, help, std::to_string(value));
}

}  // namespace

RunMetrics load_run_metrics(Store& store, std::int64_t run_id) {
  RunMetrics m;
  const RunSummary summary = store.summary(run_id);
  m.run_id = run_id;
  m.interrupted = summary.run.status != RunStatus::Done;
  for (const auto& [name, n] : summary.verdicts) {
    if (const auto verdict = verdict_from_string(name)) {
      m.targets[static_cast<std::size_t>(*verdict)] = n;
      if (is_problem(*verdict)) m.problems += n;
    }
  }
  const RunTraffic traffic = store.traffic(run_id);
  m.requests = traffic.requests;
  m.bytes = traffic.bytes;
  const std::string& finished =
      !m.interrupted ? summary.run.finished_at
                     : (summary.previous ? summary.previous->finished_at : std::string());
  m.last_finished = parse_utc(finished);
  return m;
}

std::string metrics_text(const RunMetrics& m) {
  std::string out =
      "# HELP linkhealth_targets Targets checked in the crawl, by verdict.\n"
      "# TYPE linkhealth_targets gauge\n";
  for (Verdict v : all_verdicts()) {
    out += fmt::format("linkhealth_targets{{verdict=\"{}\"}} {}\n", to_string(v),
                       m.targets[static_cast<std::size_t>(v)]);
  }
  gauge(out, "linkhealth_problems", "Targets with a problem verdict in the crawl.", m.problems);
  gauge(out, "linkhealth_new_problems",
        "Problems new in the crawl (confirmed, not a problem in the crawl before).",
        m.new_problems);
  gauge(out, "linkhealth_fixed_problems",
        "Problems of the crawl before that work again in this crawl.", m.fixed);
  gauge(out, "linkhealth_run_duration_seconds", "Wall time of the crawl command.",
        fmt::format("{:.3f}", m.duration_seconds));
  gauge(out, "linkhealth_run_requests",
        "HTTP requests of the crawl, retries and redirect hops included.", m.requests);
  gauge(out, "linkhealth_run_received_bytes", "Body bytes received in the crawl.", m.bytes);
  gauge(out, "linkhealth_run_id", "Id of the crawl in the database.", m.run_id);
  gauge(out, "linkhealth_run_interrupted",
        "1 when the crawl was interrupted (the next crawl resumes it).", m.interrupted ? 1 : 0);
  gauge(out, "linkhealth_notification_failures",
        "Notifications of the crawl that could not be delivered.", m.notification_failures);
  if (m.last_finished) {
    gauge(out, "linkhealth_last_run_finished_timestamp_seconds",
          "Unix time the newest finished crawl ended.", *m.last_finished);
  }
  return out;
}

void write_metrics_file(const std::string& path, const RunMetrics& metrics) {
  const std::string text = metrics_text(metrics);
  write_file_atomically(path, [&](std::ostream& out) { out << text; });
}

}  // namespace linkhealth
