#pragma once
// Writing the report files of a run (`report`, and `crawl --report/--json`): the HTML report
// and the JSON document, each written to a temporary file and renamed into place so a reader
// (a browser, a cron mail) never sees half a file.

#include <cstdio>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "reports/json_document.h"
#include "reports/report_loader.h"
#include "reports/report_model.h"

namespace linkhealth {

struct ReportFiles {
  std::string html;  ///< "" = no HTML report
  std::string json;  ///< "" = no JSON document; "-" = stdout
};

/// Writes the requested files and prints one "wrote ..." line per file to `log` (nullptr:
/// silent). Throws std::runtime_error naming the file when it cannot be written.
void write_report_files(const ReportModel& model, const ReportFiles& files, std::FILE* log);

/// The files of run `run_id` straight from the store (stream_report_model: one read snapshot, one
/// pass over the targets, as below), with `owners` and the plan `ready_to_fix` attached.
void write_run_report_files(Store& store, std::int64_t run_id, const ReportOptions& options,
                            const std::vector<Owner>& owners,
                            std::optional<std::vector<FixEdit>> ready_to_fix,
                            const ReportFiles& files, std::FILE* log);

/// The same files from a header (the model without targets) and the run's targets, read once:
/// each gets header.owners (assign_owners), the JSON streams them, and `header` keeps for the
/// HTML report only the targets it lists (is_plain_ok ones it counts in header.unlisted_ok).
/// Memory holds the listed targets, not the run.
void write_report_files(ReportModel& header, const RecordFeed& targets, const ReportFiles& files,
                        std::FILE* log);

/// Lets `write` fill `path`.tmp, then renames it to `path`. Throws std::runtime_error.
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write);

}  // namespace linkhealth
