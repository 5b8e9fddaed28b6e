#pragma once
// Puts "Ready to fix" into a report: the edits `linkhealth fix` would make now, planned from
// the store and the content tree the crawl read (reports/content_fixes.h).

#include <filesystem>

#include "reports/fix_plan.h"
#include "reports/report_model.h"
#include "store/store.h"

namespace linkhealth {

/// Sets model.ready_to_fix from the last `confirm_runs` finished crawls and the files under
/// `content`; leaves it unset when `content` is not a readable directory (a report written
/// away from the content tree). With model.owner_filter set (apply_owners first), only the
/// edits of files the kept refs are in.
void attach_fix_plan(ReportModel& model, Store& store, const std::filesystem::path& content,
                     int confirm_runs, const FixOptions& options = {});

}  // namespace linkhealth
