#include "store/history.h"

namespace linkhealth {

HistoryState next_history(const std::optional<HistoryState>& previous, Verdict verdict,
                          RunKind kind, const std::string& checked_at, int confirm_runs) {
  HistoryState before = previous.value_or(HistoryState{});
  if (verdict == Verdict::Blocked || verdict == Verdict::Skipped) return before;
  if (!is_problem(verdict)) return {};
  HistoryState after;
  after.failures = before.failures + 1;
  after.broken_since = before.failures > 0 ? before.broken_since : checked_at;
  bool recheck = kind == RunKind::Check && after.failures >= 2;
  after.confirmed = before.confirmed || after.failures >= confirm_runs || recheck;
  return after;
}

}  // namespace linkhealth
