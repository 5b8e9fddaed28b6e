#include "cli/fix_settings.h"

namespace linkhealth {

std::vector<FixKind> validated_fix_kinds(const RunSettings& s) {
  std::string unknown;
  auto kinds = fix_kinds_from_list(s.fix_kinds, &unknown);
  if (!kinds) {
    throw ConfigError("unknown fix kind '" + unknown +
                      "' (expected redirect, tracking or relocation, comma-separated)");
  }
  return std::move(*kinds);
}

FixOptions fix_options_for(const RunSettings& s, std::optional<TrackingRules>& rules) {
  FixOptions options;
  options.kinds = validated_fix_kinds(s);
  options.rules = scan_options_for(s, rules).rules;
  return options;
}

}  // namespace linkhealth
