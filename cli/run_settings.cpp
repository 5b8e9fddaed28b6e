#include "cli/run_settings.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "cli/config_file.h"

namespace linkhealth {

std::optional<std::filesystem::path> config_argument(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) return std::string(argv[i + 1]);
    if (std::strncmp(argv[i], "--config=", 9) == 0) return std::string(argv[i] + 9);
  }
  return std::nullopt;
}

RunSettings load_run_settings(int argc, char** argv) {
  return load_config(config_argument(argc, argv));
}

FailOn validated_fail_on(const RunSettings& s) {
  const auto fail_on = fail_on_from_string(s.fail_on);
  if (!fail_on) {
    throw ConfigError(fmt::format("fail_on must be 'new', 'any' or 'never', not '{}'", s.fail_on));
  }
  check_confirm_runs(s);
  return *fail_on;
}

void check_confirm_runs(const RunSettings& s) {
  if (s.confirm_runs < 1) {
    throw ConfigError(fmt::format("confirm_runs must be at least 1, not {}", s.confirm_runs));
  }
}

ScanOptions scan_options_for(const RunSettings& s, std::optional<TrackingRules>& rules) {
  ScanOptions options;
  for (const std::string& field : s.url_fields) {
    if (std::find(options.url_fields.begin(), options.url_fields.end(), field) ==
        options.url_fields.end()) {
      options.url_fields.push_back(field);
    }
  }
  if (!s.tracking_rules.empty()) {
    try {
      rules = load_tracking_rules(s.tracking_rules);
    } catch (const std::exception& e) {
      throw ConfigError(e.what());
    }
    options.rules = &*rules;
  }
  return options;
}

}  // namespace linkhealth
