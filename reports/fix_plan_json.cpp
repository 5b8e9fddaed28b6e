#include "reports/fix_plan_json.h"

namespace linkhealth {

nlohmann::json fix_plan_json(const std::vector<FixEdit>& edits) {
  nlohmann::json out = nlohmann::json::array();
  for (const FixEdit& e : edits) {
    out.push_back({{"file", e.file},
                   {"line", e.line},
                   {"field", e.field},
                   {"old", e.old_value},
                   {"new", e.new_value},
                   {"kind", std::string(to_string(e.kind))}});
  }
  return out;
}

}  // namespace linkhealth
