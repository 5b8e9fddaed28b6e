#include "extract/tracking_rules.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "extract/addthis_fragment.h"
#include "extract/ascii.h"

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
    r.hosts = lower_hosts(w, 2);
    rules.params.push_back(std::move(r));
  } else if ((verb == "fragment-prefix" || verb == "fragment-regex") && w.size() >= 2) {
    FragmentRule r;
    r.text = w[1];
    r.hosts = lower_hosts(w, 2);
    if (verb == "fragment-regex") {
      r.kind = FragmentRule::Kind::Regex;
      try {
        r.regex = std::regex(w[1], std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        fail(origin, line, "bad regex '" + w[1] + "': " + e.what());
      }
    }
    rules.fragments.push_back(std::move(r));
  } else if (verb == "fragment-addthis" && w.size() == 1) {
    FragmentRule r;
    r.kind = FragmentRule::Kind::AddThis;
    rules.fragments.push_back(std::move(r));
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

bool TrackingRules::is_tracking_param(std::string_view key, std::string_view host) const {
  const std::string k = ascii_lower(key);
  return std::any_of(params.begin(), params.end(), [&](const ParamRule& r) {
    const bool name_hit = r.prefix ? k.starts_with(r.name) : k == r.name;
    return name_hit && applies_to(r.hosts, host);
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
  return parse_tracking_rules(text.str(), file.string());
}

const TrackingRules& default_tracking_rules() {
  static const TrackingRules rules = parse_tracking_rules(kBuiltinTrackingRules, "built-in");
  return rules;
}

}  // namespace linkhealth
