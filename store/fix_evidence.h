#pragma once
// What the recorded crawls prove about moved links, read for `linkhealth fix` and the
// report's "Ready to fix" (the rules are in store/fix_rules.h; reports/fix_plan.h turns the
// evidence into edits of the content files as they are now).

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "store/fix_rules.h"
#include "store/records.h"

namespace linkhealth {

struct FixEvidence {
  std::map<std::string, ConfirmedRedirect> redirects;  ///< request URL -> confirmed move
  std::map<std::string, std::string> relocations;      ///< request URL -> confirmed replacement
  /// The references the evidence was recorded for (file, field, value and line at the crawl),
  /// by request URL: how `fix` tells a value changed since the crawl.
  std::map<std::string, std::vector<RefRecord>> refs;
};

/// Redirects confirmed by the last `confirm_runs` finished crawls, relocations confirmed by
/// the last two, and the references to those targets.
FixEvidence load_fix_evidence(SQLite::Database& db, int confirm_runs);

/// The replacement relocation recorded for each target in run `latest` and in run `before`
/// (first: latest, second: before). STUB until relocation (issue 19) stores replacements with
/// its checks: it returns nothing, so `--kinds relocation` plans nothing yet.
std::map<std::string, std::pair<std::optional<Replacement>, std::optional<Replacement>>>
recorded_replacements(SQLite::Database& db, std::int64_t latest, std::int64_t before);

}  // namespace linkhealth
