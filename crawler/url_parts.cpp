#include "crawler/url_parts.h"

#include "extract/idna_host.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

#include "extract/ascii.h"
#include "extract/curl_url.h"

namespace linkhealth {
namespace {

/// Punycode for an internationalised host; nullopt when not convertible.
std::optional<std::string> ascii_host(const std::string& host) {
  auto converted = punycode_host(host);
  if (std::holds_alternative<IdnaError>(converted)) return std::nullopt;
  return std::get<std::string>(std::move(converted));
}

std::string strip_www(const std::string& host) {
  return host.rfind("www.", 0) == 0 ? host.substr(4) : host;
}

// The host without the prefix that only picks a device or a page format of the same site:
// m.youtube.com, amp.theguardian.com and www.youtube.com are one site to an editor.
std::string site_host(const std::string& host) {
  for (std::string_view prefix : {"www.", "m.", "mobile.", "amp."}) {
    if (host.size() > prefix.size() + 3 && host.starts_with(prefix) &&
        host.find('.', prefix.size()) != std::string::npos) {
      return host.substr(prefix.size());
    }
  }
  return host;
}

std::string strip_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::vector<std::string_view> segments(const std::string& path) {
  return split_nonempty(path, "/");
}

// The last path segment without case and a page extension: the article's slug.
std::string slug_of(const std::string& path) {
  const auto parts = segments(path);
  if (parts.empty()) return {};
  std::string slug = ascii_lower(parts.back());
  for (std::string_view ext : {".html", ".htm", ".shtml", ".php", ".aspx", ".asp", ".jsp"}) {
    if (slug.size() > ext.size() && slug.ends_with(ext)) {
      slug.resize(slug.size() - ext.size());
      break;
    }
  }
  return slug;
}

}  // namespace

std::optional<UrlParts> parse_url(std::string_view text) {
  CurlUrl url;
  if (url.set_url(std::string(text), CURLU_NON_SUPPORT_SCHEME)) return std::nullopt;
  UrlParts parts;
  parts.scheme = ascii_lower(url.get(CURLUPART_SCHEME).value_or(""));
  const std::string host = url.get(CURLUPART_HOST).value_or("");
  parts.host = ascii_lower(ascii_host(host).value_or(host));
  const std::string port = url.get(CURLUPART_PORT, CURLU_DEFAULT_PORT).value_or("");
  parts.port = port.empty() ? 0 : std::atoi(port.c_str());
  parts.path = url.get(CURLUPART_PATH).value_or("/");
  if (parts.path.empty()) parts.path = "/";
  parts.query = url.get(CURLUPART_QUERY).value_or("");
  return parts;
}

std::string with_ascii_host(const std::string& text) {
  CurlUrl url;
  if (url.set_url(text, CURLU_NON_SUPPORT_SCHEME)) return text;
  const auto host = url.get(CURLUPART_HOST);
  if (!host) return text;
  const auto ascii = ascii_host(*host);
  if (!ascii || *ascii == *host || url.set(CURLUPART_HOST, *ascii)) return text;
  return url.get(CURLUPART_URL).value_or(text);
}

std::string origin_of(const UrlParts& url) {
  const bool default_port = (url.scheme == "http" && url.port == 80) ||
                            (url.scheme == "https" && url.port == 443) || url.port == 0;
  std::string out = url.scheme + "://" + url.host;
  if (!default_port) out += ":" + std::to_string(url.port);
  return out;
}

bool is_unsafe_port(int port) {
  // The Fetch standard's "bad ports": services that must never receive an HTTP request a
  // page (or a redirect) asked for (SMTP, SSH, IRC, ...). Sorted for binary_search.
  static constexpr int kBad[] = {
      1,    7,    9,    11,   13,   15,   17,   19,   20,   21,   22,   23,   25,   37,
      42,   43,   53,   69,   77,   79,   87,   95,   101,  102,  103,  104,  109,  110,
      111,  113,  115,  117,  119,  123,  135,  137,  139,  143,  161,  179,  389,  427,
      465,  512,  513,  514,  515,  526,  530,  531,  532,  540,  548,  554,  556,  563,
      587,  601,  636,  989,  990,  993,  995,  1719, 1720, 1723, 2049, 3659, 4045, 4190,
      5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080};
  return std::binary_search(std::begin(kBad), std::end(kBad), port);
}

bool same_page_url(std::string_view a, std::string_view b) {
  const auto pa = parse_url(a);
  const auto pb = parse_url(b);
  if (!pa || !pb) return a == b;
  const auto port = [](const UrlParts& p) {
    const bool standard =
        (p.scheme == "http" && p.port == 80) || (p.scheme == "https" && p.port == 443);
    return standard ? 0 : p.port;
  };
  return port(*pa) == port(*pb) && strip_www(pa->host) == strip_www(pb->host) &&
         strip_slash(pa->path) == strip_slash(pb->path) && pa->query == pb->query;
}

bool is_trivial_redirect(std::string_view from, std::string_view to) {
  const auto a = parse_url(from);
  const auto b = parse_url(to);
  if (!a || !b) return false;
  const bool scheme_ok = a->scheme == b->scheme || (a->scheme == "http" && b->scheme == "https");
  const bool port_ok = a->port == b->port || (a->scheme != b->scheme);
  return scheme_ok && port_ok && strip_www(a->host) == strip_www(b->host) &&
         strip_slash(a->path) == strip_slash(b->path) && a->query == b->query;
}

bool is_root_or_section_redirect(std::string_view from, std::string_view to) {
  const auto a = parse_url(from);
  const auto b = parse_url(to);
  if (!a || !b) return false;
  const auto deep = segments(a->path);
  const auto landed = segments(b->path);
  if (deep.empty()) return false;   // the link itself is a root
  if (landed.empty()) return true;  // deep link landed on a site root
  if (strip_www(a->host) != strip_www(b->host)) return false;
  if (landed.size() != 1 || deep.size() < 2) return false;
  return landed[0] == deep[0] && b->query.empty();  // /news/2020/story -> /news/
}

bool is_same_site(std::string_view a, std::string_view b) {
  const auto pa = parse_url(a);
  const auto pb = parse_url(b);
  return pa && pb && !pa->host.empty() && site_host(pa->host) == site_host(pb->host);
}

bool is_home_page_of(std::string_view root, std::string_view page) {
  const auto r = parse_url(root);
  const auto p = parse_url(page);
  if (!r || !p || r->host.empty() || strip_www(r->host) != strip_www(p->host)) return false;
  return segments(r->path).empty() && r->query.empty() && !segments(p->path).empty();
}

bool is_same_article_elsewhere(std::string_view from, std::string_view to) {
  const auto a = parse_url(from);
  const auto b = parse_url(to);
  if (!a || !b || site_host(a->host) == site_host(b->host)) return false;
  if (segments(a->path).empty()) return false;
  if (strip_slash(a->path) == strip_slash(b->path)) return true;
  const std::string slug = slug_of(a->path);
  return slug.size() >= 4 && slug != "index" && slug == slug_of(b->path);
}

}  // namespace linkhealth
