#pragma once
// Fills a ReportModel from the store: the run header and findings, then the run's targets as
// the store reads them (TargetRecord: check, history, refs, drift, new/fixed), with a fixed
// number of statements however large the run. Used by `report`, `crawl --report/--json` and
// `check --json`.

#include <cstdint>
#include <functional>
#include <string>

#include "reports/report_model.h"
#include "store/store.h"

namespace linkhealth {

struct ReportOptions {
  std::string wayback_base = "https://web.archive.org";  ///< --wayback-base
};

/// The model of run `run_id`, read inside one ReadSnapshot so it is consistent while a crawl
/// commits to the same file. Targets in the store's order (host, then URL); is_new / is_fixed
/// against the previous finished crawl. Throws std::invalid_argument for an unknown run id.
ReportModel load_report_model(Store& store, std::int64_t run_id, const ReportOptions& options);

/// Feeds the run's targets one at a time to its argument (see stream_report_model).
using RecordFeed = std::function<void(const std::function<void(TargetRecord&&)>&)>;

/// The model without targets, then `write(header, targets)` with the targets as a feed, all in
/// one ReadSnapshot: consistent while a crawl commits to the same file, with one target in
/// memory at a time (`crawl` and `report`'s files). `write` may complete the header before it reads
/// any target; it must not start a snapshot of its own.
void stream_report_model(
    Store& store, std::int64_t run_id, const ReportOptions& options,
    const std::function<void(ReportModel& header, const RecordFeed& targets)>& write);

/// The run status as the report and the JSON document name it ("done" is "completed").
std::string report_status(RunStatus status);

}  // namespace linkhealth
