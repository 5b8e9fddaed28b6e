#include "cli/config_file.h"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>
#include <fstream>
#include <map>
#include <sstream>
#include <type_traits>
#include <vector>

#include "cli/owner_config.h"
#include "cli/setting_table.h"
#include "extract/ascii.h"

namespace linkhealth {
namespace {

std::string where(const std::string& origin, const YAML::Node& node) {
  return fmt::format("{}:{}", origin, node.Mark().line + 1);
}

void require_mapping(const std::string& origin, const std::string& name, const YAML::Node& node) {
  if (!node.IsMap()) {
    throw ConfigError(fmt::format("{}: '{}' must be a mapping", where(origin, node), name));
  }
}

std::string joined(const std::string& section, const std::string& key) {
  return section.empty() ? key : section + "." + key;
}

template <typename T>
T scalar(const std::string& origin, const std::string& key, const YAML::Node& node) {
  try {
    return node.as<T>();
  } catch (const YAML::Exception&) {
    throw ConfigError(
        fmt::format("{}: key '{}' has a value of the wrong type", where(origin, node), key));
  }
}

std::vector<std::string> string_list(const std::string& origin, const std::string& key,
                                     const YAML::Node& node) {
  if (node.IsScalar()) return {scalar<std::string>(origin, key, node)};
  if (!node.IsSequence()) {
    throw ConfigError(
        fmt::format("{}: key '{}' must be a list of strings", where(origin, node), key));
  }
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(scalar<std::string>(origin, key, item));
  return out;
}

// Paths in the file mean "relative to the file", so a cron job can run from anywhere. "-"
// (stdout for json) and "" (none) name no file: they mean what they mean as flags.
std::string resolved_path(const std::filesystem::path& folder, const std::string& value) {
  if (folder.empty() || value.empty() || value == "-") return value;
  if (std::filesystem::path(value).is_absolute()) return value;
  return (folder / value).string();
}

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r") + 1 - first);
}

// A bare `-` value is YAML for a list entry where none may stand, so `json: -` fails to
// parse; say how to write "-" (stdout).
std::string yaml_error_message(const std::string& text, const YAML::Exception& e) {
  std::istringstream lines(text);
  std::string line;
  for (int i = 0; i <= e.mark.line; ++i) {
    if (!std::getline(lines, line)) return e.msg;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string::npos || trimmed(line.substr(colon + 1)) != "-") return e.msg;
  return fmt::format("{} (quote a lone '-': {}: \"-\")", e.msg, trimmed(line.substr(0, colon)));
}

class ConfigReader {
 public:
  ConfigReader(const std::string& origin, const std::filesystem::path& folder,
               RunSettings& settings)
      : origin_(origin), folder_(folder), settings_(settings) {}

  // Each key is a setting, a section of settings, or `hosts`; anything else is an error
  // naming it with its section.
  void read_section(const std::string& section, const YAML::Node& node) {
    require_mapping(origin_, section.empty() ? "the document" : section, node);
    for (const auto& entry : node) {
      const std::string key = joined(section, entry.first.as<std::string>());
      if (const Setting* setting = setting_with_key(key)) {
        read_setting(*setting, entry.second);
      } else if (key == "hosts") {
        read_hosts(entry.second);
      } else if (key == "owners") {
        settings_.owners = read_owners(origin_, entry.second);
      } else if (is_config_section(key)) {
        read_section(key, entry.second);
      } else {
        throw ConfigError(fmt::format("{}: unknown key '{}'", where(origin_, entry.first), key));
      }
    }
  }

 private:
  void read_setting(const Setting& setting, const YAML::Node& node) {
    const std::string key(setting.key);
    std::visit(
        [&](auto field) {
          auto& slot = field(settings_);
          using T = std::remove_reference_t<decltype(slot)>;
          if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            slot = string_list(origin_, key, node);
          } else if constexpr (std::is_same_v<T, std::filesystem::path>) {
            slot = scalar<std::string>(origin_, key, node);
          } else if constexpr (std::is_same_v<T, std::string>) {
            slot = scalar<std::string>(origin_, key, node);
            if (setting.config_relative_path) slot = resolved_path(folder_, slot);
          } else {
            slot = scalar<T>(origin_, key, node);
          }
        },
        setting.field);
  }

  // `hosts:` is keyed by host name, so its keys cannot be table keys.
  void read_hosts(const YAML::Node& node) {
    require_mapping(origin_, "hosts", node);
    for (const auto& entry : node) {
      const std::string host = entry.first.as<std::string>();
      const std::string section = "hosts." + host;
      require_mapping(origin_, section, entry.second);
      HostOverride& limit = settings_.fetch.host_overrides[ascii_lower(host)];
      for (const auto& field : entry.second) {
        const std::string name = field.first.as<std::string>();
        const std::string key = section + "." + name;
        if (name == "per_host") {
          limit.per_host = scalar<int>(origin_, key, field.second);
        } else if (name == "interval_ms") {
          limit.interval_ms = scalar<int>(origin_, key, field.second);
        } else if (name == "user_agent") {
          limit.user_agent = scalar<std::string>(origin_, key, field.second);
        } else if (name == "headers") {
          read_headers(key, field.second, limit);
        } else {
          throw ConfigError(fmt::format("{}: unknown key '{}'", where(origin_, field.first), key));
        }
      }
    }
  }

  void read_headers(const std::string& key, const YAML::Node& node, HostOverride& limit) {
    require_mapping(origin_, key, node);
    std::map<std::string, std::string> headers;  // sorted by name; a repeated name: the last
    for (const auto& kv : node) {
      headers[kv.first.as<std::string>()] = scalar<std::string>(origin_, key, kv.second);
    }
    for (const auto& [name, value] : headers) limit.headers.push_back(name + ": " + value);
  }

  const std::string& origin_;
  const std::filesystem::path& folder_;
  RunSettings& settings_;
};

}  // namespace

RunSettings parse_config(const std::string& text, const std::string& origin,
                         const std::filesystem::path& folder) {
  RunSettings settings;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(
        fmt::format("{}:{}: {}", origin, e.mark.line + 1, yaml_error_message(text, e)));
  }
  if (!root || root.IsNull()) return settings;
  ConfigReader(origin, folder, settings).read_section("", root);
  return settings;
}

RunSettings load_config(const std::optional<std::filesystem::path>& explicit_path) {
  std::filesystem::path path;
  if (explicit_path) {
    path = *explicit_path;
    if (!std::filesystem::exists(path)) {
      throw ConfigError(fmt::format("{}: config file not found", path.string()));
    }
  } else if (std::filesystem::exists("linkhealth.yaml")) {
    path = "linkhealth.yaml";
  } else {
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}: cannot read config file", path.string()));
  std::stringstream buffer;
  buffer << in.rdbuf();
  RunSettings settings =
      parse_config(buffer.str(), path.string(), std::filesystem::absolute(path).parent_path());
  settings.config_path = path;
  return settings;
}

}  // namespace linkhealth
