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

/// True when two absolute URLs name the same page modulo trivial differences: scheme
/// http/https, a leading "www.", host case, a default port, a trailing slash, an empty query
/// and the fragment. Text that is no URL equals only itself.
bool same_page_url(std::string_view a, std::string_view b);

/// A port browsers refuse to send HTTP to (SMTP, SSH, ...): never fetched unless pinned.
bool is_unsafe_port(int port);

/// http→https, adding/removing "www." and adding/removing a trailing slash, and nothing else.
bool is_trivial_redirect(std::string_view from, std::string_view to);

/// `to` is the site root or a section index above the deep link `from` (a soft-404 sign).
/// A root counts on any host: a deep link sent to another site's home page is as dead.
bool is_root_or_section_redirect(std::string_view from, std::string_view to);

/// Same host, ignoring a "www.", "m.", "mobile." or "amp." (the scheme and port may differ);
/// false when either fails to parse.
bool is_same_site(std::string_view a, std::string_view b);

/// `root` is the home page ("/", no query) of `page`'s site while `page` itself is deeper: a
/// page that says it is the home page (canonical, og:url) at a deep URL.
bool is_home_page_of(std::string_view root, std::string_view page);

/// `to` is on another site but carries the same article: the same path, or the same last
/// path segment (the slug, compared without case and without .html/.php/... extensions) of
/// at least 4 characters. A domain migration, not a dead link.
bool is_same_article_elsewhere(std::string_view from, std::string_view to);

}  // namespace linkhealth
