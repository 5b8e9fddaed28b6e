#include "cli/owner_config.h"

#include <algorithm>

#include <fmt/format.h>

#include "cli/config_error.h"
#include "reports/notice_text.h"

namespace linkhealth {
namespace {

class OwnerReader {
 public:
  explicit OwnerReader(const std::string& origin) : origin_(origin) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    throw ConfigError(fmt::format("{}:{}: {}", origin_, node.Mark().line + 1, message));
  }

  std::string text(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) fail(node, fmt::format("key '{}' must be a string", key));
    return node.as<std::string>();
  }

  std::vector<std::string> texts(const YAML::Node& node, const std::string& key) const {
    if (node.IsScalar()) return {text(node, key)};
    if (!node.IsSequence()) fail(node, fmt::format("key '{}' must be a list of strings", key));
    std::vector<std::string> out;
    for (const auto& item : node) out.push_back(text(item, key));
    return out;
  }

  Owner owner(const YAML::Node& node, std::size_t index) const {
    const std::string section = fmt::format("owners[{}]", index);
    if (!node.IsMap())
      fail(node, fmt::format("'{}' must be a mapping (name, paths, ...)", section));
    Owner owner;
    for (const auto& entry : node) {
      const std::string name = entry.first.as<std::string>();
      const std::string key = section + "." + name;
      if (name == "name") {
        owner.name = text(entry.second, key);
      } else if (name == "email") {
        owner.email = text(entry.second, key);
        if (!is_plain_mail_address(owner.email)) {
          fail(entry.second, fmt::format("'{}' is not a mail address (user@example.org)", key));
        }
      } else if (name == "webhook") {
        owner.webhook = text(entry.second, key);
        if (owner.webhook.rfind("https://", 0) != 0 && owner.webhook.rfind("http://", 0) != 0) {
          fail(entry.second, fmt::format("'{}' must be an http(s) URL", key));
        }
      } else if (name == "paths") {
        owner.paths = texts(entry.second, key);
      } else if (name == "communities") {
        owner.communities = texts(entry.second, key);
      } else {
        fail(entry.first, fmt::format("unknown key '{}'", key));
      }
    }
    if (owner.name.empty()) fail(node, fmt::format("'{}' needs a name", section));
    if (owner.name == kUnownedName) {
      fail(node, fmt::format("'{}': the name '{}' is reserved for content without an owner",
                             section, kUnownedName));
    }
    if (owner.paths.empty() && owner.communities.empty()) {
      fail(node, fmt::format("'{}' ({}) needs paths or communities", section, owner.name));
    }
    return owner;
  }

 private:
  const std::string& origin_;
};

}  // namespace

std::vector<Owner> read_owners(const std::string& origin, const YAML::Node& node) {
  const OwnerReader reader(origin);
  if (!node.IsSequence()) reader.fail(node, "'owners' must be a list of owners");
  std::vector<Owner> owners;
  std::size_t index = 0;
  for (const auto& item : node) {
    Owner owner = reader.owner(item, index++);
    const bool taken = std::any_of(owners.begin(), owners.end(),
                                   [&](const Owner& o) { return o.name == owner.name; });
    if (taken) reader.fail(item, fmt::format("owner '{}' is named twice", owner.name));
    owners.push_back(std::move(owner));
  }
  return owners;
}

}  // namespace linkhealth
