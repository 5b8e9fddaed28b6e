#include "extract/url_cleaner.h"

#include <algorithm>
#include <optional>

#include "extract/ascii.h"
#include "extract/curl_url.h"
#include "extract/idna_host.h"
#include "extract/tracking_strip.h"
#include "extract/utf8.h"

namespace linkhealth {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Letters, digits, '-', '.' and the '_' real hosts use in violation of RFC 952.
bool is_host_char(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// The RFC 3986 scheme in front of the first ':', if the value starts with one. Only used to
/// tell "no scheme" and "unsupported scheme" apart before curl parses the URL.
std::optional<std::string_view> leading_scheme(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return std::nullopt;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return s.substr(0, i);
    if (!(is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) break;
  }
  return std::nullopt;
}

CleanedUrl failure(CleanedUrl r, FindingKind kind, std::string error) {
  r.ok = false;
  r.error_kind = kind;
  r.error = std::move(error);
  return r;
}

/// The host as curl reads it from a URL. curl spells a numeric IPv4 host (0xc0.0250.01,
/// 3232235521) as its dotted address when it parses a URL, but not when the digits only
/// appear by decoding %-escapes or when the host part is set: without this the first cleaning
/// would keep the odd spelling and the second would change it.
std::string host_as_curl_reads(const std::string& host) {
  CurlUrl probe;
  if (probe.set_url("http://" + host + "/")) return host;
  return probe.get(CURLUPART_HOST).value_or(host);
}

/// Lowercases the host, converting an internationalised one to punycode.
std::optional<std::string> normalise_host(CurlUrl& url, CleanedUrl& r) {
  auto host = url.get(CURLUPART_HOST);
  if (!host || host->empty()) return "URL has no host";
  // curl decodes %-escapes in the host: https://example.com%80/ has a host that is no text.
  if (first_invalid_utf8(*host)) {
    return "host " + escape_invalid_utf8(*host) + " is not UTF-8 once its %-escapes are decoded";
  }
  std::string normal;
  if (is_ascii(*host)) {
    normal = ascii_lower(*host);
    if (normal != *host) r.removed.push_back("lowercased host " + *host);
  } else {
    auto converted = punycode_host(*host);
    if (const auto* error = std::get_if<IdnaError>(&converted)) {
      return "host " + *host + " is not a valid IDNA name: " + error->message;
    }
    normal = std::get<std::string>(std::move(converted));
    r.removed.push_back("converted host " + *host + " to " + normal);
  }
  // curl 7.88 keeps a '%' that starts no %XX escape (libidn2 lets it through too) and then
  // re-escapes it on every get: the request URL would grow each time it is cleaned (found by
  // the fuzzer). IPv6 literals ([::1]) are curl's to check.
  if (normal.front() != '[' && !std::all_of(normal.begin(), normal.end(), is_host_char)) {
    return "host " + *host + " has a character hosts cannot hold";
  }
  if (const std::string read = host_as_curl_reads(normal); read != normal) {
    r.removed.push_back("wrote numeric host " + normal + " as " + read);
    normal = read;
  }
  if (normal != *host) {
    if (auto err = url.set(CURLUPART_HOST, normal)) return "cannot set host: " + *err;
  }
  r.host = normal;
  return std::nullopt;
}

void drop_default_port(CurlUrl& url, const std::string& scheme, CleanedUrl& r) {
  const auto port = url.get(CURLUPART_PORT);
  if (!port) return;
  if ((scheme == "http" && *port == "80") || (scheme == "https" && *port == "443")) {
    url.set(CURLUPART_PORT, std::nullopt);
    r.removed.push_back("dropped default port :" + *port);
  }
}

}  // namespace

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

CleanedUrl clean_url(std::string_view raw, const TrackingRules& rules) {
  CleanedUrl r;
  const std::string_view trimmed = trim_ascii(raw);
  if (trimmed.size() != raw.size()) r.removed.push_back("trimmed whitespace");
  if (trimmed.empty()) return failure(std::move(r), FindingKind::InvalidUrl, "empty URL");
  if (const auto bad = first_invalid_utf8(trimmed)) {
    const auto leading = static_cast<std::size_t>(trimmed.data() - raw.data());
    return failure(std::move(r), FindingKind::InvalidUrl,
                   "not UTF-8: byte " + hex_byte(trimmed[*bad]) + " at offset " +
                       std::to_string(leading + *bad));
  }

  std::string input(trimmed);
  std::string scheme;
  // "www.x.org:8080/" would read as scheme "www.x.org", so the www. repair is decided first.
  const bool www = ascii_lower(trimmed.substr(0, 4)) == "www.";
  const auto written = www ? std::nullopt : leading_scheme(trimmed);
  if (www) {
    scheme = "https";
    input = "https://" + input;
    r.removed.push_back("added https:// to scheme-less www. URL");
  } else if (!written) {
    return failure(std::move(r), FindingKind::NoScheme, "no scheme (expected http:// or https://)");
  } else {
    scheme = ascii_lower(*written);
    if (scheme != "http" && scheme != "https") {
      return failure(std::move(r), FindingKind::UnsupportedScheme,
                     "scheme '" + std::string(*written) + ":' is not http or https");
    }
    if (*written != scheme) r.removed.push_back("lowercased scheme " + std::string(*written));
  }

  CurlUrl url;
  if (auto err = url.set_url(input)) return failure(std::move(r), FindingKind::InvalidUrl, *err);
  if (auto err = normalise_host(url, r))
    return failure(std::move(r), FindingKind::InvalidUrl, *err);
  drop_default_port(url, scheme, r);
  UrlPieces pieces = cut_url(url);
  if (pieces.base.empty())
    return failure(std::move(r), FindingKind::InvalidUrl, "curl cannot rebuild URL");
  if (pieces.query && pieces.query->empty()) {
    pieces.query.reset();
    r.removed.push_back("dropped dangling ?");
  }
  if (!pieces.fragment && input.find('#') != std::string::npos) {
    r.removed.push_back("dropped empty fragment #");
  }
  strip_tracking(pieces, rules, r);

  r.clean = pieces.text();
  pieces.fragment.reset();
  r.request_url = pieces.text();
  r.ok = true;
  return r;
}

}  // namespace linkhealth
