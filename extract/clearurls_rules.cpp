#include "extract/clearurls_rules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "extract/regex_literal.h"

namespace linkhealth {

namespace {

using Json = nlohmann::ordered_json;  // providers keep the file's order, as in ClearURLs

/// The keys a provider may hold; anything else is a typo that would silently do nothing.
constexpr const char* kProviderKeys[] = {"urlPattern",   "completeProvider",  "rules",
                                         "rawRules",     "referralMarketing", "exceptions",
                                         "redirections", "methods",           "forceRedirection"};

/// 1-based line of text[offset].
int line_at(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  return 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
}

/// Where a provider, and a value inside it, are written, for error messages. Found by
/// searching the text for their JSON spelling; 0 when not found.
class SourceLines {
 public:
  SourceLines(std::string_view text, std::string_view provider) : text_(text) {
    const std::string key = Json(std::string(provider)).dump();
    for (std::size_t at = text_.find(key); at != std::string_view::npos;
         at = text_.find(key, at + 1)) {
      const auto colon = text_.find_first_not_of(" \t\r\n", at + key.size());
      if (colon != std::string_view::npos && text_[colon] == ':') {
        provider_at_ = at;
        provider_found_ = true;
        break;
      }
    }
  }
  int provider_line() const { return provider_found_ ? line_at(text_, provider_at_) : 0; }
  int value_line(const std::string& value) const {
    if (!provider_found_) return 0;
    const auto at = text_.find(Json(value).dump(), provider_at_);
    return at == std::string_view::npos ? provider_line() : line_at(text_, at);
  }

 private:
  std::string_view text_;
  std::size_t provider_at_ = 0;
  bool provider_found_ = false;
};

[[noreturn]] void fail(const std::string& origin, int line, const std::string& message) {
  throw std::runtime_error(origin + (line > 0 ? ":" + std::to_string(line) : "") + ": " + message);
}

class ProviderReader {
 public:
  ProviderReader(std::string_view text, const std::string& origin, const std::string& name)
      : origin_(origin), name_(name), lines_(text, name) {}

  UrlProvider read(const Json& p) const {
    if (!p.is_object()) fail_here(provider_line(), "is not a JSON object");
    for (const auto& [key, value] : p.items()) {
      if (std::find(std::begin(kProviderKeys), std::end(kProviderKeys), key) ==
          std::end(kProviderKeys)) {
        fail_here(provider_line(), "unknown key '" + key + "'");
      }
    }
    UrlProvider out;
    out.name = name_;
    if (!p.contains("urlPattern") || !p["urlPattern"].is_string()) {
      fail_here(provider_line(), "needs a \"urlPattern\" string");
    }
    out.url_pattern = compile(p["urlPattern"].get<std::string>(), "urlPattern");
    out.exceptions = patterns(p, "exceptions");
    out.keys = patterns(p, "rules", true);
    out.raw = patterns(p, "rawRules");
    out.redirections = patterns(p, "redirections");
    patterns(p, "referralMarketing", true);  // checked, and kept: see the header
    out.complete = flag(p, "completeProvider");
    flag(p, "forceRedirection");
    return out;
  }

  /// False when the provider lists HTTP methods and GET is not one of them.
  bool applies_to_get(const Json& p) const {
    if (!p.contains("methods")) return true;
    const auto methods = strings(p, "methods");
    return methods.empty() || std::find(methods.begin(), methods.end(), "GET") != methods.end();
  }

 private:
  int provider_line() const { return lines_.provider_line(); }

  [[noreturn]] void fail_here(int line, const std::string& message) const {
    fail(origin_, line, "provider '" + name_ + "': " + message);
  }

  std::vector<std::string> strings(const Json& p, const char* key) const {
    std::vector<std::string> out;
    if (!p.contains(key)) return out;
    const Json& list = p[key];
    if (!list.is_array()) fail_here(provider_line(), std::string(key) + " is not a list");
    for (const Json& item : list) {
      if (!item.is_string()) {
        fail_here(provider_line(), std::string(key) + " holds a value that is not a string");
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  bool flag(const Json& p, const char* key) const {
    if (!p.contains(key)) return false;
    if (!p[key].is_boolean()) fail_here(provider_line(), std::string(key) + " is not true/false");
    return p[key].get<bool>();
  }

  RulePattern compile(const std::string& source, const std::string& where,
                      bool whole_key = false) const {
    // A key rule must match the whole key: "(?:rule)" with regex_match, which for a rule with
    // '|' is stricter than ClearURLs' "^rule$" (precision first).
    try {
      return RulePattern{source,
                         std::regex(whole_key ? "(?:" + source + ")" : source,
                                    std::regex::ECMAScript | std::regex::icase),
                         whole_key ? "" : required_literal(source)};
    } catch (const std::regex_error& e) {
      fail_here(lines_.value_line(source), where + ": bad regex '" + source + "': " + e.what());
    }
  }

  std::vector<RulePattern> patterns(const Json& p, const char* key, bool whole_key = false) const {
    std::vector<RulePattern> out;
    const auto sources = strings(p, key);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      out.push_back(
          compile(sources[i], std::string(key) + "[" + std::to_string(i) + "]", whole_key));
    }
    return out;
  }

  std::string origin_;
  std::string name_;
  SourceLines lines_;
};

}  // namespace

TrackingRules parse_clearurls_rules(std::string_view json, const std::string& origin) {
  Json doc;
  try {
    doc = Json::parse(json.begin(), json.end());
  } catch (const Json::parse_error& e) {
    fail(origin, 0, std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object() || !doc.contains("providers") || !doc["providers"].is_object()) {
    fail(origin, 0, "a ClearURLs rules file is a JSON object with a \"providers\" object");
  }
  TrackingRules rules;
  rules.origin = origin;
  for (const auto& [name, provider] : doc["providers"].items()) {
    const ProviderReader reader(json, origin, name);
    UrlProvider read = reader.read(provider);
    if (reader.applies_to_get(provider)) rules.providers.push_back(std::move(read));
  }
  return rules;
}

}  // namespace linkhealth
