#pragma once
// Writing the report files of a run (`report`, and `crawl --report/--json`): the HTML report
// and the JSON document, each written to a temporary file and renamed into place so a reader
// (a browser, a cron mail) never sees half a file.

#include <cstdio>
#include <functional>
#include <ostream>
#include <string>

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

/// The same files from a header (the model without targets) and the run's targets, read once:
/// each gets header.owners (assign_owners), the JSON streams them, and `header` keeps for the
/// HTML report only the targets it lists (is_plain_ok ones it counts in header.unlisted_ok).
/// Memory holds the listed targets, not the run.
void write_report_files(ReportModel& header, const RecordFeed& targets, const ReportFiles& files,
                        std::FILE* log);

/// Writes the JSON document of `header` with the targets `targets` feeds, to `path` ("-" is
/// stdout), atomically like the others; the targets need never be in memory together.
void write_json_file(const std::string& path, const ReportModel& header, const TargetFeed& targets);

/// The "wrote ..." line of one file to `log` (nullptr: silent): "`what` of run N (kind,
/// `targets` targets): `where`".
void print_written(std::FILE* log, const char* what, const ReportRun& run, std::size_t targets,
                   const std::string& where);

/// Lets `write` fill `path`.tmp, then renames it to `path`. Throws std::runtime_error.
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write);

}  // namespace linkhealth
