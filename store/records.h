#pragma once
// What the store's queries return: plain rows for the report, JSON output and `check`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crawler/check_result.h"
#include "store/drift.h"
#include "store/history.h"
#include "store/run.h"

namespace linkhealth {

/// One stored check: the result (request_url and host filled), its run and the target's
/// failure history after it.
struct CheckRecord {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  RunKind run_kind = RunKind::Crawl;
  CheckResult result;
  HistoryState history;
};

/// One place in the content pointing at a target, with the curated record it belongs to.
struct RefRecord {
  std::string slug;
  std::string file;
  std::string field;
  std::string raw;
  std::string clean;
  std::vector<std::string> removed;
  int line = 0;
  std::string title;        ///< curated title of the source
  std::string description;  ///< curated description of the source
  std::string community;
  std::string brand;
};

/// A check with everything the report shows for it.
struct TargetRecord {
  CheckRecord check;
  std::vector<RefRecord> refs;  ///< current references (refs are not versioned)
  std::vector<Drift> drift;     ///< drift recorded with this check
};

/// Narrows run_targets; empty strings match anything.
struct TargetFilter {
  bool problems_only = false;
  std::optional<Verdict> verdict;
  std::string community;  ///< a referring source's community (basePath)
  std::string host;
};

}  // namespace linkhealth
