#pragma once
// URL pieces the engine and the verdict need, parsed with libcurl's own URL parser (the same
// one that will fetch the URL, so both agree on what the host is).

#include <optional>
#include <string>
#include <string_view>

namespace linkhealth {

struct UrlParts {
  std::string scheme;  ///< lowercase
  std::string host;    ///< lowercase, punycode for IDN, IPv6 in brackets
  int port = 0;        ///< explicit or the scheme's default
  std::string path;    ///< "/" at least
  std::string query;   ///< without '?'
};

/// nullopt when curl cannot parse it; any scheme is accepted here.
std::optional<UrlParts> parse_url(std::string_view url);

/// `url` with an internationalised host in punycode (what curl needs to fetch it); unchanged
/// when the host is ASCII or cannot be converted.
std::string with_ascii_host(const std::string& url);

/// scheme://host[:port] with the port only when it is not the default.
std::string origin_of(const UrlParts& url);

/// A port browsers refuse to send HTTP to (SMTP, SSH, ...): never fetched unless pinned.
bool is_unsafe_port(int port);

/// http→https, adding/removing "www." and adding/removing a trailing slash, and nothing else.
bool is_trivial_redirect(std::string_view from, std::string_view to);

/// `to` is the site root or a section index above the deep link `from` (a soft-404 sign).
bool is_root_or_section_redirect(std::string_view from, std::string_view to);

}  // namespace linkhealth
