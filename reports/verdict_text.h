#pragma once
// Words for editors: what each verdict means and what to do about it, shown in the report's
// badges and legend. The machine names stay in crawler/check_result.h.

#include <array>
#include <string>
#include <string_view>

#include "crawler/check_result.h"
#include "types/drift_kind.h"

namespace linkhealth {

/// Short label, e.g. "Broken", "Soft 404", "Moved".
std::string_view verdict_label(Verdict verdict);

/// One sentence: what the verdict means and what an editor should do.
std::string_view verdict_advice(Verdict verdict);

/// Editor wording for a drift kind, e.g. title_mismatch -> "Live title differs from the
/// curated one".
std::string_view drift_label(DriftKind kind);

/// Every verdict, most urgent first (the order of the report's chips and legend).
const std::array<Verdict, kVerdictCount>& verdicts_by_severity();

/// "2026-11-25T02:00:13Z" -> "2026-11-25 02:00 UTC"; anything else is returned unchanged.
std::string display_time(std::string_view iso);

}  // namespace linkhealth
