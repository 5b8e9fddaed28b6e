#include "extract/tracking_rules.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "extract/addthis_fragment.h"
#include "extract/ascii.h"
#include "extract/clearurls_rules.h"

namespace linkhealth {

// Generated at build time from extract/tracking_rules.txt (see CMakeLists.txt).
extern const char* const kBuiltinTrackingRules;

namespace {

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::vector<std::string> lower_hosts(const std::vector<std::string>& words, std::size_t from) {
  std::vector<std::string> hosts;
  for (std::size_t i = from; i < words.size(); ++i) hosts.push_back(ascii_lower(words[i]));
  return hosts;
}

bool applies_to(const std::vector<std::string>& hosts, std::string_view host) {
  if (hosts.empty()) return true;
  return std::any_of(hosts.begin(), hosts.end(),
                     [&](const std::string& h) { return host_matches(host, h); });
}

[[noreturn]] void fail(const std::string& origin, int line, const std::string& message) {
  throw std::runtime_error(origin + ":" + std::to_string(line) + ": " + message);
}

std::regex compile(const std::string& source, const std::string& origin, int line,
                   std::regex::flag_type flags = std::regex::ECMAScript | std::regex::icase) {
  try {
    return std::regex(source, flags);
  } catch (const std::regex_error& e) {
    fail(origin, line, "bad regex '" + source + "': " + e.what());
  }
}

void add_rule(TrackingRules& rules, const std::vector<std::string>& w, const std::string& origin,
              int line) {
  const std::string& verb = w[0];
  if (verb == "param" && w.size() >= 2) {
    ParamRule r;
    r.name = ascii_lower(w[1]);
    if (r.name.size() > 1 && r.name.back() == '*') {
      r.prefix = true;
      r.name.pop_back();
    }
    std::size_t hosts_end = w.size();
    if (const auto unless = std::find(w.begin(), w.end(), "unless-path"); unless != w.end()) {
      if (unless + 2 != w.end()) {
        fail(origin, line, "unless-path takes one regex, last on the line");
      }
      hosts_end = static_cast<std::size_t>(unless - w.begin());
      r.unless_path = RulePattern{w.back(), compile(w.back(), origin, line), ""};
    }
    r.hosts = lower_hosts({w.begin(), w.begin() + static_cast<std::ptrdiff_t>(hosts_end)}, 2);
    rules.params.push_back(std::move(r));
  } else if ((verb == "fragment-prefix" || verb == "fragment-regex") && w.size() >= 2) {
    FragmentRule r;
    r.text = w[1];
    r.hosts = lower_hosts(w, 2);
    if (verb == "fragment-regex") {
      r.kind = FragmentRule::Kind::Regex;
      r.regex = compile(w[1], origin, line, std::regex::ECMAScript);
    }
    rules.fragments.push_back(std::move(r));
  } else if (verb == "fragment-addthis" && w.size() == 1) {
    FragmentRule r;
    r.kind = FragmentRule::Kind::AddThis;
    rules.fragments.push_back(std::move(r));
  } else if (verb == "wrapper-host" && w.size() >= 2) {
    for (std::string& host : lower_hosts(w, 1)) rules.wrapper_hosts.push_back(std::move(host));
  } else if (verb == "mobile-host" && w.size() == 3) {
    rules.mobile_hosts.push_back({ascii_lower(w[1]), ascii_lower(w[2])});
  } else {
    fail(origin, line,
         "cannot read rule '" + verb + "' (see the rules file header for the syntax)");
  }
}

}  // namespace

bool host_matches(std::string_view host, std::string_view pattern) {
  if (host == pattern) return true;
  return host.size() > pattern.size() && host.ends_with(pattern) &&
         host[host.size() - pattern.size() - 1] == '.';
}

bool TrackingRules::is_tracking_param(std::string_view key, std::string_view host,
                                      std::string_view path) const {
  const std::string k = ascii_lower(key);
  return std::any_of(params.begin(), params.end(), [&](const ParamRule& r) {
    const bool name_hit = r.prefix ? k.starts_with(r.name) : k == r.name;
    if (!name_hit || !applies_to(r.hosts, host)) return false;
    return !r.unless_path || !std::regex_search(path.begin(), path.end(), r.unless_path->regex);
  });
}

bool TrackingRules::is_link_wrapper(std::string_view host) const {
  return std::any_of(wrapper_hosts.begin(), wrapper_hosts.end(),
                     [&](const std::string& h) { return host_matches(host, h); });
}

bool RulePattern::found_in(std::string_view subject, std::string_view lowered) const {
  if (!literal.empty() && lowered.find(literal) == std::string_view::npos) return false;
  return std::regex_search(subject.begin(), subject.end(), regex);
}

std::vector<const UrlProvider*> TrackingRules::providers_for(std::string_view url) const {
  if (providers.empty()) return {};
  const std::string lowered = ascii_lower(url);
  const auto found = [&](const RulePattern& p) { return p.found_in(url, lowered); };
  std::vector<const UrlProvider*> out;
  for (const UrlProvider& p : providers) {
    if (found(p.url_pattern) && std::none_of(p.exceptions.begin(), p.exceptions.end(), found)) {
      out.push_back(&p);
    }
  }
  return out;
}

bool provider_strips_key(const UrlProvider& provider, std::string_view key) {
  return std::any_of(provider.keys.begin(), provider.keys.end(), [&](const RulePattern& p) {
    return std::regex_match(key.begin(), key.end(), p.regex);
  });
}

std::optional<std::string> TrackingRules::tracking_fragment(std::string_view fragment,
                                                            std::string_view host) const {
  for (const FragmentRule& r : fragments) {
    if (!applies_to(r.hosts, host)) continue;
    switch (r.kind) {
      case FragmentRule::Kind::AddThis:
        if (auto t = addthis_view_time(fragment)) {
          return "AddThis share fragment, viewed " + format_utc(*t);
        }
        break;
      case FragmentRule::Kind::Prefix:
        if (fragment.starts_with(r.text)) return "fragment rule '" + r.text + "'";
        break;
      case FragmentRule::Kind::Regex:
        if (std::regex_match(fragment.begin(), fragment.end(), r.regex)) {
          return "fragment rule /" + r.text + "/";
        }
        break;
    }
  }
  return std::nullopt;
}

std::optional<std::string> TrackingRules::desktop_host(std::string_view host) const {
  for (const MobileHostRule& r : mobile_hosts) {
    if (host == r.mobile) return r.desktop;
  }
  return std::nullopt;
}

TrackingRules parse_tracking_rules(std::string_view text, const std::string& origin) {
  TrackingRules rules;
  rules.origin = origin;
  std::istringstream in{std::string(text)};
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    const auto words = split_words(line);
    if (!words.empty()) add_rule(rules, words, origin, line_no);
  }
  return rules;
}

TrackingRules load_tracking_rules(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read tracking rules file " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  // Chosen by content, not by name: a ClearURLs file is a JSON object, a rules file never
  // starts with '{'.
  const std::size_t bom = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const auto first = content.find_first_not_of(" \t\r\n", bom);
  if (first != std::string::npos && content[first] == '{') {
    // ClearURLs has no notion of link wrappers: a signed urldefense/safelinks payload must
    // stay whole whichever list a site follows.
    TrackingRules rules = parse_clearurls_rules(content, file.string());
    const auto& builtin = default_tracking_rules().wrapper_hosts;
    rules.wrapper_hosts.insert(rules.wrapper_hosts.end(), builtin.begin(), builtin.end());
    return rules;
  }
  return parse_tracking_rules(content, file.string());
}

const TrackingRules& default_tracking_rules() {
  static const TrackingRules rules = parse_tracking_rules(kBuiltinTrackingRules, "built-in");
  return rules;
}

}  // namespace linkhealth
