#include "reports/report_fix_plan.h"

#include "reports/content_fixes.h"

namespace linkhealth {

void attach_fix_plan(ReportModel& model, Store& store, const std::filesystem::path& content,
                     int confirm_runs, const FixOptions& options) {
  std::error_code ec;
  if (content.empty() || !std::filesystem::is_directory(content, ec)) return;
  FixEvidence evidence;
  {
    ReadSnapshot snapshot(store);
    evidence = load_fix_evidence(store.database(), confirm_runs);
  }
  model.ready_to_fix = plan_content_fixes(content, evidence, options).edits;
}

}  // namespace linkhealth
