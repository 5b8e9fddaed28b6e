#pragma once
// The command-line flags of `crawl`, `check` and `fix`, made from the setting table
// (cli/setting_table.h): each flag writes straight into RunSettings, which already holds the
// defaults overlaid with the config file, so a flag that is given wins and one that is not
// leaves the file's value alone.

#include <CLI/CLI.hpp>

#include "cli/run_settings.h"
#include "cli/setting_table.h"

namespace linkhealth {

/// Registers the flag of every setting `command` offers, bound to `settings`.
void add_setting_flags(CLI::App& app, RunSettings& settings, FlagsFor command);

/// Folds --host-limit into fetch.host_overrides, after the config's `hosts:`. Throws
/// CLI::ValidationError on a malformed one.
void apply_host_limits(RunSettings& settings);

}  // namespace linkhealth
