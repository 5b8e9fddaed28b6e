#pragma once
// `crawl --metrics FILE`: the run's figures in the Prometheus text exposition format, for
// node_exporter's textfile collector (point it at FILE's folder; FILE must end in .prom), so
// the weekly job shows up in monitoring like every other job. Written to FILE.tmp and renamed,
// so the collector never reads half a file.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "crawler/check_result.h"
#include "store/store.h"

namespace linkhealth {

struct RunMetrics {
  std::int64_t run_id = 0;
  bool interrupted = false;
  std::array<std::int64_t, kVerdictCount> targets{};  ///< checks by verdict
  std::int64_t problems = 0;
  std::int64_t new_problems = 0;
  std::int64_t fixed = 0;
  double duration_seconds = 0;  ///< wall time of this crawl command
  std::int64_t requests = 0;
  std::int64_t bytes = 0;
  std::optional<std::int64_t> last_finished;  ///< unix seconds the newest finished crawl ended
  int notification_failures = 0;
};

/// The figures of crawl `run_id` from the store; the caller adds what only it knows
/// (duration, new and fixed counts, failed notifications).
RunMetrics load_run_metrics(Store& store, std::int64_t run_id);

/// The exposition text: HELP and TYPE lines, every verdict (zeros included, so a series never
/// vanishes), all gauges.
std::string metrics_text(const RunMetrics& metrics);

/// Writes metrics_text atomically. Throws std::runtime_error naming the file.
void write_metrics_file(const std::string& path, const RunMetrics& metrics);

}  // namespace linkhealth
