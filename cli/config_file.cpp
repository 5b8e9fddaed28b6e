#include "cli/config_file.h"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <sstream>

namespace linkhealth {
namespace {

using Handler = std::function<void(const YAML::Node&)>;

std::string where(const std::string& origin, const YAML::Node& node) {
  return fmt::format("{}:{}", origin, node.Mark().line + 1);
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

// Walks a mapping, dispatching each key to its handler; an unknown key is an error naming it.
void walk(const std::string& origin, const std::string& section, const YAML::Node& node,
          const std::map<std::string, Handler>& handlers) {
  if (!node.IsMap()) {
    throw ConfigError(fmt::format("{}: '{}' must be a mapping", where(origin, node),
                                  section.empty() ? "the document" : section));
  }
  for (const auto& entry : node) {
    auto key = entry.first.as<std::string>();
    auto it = handlers.find(key);
    std::string full = section.empty() ? key : section + "." + key;
    if (it == handlers.end()) {
      throw ConfigError(fmt::format("{}: unknown key '{}'", where(origin, entry.first), full));
    }
    it->second(entry.second);
  }
}

template <typename T>
Handler set(const std::string& origin, const std::string& key, std::optional<T>& slot) {
  return [&origin, key, &slot](const YAML::Node& n) { slot = scalar<T>(origin, key, n); };
}

Handler set_list(const std::string& origin, const std::string& key,
                 std::vector<std::string>& slot) {
  return [&origin, key, &slot](const YAML::Node& n) { slot = string_list(origin, key, n); };
}

void read_fetch(const std::string& origin, const YAML::Node& node, FetchSettings& f) {
  walk(origin, "fetch", node,
       {
           {"concurrency", set(origin, "fetch.concurrency", f.concurrency)},
           {"per_host", set(origin, "fetch.per_host", f.per_host)},
           {"interval_ms", set(origin, "fetch.interval_ms", f.interval_ms)},
           {"timeout", set(origin, "fetch.timeout", f.timeout)},
           {"connect_timeout", set(origin, "fetch.connect_timeout", f.connect_timeout)},
           {"retries", set(origin, "fetch.retries", f.retries)},
           {"max_redirects", set(origin, "fetch.max_redirects", f.max_redirects)},
           {"max_head_bytes", set(origin, "fetch.max_head_bytes", f.max_head_bytes)},
           {"user_agent", set(origin, "fetch.user_agent", f.user_agent)},
           {"robots", set(origin, "fetch.robots", f.robots)},
           {"allow_private", set(origin, "fetch.allow_private", f.allow_private)},
           {"cacert", set(origin, "fetch.cacert", f.cacert)},
           {"resolve", set_list(origin, "fetch.resolve", f.resolve)},
           {"connect_to", set_list(origin, "fetch.connect_to", f.connect_to)},
       });
}

void read_hosts(const std::string& origin, const YAML::Node& node,
                std::map<std::string, HostSettings>& hosts) {
  if (!node.IsMap())
    throw ConfigError(fmt::format("{}: 'hosts' must be a mapping", where(origin, node)));
  for (const auto& entry : node) {
    auto host = entry.first.as<std::string>();
    HostSettings& h = hosts[host];
    std::string section = "hosts." + host;
    walk(origin, section, entry.second,
         {
             {"per_host", set(origin, section + ".per_host", h.per_host)},
             {"interval_ms", set(origin, section + ".interval_ms", h.interval_ms)},
             {"user_agent", set(origin, section + ".user_agent", h.user_agent)},
             {"headers",
              [&](const YAML::Node& n) {
                if (!n.IsMap()) {
                  throw ConfigError(
                      fmt::format("{}: '{}.headers' must be a mapping", where(origin, n), section));
                }
                for (const auto& kv : n) {
                  h.headers[kv.first.as<std::string>()] =
                      scalar<std::string>(origin, section + ".headers", kv.second);
                }
              }},
         });
  }
}

}  // namespace

ConfigFile parse_config(const std::string& text, const std::string& origin) {
  ConfigFile cfg;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}:{}: {}", origin, e.mark.line + 1, e.msg));
  }
  if (!root || root.IsNull()) return cfg;
  walk(origin, "", root,
       {
           {"content", set(origin, "content", cfg.content)},
           {"db", set(origin, "db", cfg.db)},
           {"report", set(origin, "report", cfg.report)},
           {"json", set(origin, "json", cfg.json)},
           {"log", set(origin, "log", cfg.log)},
           {"fail_on", set(origin, "fail_on", cfg.fail_on)},
           {"confirm_runs", set(origin, "confirm_runs", cfg.confirm_runs)},
           {"wayback_base", set(origin, "wayback_base", cfg.wayback_base)},
           {"tracking_rules", set(origin, "tracking_rules", cfg.tracking_rules)},
           {"url_fields", set_list(origin, "url_fields", cfg.url_fields)},
           {"fetch", [&](const YAML::Node& n) { read_fetch(origin, n, cfg.fetch); }},
           {"hosts", [&](const YAML::Node& n) { read_hosts(origin, n, cfg.hosts); }},
           {"exclude",
            [&](const YAML::Node& n) {
              walk(origin, "exclude", n,
                   {
                       {"urls", set_list(origin, "exclude.urls", cfg.exclude_urls)},
                       {"hosts", set_list(origin, "exclude.hosts", cfg.exclude_hosts)},
                   });
            }},
       });
  return cfg;
}

ConfigFile load_config(const std::optional<std::filesystem::path>& explicit_path) {
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
  ConfigFile cfg = parse_config(buffer.str(), path.string());
  cfg.path = path;
  // Paths in the file mean "relative to the file", so a cron job can run from anywhere.
  auto base = std::filesystem::absolute(path).parent_path();
  for (auto* slot : {&cfg.content, &cfg.db, &cfg.report, &cfg.json, &cfg.log, &cfg.tracking_rules,
                     &cfg.fetch.cacert}) {
    if (*slot && std::filesystem::path(**slot).is_relative()) *slot = (base / **slot).string();
  }
  return cfg;
}

}  // namespace linkhealth
