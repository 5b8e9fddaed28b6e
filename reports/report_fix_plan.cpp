#include "reports/report_fix_plan.h"

#include <algorithm>
#include <set>

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
  FixOptions listing = options;
  listing.keep_texts = false;
  std::vector<FixEdit> edits = plan_content_fixes(content, evidence, listing).edits;
  if (!model.owner_filter.empty()) {
    // The owner's view keeps the refs in the owner's files: so do their edits.
    std::set<std::string> owned;
    for (const TargetRecord& target : model.targets) {
      for (const CitingRef& ref : target.refs) owned.insert(ref.file);
    }
    std::erase_if(edits, [&](const FixEdit& e) { return owned.count(e.file) == 0; });
  }
  model.ready_to_fix = std::move(edits);
}

}  // namespace linkhealth
