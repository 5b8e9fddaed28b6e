#include "crawler/url_parts.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "crawler/curl_handles.h"

namespace linkhealth {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string part(CURLU* url, CURLUPart which, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(url, which, &value, flags) != CURLUE_OK || value == nullptr) return {};
  std::string out(value);
  curl_free(value);
  return out;
}

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
  UrlHandle url(curl_url());
  if (!url) return std::nullopt;
  const std::string copy(text);
  if (curl_url_set(url.get(), CURLUPART_URL, copy.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return std::nullopt;
  }
  UrlParts parts;
  parts.scheme = lower(part(url.get(), CURLUPART_SCHEME));
  parts.host = lower(part(url.get(), CURLUPART_HOST));
  const std::string port = part(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  parts.port = port.empty() ? 0 : std::atoi(port.c_str());
  parts.path = part(url.get(), CURLUPART_PATH);
  if (parts.path.empty()) parts.path = "/";
  parts.query = part(url.get(), CURLUPART_QUERY);
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
