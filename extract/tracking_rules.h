#pragma once
// Which query parameters and fragments are tracking, and which hosts are mobile mirrors.
// The rules live in a text file (extract/tracking_rules.txt) that is compiled into the
// binary, so a clean clone and any working directory get the same behaviour; another file can
// be loaded instead.

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

struct ParamRule {
  std::string name;                ///< lowercase key, without a trailing '*'
  bool prefix = false;             ///< `utm_*`: every key starting with name
  std::vector<std::string> hosts;  ///< empty = every host
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

struct TrackingRules {
  std::vector<ParamRule> params;
  std::vector<FragmentRule> fragments;
  std::vector<MobileHostRule> mobile_hosts;
  std::string origin;  ///< "built-in" or the file the rules came from

  /// True when the query key is a tracking parameter on this (lowercase) host.
  bool is_tracking_param(std::string_view key, std::string_view host) const;
  /// A short description ("AddThis share fragment, viewed 2020-12-08T06:44:07Z") when the
  /// fragment (without '#') is a tracker on this host.
  std::optional<std::string> tracking_fragment(std::string_view fragment,
                                               std::string_view host) const;
  /// The canonical desktop host when host is a known mobile mirror.
  std::optional<std::string> desktop_host(std::string_view host) const;
};

/// Parses rules text; throws std::runtime_error naming origin:line on a bad rule.
TrackingRules parse_tracking_rules(std::string_view text, const std::string& origin);
/// Reads and parses a rules file; throws std::runtime_error when unreadable or invalid.
TrackingRules load_tracking_rules(const std::filesystem::path& file);
/// The rules compiled into the binary from extract/tracking_rules.txt.
const TrackingRules& default_tracking_rules();

/// True when host equals pattern or is a subdomain of it.
bool host_matches(std::string_view host, std::string_view pattern);

}  // namespace linkhealth
