#include "crawler/robots.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "crawler/fetch_options.h"
#include "extract/ascii.h"
#include "extract/url_cleaner.h"

namespace linkhealth {
namespace {

/// Robots pattern match anchored at the start: '*' any run, a final '$' anchors the end.
bool matches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  if (pattern.find('*') == std::string_view::npos) {
    return anchored ? path == pattern : path.substr(0, pattern.size()) == pattern;
  }
  // Split on '*' and find the pieces in order.
  std::size_t pos = 0;
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const std::size_t star = pattern.find('*', start);
    const std::string_view piece = pattern.substr(start, star - start);
    if (first) {
      if (path.substr(0, piece.size()) != piece) return false;
      pos = piece.size();
      first = false;
    } else if (star == std::string_view::npos && anchored) {
      return path.size() >= pos + piece.size() && path.substr(path.size() - piece.size()) == piece;
    } else {
      const std::size_t found = path.find(piece, pos);
      if (found == std::string_view::npos) return false;
      pos = found + piece.size();
    }
    if (star == std::string_view::npos) return !anchored || pos == path.size();
    start = star + 1;
  }
}

struct Group {
  std::vector<std::string> agents;
  RobotsRules rules;
};

}  // namespace

bool RobotsRules::allows(std::string_view path) const {
  const Rule* best = nullptr;
  for (const Rule& rule : rules) {
    if (rule.pattern.empty() || !matches(rule.pattern, path)) continue;
    if (best == nullptr || rule.pattern.size() > best->pattern.size() ||
        (rule.pattern.size() == best->pattern.size() && rule.allow)) {
      best = &rule;
    }
  }
  return best == nullptr || best->allow;
}

RobotsRules parse_robots(std::string_view text, std::string_view product) {
  std::vector<Group> groups;
  std::vector<std::string> sitemaps;
  bool in_agents = false;  // consecutive user-agent lines share one group
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    line = trim_ascii(line.substr(0, line.find('#')));
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = ascii_lower(trim_ascii(line.substr(0, colon)));
    const std::string_view value = trim_ascii(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) groups.emplace_back();
      groups.back().agents.push_back(ascii_lower(value));
      in_agents = true;
      continue;
    }
    if (key == "sitemap") {
      // A non-group line: it neither ends a run of user-agent lines nor belongs to a group.
      if (!value.empty()) sitemaps.emplace_back(value);
      continue;
    }
    in_agents = false;
    if (groups.empty()) continue;
    RobotsRules& rules = groups.back().rules;
    if (key == "allow" || key == "disallow") {
      rules.rules.push_back({std::string(value), key == "allow"});
    } else if (key == "crawl-delay") {
      rules.crawl_delay_s = std::strtod(std::string(value).c_str(), nullptr);
    }
  }
  const std::string token = ascii_lower(product);
  RobotsRules specific;
  RobotsRules any;
  bool have_specific = false;
  for (const Group& g : groups) {
    for (const std::string& agent : g.agents) {
      if (agent == "*") {
        any.rules.insert(any.rules.end(), g.rules.rules.begin(), g.rules.rules.end());
        if (g.rules.crawl_delay_s) any.crawl_delay_s = g.rules.crawl_delay_s;
      } else if (!agent.empty() && token.find(agent) != std::string::npos) {
        specific.rules.insert(specific.rules.end(), g.rules.rules.begin(), g.rules.rules.end());
        if (g.rules.crawl_delay_s) specific.crawl_delay_s = g.rules.crawl_delay_s;
        have_specific = true;
      }
    }
  }
  RobotsRules out = have_specific ? std::move(specific) : std::move(any);
  out.sitemaps = std::move(sitemaps);
  return out;
}

std::string robots_product_token(const std::string& user_agent) {
  const std::string ua = user_agent.empty() ? default_user_agent() : user_agent;
  return ua.substr(0, ua.find_first_of("/ "));
}

}  // namespace linkhealth
