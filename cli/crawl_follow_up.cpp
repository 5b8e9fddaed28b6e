#include "cli/crawl_follow_up.h"

#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "cli/crawl_notices.h"
#include "cli/metrics_file.h"

namespace linkhealth {
namespace {

void warn(RunLog& log, const std::string& message) {
  const std::string line = "warning: " + message;
  std::fprintf(stderr, "linkhealth crawl: %s\n", line.c_str());
  log.line(line);
}

}  // namespace

std::string follow_up_crawl(Store& store, std::int64_t run_id, const RunSettings& s,
                            const CrawlOutcome& outcome, double seconds, NoticeSender& sender,
                            RunLog& log) {
  std::string suffix;
  NoticeOutcome notices;
  try {
    notices = send_crawl_notices(store, run_id, s, sender);
  } catch (const std::exception& e) {
    notices.failures.push_back(std::string("notification: ") + e.what());
  }
  for (const std::string& failure : notices.failures) warn(log, "notification failed: " + failure);
  if (notices.delivered > 0) {
    log.line(fmt::format("notified {} channel(s) of run {}", notices.delivered, run_id));
    suffix += fmt::format("; notified {}", notices.delivered);
  }
  if (!notices.failures.empty()) {
    suffix += fmt::format("; {} notification{} failed", notices.failures.size(),
                          notices.failures.size() == 1 ? "" : "s");
  }
  if (notices.sent_before) log.line(fmt::format("run {} was announced before", run_id));

  if (!s.metrics.empty()) {
    try {
      RunMetrics metrics = load_run_metrics(store, run_id);
      metrics.new_problems = outcome.changes.new_problems;
      metrics.fixed = outcome.changes.fixed;
      metrics.duration_seconds = seconds;
      metrics.notification_failures = static_cast<int>(notices.failures.size());
      write_metrics_file(s.metrics, metrics);
    } catch (const std::exception& e) {
      warn(log, std::string("metrics: ") + e.what());
      suffix += "; metrics not written";
    }
  }
  return suffix;
}

}  // namespace linkhealth
