#include "crawler/url_parts.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>
#include "extract/ascii.h"

#include "extract/ascii.h"
#include "extract/curl_url.h"

namespace linkhealth {
namespace {

std::string strip_www(const std::string& host) {
  return host.rfind("www.", 0) == 0 ? host.substr(4) : host;
}

std::string strip_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::optional<UrlParts> parse_url(std::string_view text) {
  CurlUrl url;
  if (url.set_url(std::string(text), CURLU_NON_SUPPORT_SCHEME)) return std::nullopt;
  UrlParts parts;
  parts.scheme = ascii_lower(url.get(CURLUPART_SCHEME).value_or(""));
  parts.host = ascii_lower(url.get(CURLUPART_HOST).value_or(""));
  const std::string port = url.get(CURLUPART_PORT, CURLU_DEFAULT_PORT).value_or("");
  parts.port = port.empty() ? 0 : std::atoi(port.c_str());
  parts.path = url.get(CURLUPART_PATH).value_or("/");
  if (parts.path.empty()) parts.path = "/";
  parts.query = url.get(CURLUPART_QUERY).value_or("");
  return parts;
}

std::string origin_of(const UrlParts& url) {
  const bool default_port = (url.scheme == "http" && url.port == 80) ||
                            (url.scheme == "https" && url.port == 443) || url.port == 0;
  std::string out = url.scheme + "://" + url.host;
  if (!default_port) out += ":" + std::to_string(url.port);
  return out;
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

}  // namespace linkhealth
