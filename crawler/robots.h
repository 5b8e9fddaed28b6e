#pragma once
// robots.txt rules for our user agent (RFC 9309 matching: the most specific group for our
// product token, else "*"; longest matching rule wins, Allow wins a tie; '*' and '$').

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

struct RobotsRules {
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules;
  std::optional<double> crawl_delay_s;
  std::vector<std::string> sitemaps;  ///< `Sitemap:` lines, whatever group they sit in

  /// `path` is the URL path plus "?query" if any.
  bool allows(std::string_view path) const;
};

/// Rules that apply to `product` (e.g. "linkhealth"), matched case-insensitively.
RobotsRules parse_robots(std::string_view text, std::string_view product);

/// The product token robots.txt groups name us by: the user agent (default_user_agent() when
/// empty) up to its first '/' or space.
std::string robots_product_token(const std::string& user_agent);

}  // namespace linkhealth
