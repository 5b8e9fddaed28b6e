#pragma once
// What the store's queries return: plain rows for the report, JSON output and `check`. Each
// record is the one before it plus what the store adds: CheckResult (crawler/) -> CheckRecord
// (its run and history) -> TargetRecord (refs, drift, new/fixed), which the report renders.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crawler/check_result.h"
#include "store/citing_ref.h"
#include "store/drift.h"
#include "store/history.h"
#include "store/run.h"

namespace linkhealth {

/// One stored check: the result (request_url and host filled), its run and the target's
/// failure history after it.
struct CheckRecord : CheckResult {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  RunKind run_kind = RunKind::Crawl;
  HistoryState history;
};

/// A check with everything the report shows for it.
struct TargetRecord : CheckRecord {
  std::vector<CitingRef> refs;  ///< current references (refs are not versioned)
  std::vector<Drift> drift;     ///< drift recorded with this check
  /// Against the previous finished crawl (store/queries.h; false outside a run's targets):
  bool is_new = false;    ///< a confirmed problem now, not one in that crawl
  bool is_fixed = false;  ///< ok or redirected now, a problem in that crawl
};

/// How much of each stored page a read of a run's targets carries.
enum class PageRead {
  Whole,  ///< every PageMeta field (a store round trip; what a 304 reuses)
  /// The fields with columns of their own (title, description, canonical, og_*): all that the
  /// report, the JSON and the notices show, without parsing each page's JSON.
  Columns,
};

/// Narrows run_targets; empty strings match anything.
struct TargetFilter {
  bool problems_only = false;
  std::optional<Verdict> verdict;
  std::string community;  ///< a referring source's community (basePath)
  std::string host;
};

}  // namespace linkhealth
