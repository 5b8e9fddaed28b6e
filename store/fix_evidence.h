#pragma once
// What the recorded crawls prove about moved links, read for `linkhealth fix` and the
// report's "Ready to fix" (the rules are in store/fix_rules.h; reports/fix_plan.h turns the
// evidence into edits of the content files as they are now).

#include <map>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "store/fix_rules.h"
#include "store/records.h"

namespace linkhealth {

struct FixEvidence {
  std::map<std::string, ConfirmedRedirect> redirects;  ///< request URL -> confirmed move
  std::map<std::string, Replacement> relocations;      ///< request URL -> confirmed replacement
  /// The references the evidence was recorded for (file, field, value and line at the crawl),
  /// by request URL: how `fix` tells a value changed since the crawl.
  std::map<std::string, std::vector<CitingRef>> refs;
  /// The files whose references held tracking parameters at the last scan.
  std::set<std::string> tracking_files;
};

/// Redirects confirmed by the last `confirm_runs` finished crawls, relocations confirmed by
/// the last two (the replacement stored with each check), and the references to those
/// targets.
FixEvidence load_fix_evidence(SQLite::Database& db, int confirm_runs);

}  // namespace linkhealth
