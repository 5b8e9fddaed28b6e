#pragma once
// Every setting of `crawl`, `check` and `fix`, declared once: its config key, its command-line
// flag, its help text, the check of its value and where it lives in RunSettings. The config reader
// (cli/config_file.h) and the flags of both commands with their --help (cli/setting_flags.h)
// all read this table, and a default is RunSettings' own member initializer, so a setting
// cannot mean one thing in linkhealth.yaml and another on the command line.

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cli/run_settings.h"

namespace linkhealth {

/// Where a setting's value lives: one accessor type per value type.
using SettingField =
    std::variant<std::string& (*)(RunSettings&), int& (*)(RunSettings&), long& (*)(RunSettings&),
                 double& (*)(RunSettings&), bool& (*)(RunSettings&),
                 std::vector<std::string>& (*)(RunSettings&),
                 std::filesystem::path& (*)(RunSettings&)>;

/// What a flag's value must be (CLI11 validators).
enum class ValueCheck { None, Positive, NonNegative, ExistingFile };

/// The commands whose flags come from this table.
enum class FlagsFor { Crawl, Check, Fix };

/// The commands that offer a setting's flag.
struct FlagCommands {
  bool crawl = true;
  bool check = true;
  bool fix = false;
  bool offers(FlagsFor command) const {
    return command == FlagsFor::Crawl ? crawl : command == FlagsFor::Check ? check : fix;
  }
};

struct Setting {
  /// Config key, sections joined by '.' ("fetch.per_host"); empty: command line only.
  std::string_view key = {};
  /// CLI11 names ("--per-host", "--progress,!--no-progress"; '!' sets false); empty: config
  /// only.
  std::string_view flag = {};
  std::string_view help = {};
  SettingField field;
  ValueCheck check = ValueCheck::None;
  /// A relative path in the config file means one in the config file's folder.
  bool config_relative_path = false;
  FlagCommands commands = {};
  /// The default --help shows where an empty value stands for a built-in one.
  std::string (*shown_default)() = nullptr;
};

/// Every setting, in --help order.
std::span<const Setting> setting_table();

/// The setting with config key `key`; nullptr when there is none.
const Setting* setting_with_key(std::string_view key);

/// Whether `key` is a section holding setting keys ("fetch", "exclude").
bool is_config_section(std::string_view key);

}  // namespace linkhealth
