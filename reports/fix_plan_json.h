#pragma once
// The fix plan as JSON: `fix --json` writes it, and the report's JSON document carries it as
// "fix_plan". A public contract like the rest of the JSON output (README "linkhealth fix").

#include <nlohmann/json.hpp>
#include <vector>

#include "reports/fix_edit.h"

namespace linkhealth {

/// [{"file", "line", "field", "old", "new", "kind"}, ...] in plan order.
nlohmann::json fix_plan_json(const std::vector<FixEdit>& edits);

}  // namespace linkhealth
