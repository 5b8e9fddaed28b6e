#pragma once
// Which query parameters and fragments are tracking, which hosts wrap links, and which hosts
// are mobile mirrors. The built-in rules live in a text file (extract/tracking_rules.txt)
// compiled into the binary, so a clean clone and any working directory behave the same; a
// file in that format, or a ClearURLs rules file (extract/clearurls_rules.h), can be loaded
// instead.

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

/// A compiled ECMAScript regex and the text it was written as (for messages).
struct RulePattern {
  std::string text;
  std::regex regex;
  std::string literal;  ///< lowercase text every match holds (extract/regex_literal.h), or ""

  /// regex_search in `subject`, skipped when `lowered` (subject ASCII-lowercased) lacks the
  /// literal. For case-insensitive patterns.
  bool found_in(std::string_view subject, std::string_view lowered) const;
};

struct ParamRule {
  std::string name;                ///< lowercase key, without a trailing '*'
  bool prefix = false;             ///< `utm_*`: every key starting with name
  std::vector<std::string> hosts;  ///< empty = every host
  /// The key is kept when this is found in the path (mkt_tok on an unsubscribe page is the
  /// token that page needs).
  std::optional<RulePattern> unless_path;
};

struct FragmentRule {
  enum class Kind { Prefix, Regex, AddThis };
  Kind kind = Kind::Prefix;
  std::string text;  ///< prefix or regex source as written
  std::regex regex;
  std::vector<std::string> hosts;
};

struct MobileHostRule {
  std::string mobile;
  std::string desktop;
};

/// One provider of a ClearURLs rules file. Every pattern is case-insensitive.
struct UrlProvider {
  std::string name;
  RulePattern url_pattern;                ///< searched in the URL: the provider applies
  std::vector<RulePattern> exceptions;    ///< searched in the URL: the provider does not apply
  std::vector<RulePattern> keys;          ///< `rules`: whole query and fragment keys
  std::vector<RulePattern> raw;           ///< `rawRules`: removed wherever found in the URL
  std::vector<RulePattern> redirections;  ///< group 1 is the wrapped target (reported only)
  bool complete = false;                  ///< `completeProvider`: the whole URL is a tracker
};

struct TrackingRules {
  std::vector<ParamRule> params;
  std::vector<FragmentRule> fragments;
  std::vector<MobileHostRule> mobile_hosts;
  std::vector<std::string> wrapper_hosts;  ///< link wrappers: nothing is stripped there
  std::vector<UrlProvider> providers;      ///< from a ClearURLs file
  std::string origin;                      ///< "built-in" or the file the rules came from

  /// True when the query key is a tracking parameter on this (lowercase) host and path.
  bool is_tracking_param(std::string_view key, std::string_view host, std::string_view path) const;
  /// A short description ("AddThis share fragment, viewed 2020-12-08T06:44:07Z") when the
  /// fragment (without '#') is a tracker on this host.
  std::optional<std::string> tracking_fragment(std::string_view fragment,
                                               std::string_view host) const;
  /// True when URLs on this host wrap another URL under a signature (urldefense.com): any
  /// byte stripped from them breaks the link.
  bool is_link_wrapper(std::string_view host) const;
  /// The providers whose urlPattern matches the URL and none of whose exceptions do.
  std::vector<const UrlProvider*> providers_for(std::string_view url) const;
  /// The canonical desktop host when host is a known mobile mirror.
  std::optional<std::string> desktop_host(std::string_view host) const;
};

/// True when one of the provider's `rules` matches the whole key.
bool provider_strips_key(const UrlProvider& provider, std::string_view key);

/// Parses rules text; throws std::runtime_error naming origin:line on a bad rule.
TrackingRules parse_tracking_rules(std::string_view text, const std::string& origin);
/// Reads and parses a rules file, a ClearURLs JSON file when its text is a JSON object;
/// throws std::runtime_error naming the file when it is unreadable or invalid.
TrackingRules load_tracking_rules(const std::filesystem::path& file);
/// The rules compiled into the binary from extract/tracking_rules.txt.
const TrackingRules& default_tracking_rules();

/// True when host equals pattern or is a subdomain of it.
bool host_matches(std::string_view host, std::string_view pattern);

}  // namespace linkhealth
