#pragma once
// linkhealth.yaml: the settings a cron job would otherwise repeat on every command line. The
// keys are those of the setting table (cli/setting_table.h) plus the per-host `hosts:`
// section; an unknown key is an error that names it, so a typo never silently falls back to a
// default.

#include <filesystem>
#include <optional>
#include <string>

#include "cli/config_error.h"
#include "cli/run_settings.h"

namespace linkhealth {

/// The built-in defaults overlaid with the values of config `text`; `origin` names the file
/// in error messages. Relative paths of path settings are taken as relative to `folder`
/// (unless it is empty); "-" (stdout) stays "-". Throws ConfigError naming file and line.
RunSettings parse_config(const std::string& text, const std::string& origin,
                         const std::filesystem::path& folder = {});

/// Reads `explicit_path` if given (it must exist), else ./linkhealth.yaml if present, else
/// returns the defaults. Relative paths inside the file are resolved against its folder.
RunSettings load_config(const std::optional<std::filesystem::path>& explicit_path);

}  // namespace linkhealth
