#pragma once
// Per-target failure history. Every check row carries the state after it, so the history of a
// target is its latest check and a report can show old runs exactly as they were.
//
// A target is "newly broken" only once its failure is confirmed: --confirm-runs consecutive
// failing checks (default 2, so one flaky week is not reported), or a failing ad-hoc `check`
// that rechecks an already failing target. Blocked and skipped checks say nothing about the
// link, so they neither extend nor reset a streak.

#include <cstdint>
#include <optional>
#include <string>

#include "crawler/check_result.h"
#include "store/run.h"

namespace linkhealth {

struct HistoryState {
  int failures = 0;          ///< consecutive problem checks up to and including this one
  std::string broken_since;  ///< checked_at of the first failure of the streak, "" when none
  bool confirmed = false;    ///< the streak counts as broken for new/fixed reporting
};

inline constexpr int kDefaultConfirmRuns = 2;

/// What a new check of a target in run R continues: read before it is written.
struct PriorHistory {
  std::int64_t target_id = 0;        ///< 0: the target is not in the store yet
  std::optional<HistoryState> last;  ///< after its newest check of another run
  bool rechecked = false;            ///< R has a check of it already (replaced, with its drift)
};

/// The state after a check with `verdict` at `checked_at`, given the state after the target's
/// previous check (nullopt for its first check).
HistoryState next_history(const std::optional<HistoryState>& previous, Verdict verdict,
                          RunKind kind, const std::string& checked_at, int confirm_runs);

}  // namespace linkhealth
