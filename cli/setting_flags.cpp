#include "cli/setting_flags.h"

#include <cstdlib>
#include <string>
#include <type_traits>

#include "cli/setting_table.h"
#include "extract/ascii.h"

namespace linkhealth {
namespace {

CLI::Option* add_bool(CLI::App& app, const Setting& setting, bool& slot) {
  const std::string help(setting.help);
  // A lone "!--no-x" only ever turns the value off; CLI11 would list it as "--no-x{false}".
  if (setting.flag.front() == '!' && setting.flag.find(',') == std::string_view::npos) {
    return app.add_flag_callback(
        std::string(setting.flag.substr(1)), [&slot] { slot = false; }, help);
  }
  return app.add_flag(std::string(setting.flag), slot, help);
}

template <typename T>
CLI::Option* bind_flag(CLI::App& app, const Setting& setting, T& slot) {
  if constexpr (std::is_same_v<T, bool>) {
    return add_bool(app, setting, slot);
  } else {
    CLI::Option* option =
        app.add_option(std::string(setting.flag), slot, std::string(setting.help));
    // Scalars show the value they start from (built-in or the config's); lists and the config
    // path show none.
    if constexpr (!std::is_same_v<T, std::vector<std::string>> &&
                  !std::is_same_v<T, std::filesystem::path>) {
      if (setting.shown_default != nullptr) {
        option->default_str(setting.shown_default());
      } else {
        option->capture_default_str();
      }
    }
    return option;
  }
}

void add_check(CLI::Option& option, ValueCheck check) {
  switch (check) {
    case ValueCheck::None:
      return;
    case ValueCheck::Positive:
      option.check(CLI::PositiveNumber);
      return;
    case ValueCheck::NonNegative:
      option.check(CLI::NonNegativeNumber);
      return;
    case ValueCheck::ExistingFile:
      option.check(CLI::ExistingFile);
      return;
  }
}

}  // namespace

void add_setting_flags(CLI::App& app, RunSettings& settings, FlagsFor command) {
  for (const Setting& setting : setting_table()) {
    if (setting.flag.empty()) continue;
    if (!setting.commands.offers(command)) continue;
    CLI::Option* option = std::visit(
        [&](auto field) { return bind_flag(app, setting, field(settings)); }, setting.field);
    add_check(*option, setting.check);
  }
}

void apply_host_limits(RunSettings& settings) {
  for (const std::string& spec : settings.host_limits) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      throw CLI::ValidationError("--host-limit", "expected HOST=PER_HOST[:INTERVAL_MS]: " + spec);
    }
    HostOverride limit;
    const std::string value = spec.substr(eq + 1);
    const std::size_t colon = value.find(':');
    limit.per_host = std::atoi(value.substr(0, colon).c_str());
    if (colon != std::string::npos) limit.interval_ms = std::atoi(value.c_str() + colon + 1);
    if (limit.per_host <= 0 || (colon != std::string::npos && limit.interval_ms < 0)) {
      throw CLI::ValidationError("--host-limit", "bad numbers in " + spec);
    }
    settings.fetch.host_overrides[ascii_lower(spec.substr(0, eq))] = limit;
  }
}

}  // namespace linkhealth
