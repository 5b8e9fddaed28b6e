// The setting table drives linkhealth.yaml and the flags of crawl, check and fix: one key and one
// flag per setting, nothing declared beside it, and the same value whichever way it is set.
#include <catch2/catch.hpp>

#include <CLI/CLI.hpp>

#include <regex>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "cli/config_file.h"
#include "cli/setting_flags.h"
#include "cli/setting_table.h"
#include "tests/cli_process.h"

using namespace linkhealth;

namespace {

/// The flag's names without CLI11's '!' ("--progress", "--no-progress").
std::vector<std::string> flag_names(const Setting& setting) {
  std::vector<std::string> names;
  std::string_view rest = setting.flag;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view name = rest.substr(0, comma);
    if (name.front() == '!') name.remove_prefix(1);
    names.emplace_back(name);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return names;
}

const Setting* setting_with_flag(const std::string& flag) {
  for (const Setting& setting : setting_table()) {
    for (const std::string& name : flag_names(setting)) {
      if (name == flag) return &setting;
    }
  }
  return nullptr;
}

/// Every "--flag" a --help text lists.
/// The flags the table gives `command`, with the command's own `extra` ones.
std::set<std::string> table_flags(FlagsFor command, std::set<std::string> extra = {}) {
  for (const Setting& setting : setting_table()) {
    if (!setting.commands.offers(command)) continue;
    for (const std::string& name : flag_names(setting)) extra.insert(name);
  }
  return extra;
}

std::set<std::string> help_flags(const std::string& help) {
  static const std::regex flag(R"((^|[ ,])(--[a-z0-9-]+))");
  std::set<std::string> out;
  for (std::sregex_iterator it(help.begin(), help.end(), flag), end; it != end; ++it) {
    out.insert((*it)[2].str());
  }
  return out;
}

std::string sample_file() {
  return (std::filesystem::path(LINKHEALTH_FIXTURES_DIR) / "../../examples/linkhealth.yaml")
      .string();
}

/// Settings holding a value of `setting` unlike its default.
RunSettings with_sample(const Setting& setting) {
  RunSettings s;
  std::visit(
      [&](auto field) {
        auto& slot = field(s);
        using T = std::remove_reference_t<decltype(slot)>;
        if constexpr (std::is_same_v<T, bool>) {
          slot = !slot;
        } else if constexpr (std::is_same_v<T, std::string>) {
          slot = setting.check == ValueCheck::ExistingFile ? sample_file() : "sample value";
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          slot = {"one.test=1", "two.test=2:30"};
        } else if constexpr (std::is_same_v<T, std::filesystem::path>) {
          slot = "sample.yaml";
        } else if constexpr (std::is_same_v<T, double>) {
          slot += 0.5;
        } else {
          slot += 5;
        }
      },
      setting.field);
  return s;
}

/// The setting's value in `s` as the command line writes it (one entry per list item).
std::vector<std::string> values_of(const Setting& setting, RunSettings s) {
  return std::visit(
      [&](auto field) -> std::vector<std::string> {
        const auto& slot = field(s);
        using T = std::remove_cvref_t<decltype(slot)>;
        if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          return slot;
        } else if constexpr (std::is_same_v<T, std::filesystem::path>) {
          return {slot.string()};
        } else if constexpr (std::is_same_v<T, bool>) {
          return {slot ? "true" : "false"};
        } else if constexpr (std::is_same_v<T, std::string>) {
          return {slot};
        } else {
          return {fmt::format("{}", slot)};
        }
      },
      setting.field);
}

/// linkhealth.yaml setting `setting` to its value in `s`, sections nested.
std::string config_text(const Setting& setting, const RunSettings& s) {
  std::string text;
  std::string indent;
  std::string_view key = setting.key;
  for (std::size_t dot = key.find('.'); dot != std::string_view::npos; dot = key.find('.')) {
    text += fmt::format("{}{}:\n", indent, key.substr(0, dot));
    indent += "  ";
    key.remove_prefix(dot + 1);
  }
  std::vector<std::string> quoted;
  for (const std::string& value : values_of(setting, s)) quoted.push_back('"' + value + '"');
  const bool list =
      std::holds_alternative<std::vector<std::string>& (*)(RunSettings&)>(setting.field);
  return text + fmt::format("{}{}: {}\n", indent, key,
                            list ? fmt::format("[{}]", fmt::join(quoted, ", ")) : quoted[0]);
}

/// The command line setting `setting` to its value in `s`.
std::vector<std::string> flag_arguments(const Setting& setting, const RunSettings& s) {
  const std::string name = flag_names(setting).front();
  if (std::holds_alternative<bool& (*)(RunSettings&)>(setting.field)) return {name};
  std::vector<std::string> args;
  for (const std::string& value : values_of(setting, s)) {
    args.push_back(name);
    args.push_back(value);
  }
  return args;
}

RunSettings parsed_flags(std::vector<std::string> args, FlagsFor command) {
  RunSettings settings;
  CLI::App app;
  add_setting_flags(app, settings, command);
  args.insert(args.begin(), "linkhealth");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  app.parse(static_cast<int>(argv.size()), argv.data());
  return settings;
}

}  // namespace

TEST_CASE("the setting table has one setting per config key and per flag", "[cli][config]") {
  std::set<std::string_view> keys;
  std::set<std::string> flags;
  for (const Setting& setting : setting_table()) {
    INFO(setting.key << " " << setting.flag);
    CHECK_FALSE((setting.key.empty() && setting.flag.empty()));
    CHECK(setting.help.empty() == setting.flag.empty());  // every flag explains itself
    if (!setting.key.empty()) {
      CHECK(keys.insert(setting.key).second);
      CHECK(setting_with_key(setting.key) == &setting);
      CHECK_FALSE(is_config_section(setting.key));
    }
    for (const std::string& name : flag_names(setting)) {
      CHECK(name.rfind("--", 0) == 0);
      CHECK(flags.insert(name).second);
    }
  }
  CHECK(keys.count("fetch.per_host") == 1);
  CHECK(is_config_section("fetch"));
  CHECK(is_config_section("exclude"));
  CHECK_FALSE(is_config_section("hosts"));  // read by host name, beside the table
  CHECK(setting_with_key("hosts") == nullptr);
  CHECK(setting_with_key("fetch.concurency") == nullptr);
}

TEST_CASE("every flag of crawl --help is a setting with a config key or a command-line one",
          "[cli][config]") {
  // The flags with no config key, on purpose: a new one must be added here knowingly.
  const std::set<std::string> command_line_only = {
      "--config",           "--fresh", "--progress", "--no-progress", "--host-limit",
      "--no-soft404-probe", "--shard"};  // one config serves every shard
  const testing::ProcessResult crawl = testing::run_linkhealth({"crawl", "--help"});
  REQUIRE(crawl.status == 0);
  std::set<std::string> listed = help_flags(crawl.out);
  REQUIRE(listed.erase("--help") == 1);
  CHECK(listed == table_flags(FlagsFor::Crawl));
  for (const std::string& flag : listed) {
    INFO(flag);
    const Setting* setting = setting_with_flag(flag);
    REQUIRE(setting != nullptr);
    CHECK(setting->key.empty() == (command_line_only.count(flag) == 1));
  }
  CHECK_THAT(crawl.out, Catch::Contains("requests in flight over all hosts") &&
                            Catch::Contains(default_user_agent()));
}

TEST_CASE("check --help lists the settings crawl and check share, and its own --json",
          "[cli][config]") {
  const testing::ProcessResult check = testing::run_linkhealth({"check", "--help"});
  REQUIRE(check.status == 0);
  CHECK(help_flags(check.out) == table_flags(FlagsFor::Check, {"--help", "--json"}));
  CHECK_THAT(check.out, !Catch::Contains("--fail-on") && !Catch::Contains("--report"));
}

TEST_CASE("fix --help lists its settings from the table and its own --json", "[cli][config]") {
  const testing::ProcessResult fix = testing::run_linkhealth({"fix", "--help"});
  REQUIRE(fix.status == 0);
  const std::set<std::string> expected = table_flags(FlagsFor::Fix, {"--help", "--json"});
  CHECK(help_flags(fix.out) == expected);
  CHECK(expected.count("--apply") == 1);
  CHECK(expected.count("--kinds") == 1);
  CHECK(expected.count("--confirm-runs") == 1);
  CHECK_THAT(fix.out, !Catch::Contains("--concurrency"));
}

TEST_CASE("every setting gets the same value from the config file and from its flag",
          "[cli][config]") {
  for (const Setting& setting : setting_table()) {
    const RunSettings expected = with_sample(setting);
    INFO(setting.key << " " << setting.flag);
    REQUIRE_FALSE(expected == RunSettings{});
    if (!setting.key.empty()) {
      const std::string text = config_text(setting, expected);
      INFO(text);
      CHECK(parse_config(text, "linkhealth.yaml") == expected);
    }
    if (setting.flag.empty()) continue;
    const std::vector<std::string> args = flag_arguments(setting, expected);
    for (const FlagsFor command : {FlagsFor::Crawl, FlagsFor::Check, FlagsFor::Fix}) {
      if (setting.commands.offers(command)) {
        CHECK(parsed_flags(args, command) == expected);
      } else {
        CHECK_THROWS_AS(parsed_flags(args, command), CLI::ParseError);
      }
    }
  }
}

TEST_CASE("flags win over the config file and leave the rest of it alone", "[cli][config]") {
  RunSettings s = parse_config(
      "db: config.db\nfetch:\n  per_host: 3\n  interval_ms: 900\n"
      "hosts:\n  a.test:\n    user_agent: ua/1\n",
      "linkhealth.yaml");
  CLI::App app;
  add_setting_flags(app, s, FlagsFor::Crawl);
  std::vector<std::string> args = {"linkhealth",         "--per-host",   "1",
                                   "--no-soft404-probe", "--host-limit", "B.test=2:50"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  app.parse(static_cast<int>(argv.size()), argv.data());
  apply_host_limits(s);
  CHECK(s.db == "config.db");
  CHECK(s.fetch.per_host == 1);
  CHECK(s.fetch.interval_ms == 900);
  CHECK_FALSE(s.fetch.soft404_probe);
  CHECK(s.fetch.host_overrides.at("a.test").user_agent == "ua/1");
  CHECK(s.fetch.host_overrides.at("b.test").per_host == 2);
  CHECK(s.fetch.host_overrides.at("b.test").interval_ms == 50);
  s.host_limits = {"nohost"};
  CHECK_THROWS_AS(apply_host_limits(s), CLI::ValidationError);
}
