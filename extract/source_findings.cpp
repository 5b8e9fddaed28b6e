#include "extract/source_findings.h"

#include <algorithm>

#include "extract/curl_url.h"

namespace linkhealth {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Finding make(const Source& source, const UrlField* field, FindingKind kind, std::string detail) {
  Finding f;
  f.kind = kind;
  f.slug = source.slug;
  f.file = source.file;
  if (field != nullptr) {
    f.field = field->field;
    f.line = field->line;
  }
  f.detail = std::move(detail);
  return f;
}

std::string tracking_parts(const CleanedUrl& url) {
  std::string out;
  for (const std::string& r : url.removed) {
    if (!r.starts_with("tracking ")) continue;
    if (!out.empty()) out += "; ";
    out += r;
  }
  return out;
}

void field_findings(const Source& source, const UrlField& field, const CleanedUrl& url,
                    const ScanOptions& options, std::vector<Finding>& out) {
  if (trim_ascii(field.raw).size() != field.raw.size()) {
    out.push_back(make(source, &field, FindingKind::Whitespace,
                       "leading or trailing whitespace in '" + field.raw + "'"));
  }
  if (url.error_kind == FindingKind::NoScheme ||
      std::find(url.removed.begin(), url.removed.end(), "added https:// to scheme-less www. URL") !=
          url.removed.end()) {
    out.push_back(make(source, &field, FindingKind::NoScheme,
                       url.ok ? "no scheme in '" + field.raw + "'; cleaned as " + url.clean
                              : "no scheme in '" + field.raw + "'"));
  }
  if (!url.ok) {
    if (url.error_kind != FindingKind::NoScheme) {
      out.push_back(make(source, &field, url.error_kind, "'" + field.raw + "': " + url.error));
    }
    return;
  }
  if (auto why = cookie_wall_reason(url); !why.empty()) {
    out.push_back(make(source, &field, FindingKind::CookieWallUrl, url.request_url + ": " + why));
  }
  if (!url.wrapped_target.empty()) {
    out.push_back(make(source, &field, FindingKind::RedirectWrapper,
                       url.request_url + " wraps " + url.wrapped_target + " (" +
                           url.wrapper_provider + " redirection); left as written"));
  }
  if (!url.tracker_provider.empty()) {
    out.push_back(make(source, &field, FindingKind::TrackerUrl,
                       url.request_url + " is a tracker as a whole (" + url.tracker_provider +
                           " completeProvider)"));
  }
  if (auto desktop = options.tracking_rules().desktop_host(url.host)) {
    out.push_back(make(source, &field, FindingKind::MobileHost,
                       url.host + " is a mobile mirror; the canonical host is " + *desktop));
  }
  if (url.tracking_removed > 0 && contains(options.clean_fields, field.field)) {
    out.push_back(make(source, &field, FindingKind::TrackingLeft,
                       "stored clean URL still holds " + tracking_parts(url)));
  }
}

/// The index of the first field named `name` whose value cleaned, or -1.
int cleaned_field(const Source& source, const std::vector<CleanedUrl>& cleaned,
                  const std::string& name) {
  for (std::size_t i = 0; i < source.urls.size(); ++i) {
    if (source.urls[i].field == name && cleaned[i].ok) return static_cast<int>(i);
  }
  return -1;
}

void mismatch_findings(const Source& source, const std::vector<CleanedUrl>& cleaned,
                       const ScanOptions& options, std::vector<Finding>& out) {
  int origin = cleaned_field(source, cleaned, "openProjectCustomFields.sourceUrl");
  if (origin < 0) origin = cleaned_field(source, cleaned, "link.original");
  if (origin < 0) return;
  const CleanedUrl& want = cleaned[static_cast<std::size_t>(origin)];
  for (const std::string& name : options.clean_fields) {
    const int stored = cleaned_field(source, cleaned, name);
    if (stored < 0) continue;
    const CleanedUrl& have = cleaned[static_cast<std::size_t>(stored)];
    if (have.request_url == want.request_url) continue;
    out.push_back(make(source, &source.urls[static_cast<std::size_t>(stored)],
                       FindingKind::CleanUrlMismatch,
                       "stored clean URL " + have.request_url + " but " +
                           source.urls[static_cast<std::size_t>(origin)].field + " cleans to " +
                           want.request_url));
  }
}

}  // namespace

std::string cookie_wall_reason(const CleanedUrl& url) {
  CurlUrl parsed;
  if (parsed.set_url(url.request_url)) return "";
  const std::string path = parsed.get(CURLUPART_PATH).value_or("");
  const std::string query = parsed.get(CURLUPART_QUERY).value_or("");
  if (path.find("/action/cookieAbsent") != std::string::npos) {
    return "Atypon cookie-absent page (/action/cookieAbsent)";
  }
  if (query.find("error=cookies_not_supported") != std::string::npos) {
    return "captured with ?error=cookies_not_supported";
  }
  if (url.host.starts_with("consent.")) return "consent host " + url.host;
  return "";
}

std::vector<Finding> source_findings(const Source& source, const std::vector<CleanedUrl>& cleaned,
                                     bool expects_link, const ScanOptions& options) {
  std::vector<Finding> out;
  for (std::size_t i = 0; i < source.urls.size(); ++i) {
    field_findings(source, source.urls[i], cleaned[i], options, out);
  }
  mismatch_findings(source, cleaned, options, out);
  const bool has_link = std::any_of(source.urls.begin(), source.urls.end(), [](const UrlField& u) {
    return u.field == "link.href" || u.field == "link";
  });
  if (expects_link && !has_link) {
    Finding f = make(source, nullptr, FindingKind::NoUrl,
                     "curated file without a link (link.href is empty)");
    f.field = source.kind.empty() ? "link" : "link.href";
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace linkhealth
