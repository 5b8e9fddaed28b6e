#pragma once
// What `linkhealth fix` plans with, from the settings (config and command line): the kinds of
// edit (`fix_kinds`, `--kinds`) and the tracking rules. The crawl's and the report's "Ready to
// fix" use the same, so they list what `fix` with the same config would change.

#include <optional>
#include <vector>

#include "cli/run_settings.h"
#include "reports/fix_plan.h"

namespace linkhealth {

/// The kinds fix_kinds names. Throws ConfigError naming an unknown one.
std::vector<FixKind> validated_fix_kinds(const RunSettings& settings);

/// The kinds and the tracking rules of the settings; `rules` receives the loaded rules (it
/// must outlive the returned options). Throws ConfigError.
FixOptions fix_options_for(const RunSettings& settings, std::optional<TrackingRules>& rules);

}  // namespace linkhealth
