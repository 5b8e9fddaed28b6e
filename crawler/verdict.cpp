#include "crawler/verdict.h"

#include <algorithm>
#include <string_view>

#include "crawler/url_parts.h"
#include "extract/page_signals.h"

namespace linkhealth {
namespace {

bool has_signal(const PageMeta* page, std::string_view signal) {
  return page != nullptr &&
         std::find(page->signals.begin(), page->signals.end(), signal) != page->signals.end();
}

std::string page_title(const PageMeta* page) {
  if (page == nullptr) return {};
  return page->html_title.empty() ? page->title : page->html_title;
}

VerdictDecision from_error(const ChainOutcome& o) {
  switch (o.error) {
    case TransferError::Timeout:
      return {Verdict::Timeout, o.error_text};
    case TransferError::Resolve:
      return {Verdict::Broken, "host not found: " + o.error_text};
    case TransferError::Tls:
      return {Verdict::TlsError, o.error_text};
    case TransferError::AddressRefused:
      return {Verdict::Skipped, o.error_text};
    case TransferError::Invalid:
      return {Verdict::Invalid, o.error_text};
    case TransferError::Connect:
    case TransferError::Reset:
    case TransferError::BadReply:
    case TransferError::Aborted:
    case TransferError::Other:
    case TransferError::None:
      break;
  }
  return {Verdict::NetworkError, o.error_text};
}

/// 2xx: the page may still be a wall or an error page in disguise.
VerdictDecision from_success(const ChainOutcome& o) {
  const std::string title = page_title(o.page);
  if (has_signal(o.page, kSignalChallenge)) {
    return {Verdict::Blocked, "bot challenge page: \"" + title + "\""};
  }
  if (has_signal(o.page, kSignalConsentWall)) return {Verdict::Blocked, "consent or cookie wall"};
  if (has_signal(o.page, kSignalNotFound)) {
    return {Verdict::Soft404, "page says not found: \"" + title + "\""};
  }
  const bool moved = !o.hops.empty();
  if (moved && is_root_or_section_redirect(o.request_url, o.final_url)) {
    return {Verdict::Soft404, "deep link redirected to " + o.final_url};
  }
  if (o.probe && o.probe->status >= 200 && o.probe->status < 300) {
    const bool same_landing = moved && o.probe->redirected && o.probe->final_url == o.final_url;
    const bool same_title = !o.probe->title.empty() && o.probe->title == title;
    if (same_landing || same_title) {
      return {Verdict::Soft404, "answers like a random path on the same host"};
    }
  }
  if (moved && !is_trivial_redirect(o.request_url, o.final_url))
    return {Verdict::Redirected, "moved to " + o.final_url};
  return {Verdict::Ok, {}};
}

VerdictDecision from_status(const ChainOutcome& o) {
  const int s = o.status;
  const std::string code = "HTTP " + std::to_string(s);
  if (o.cf_mitigated) return {Verdict::Blocked, code + " with cf-mitigated challenge"};
  if (s >= 200 && s < 300) return from_success(o);
  if (s == 401 || s == 403 || s == 429 || s == 451 || s == 999) return {Verdict::Blocked, code};
  const std::string title = page_title(o.page);
  if (has_signal(o.page, kSignalChallenge)) {
    return {Verdict::Blocked, code + " bot challenge page: \"" + title + "\""};
  }
  if (s >= 500 && s < 600) return {Verdict::ServerError, code};
  if (s >= 400 && s < 500) return {Verdict::Broken, code};
  if (s >= 300 && s < 400) return {Verdict::Broken, code + " redirect without a usable Location"};
  return {Verdict::Invalid, "unexpected " + code};
}

}  // namespace

VerdictDecision decide_verdict(const ChainOutcome& o) {
  if (!o.invalid_reason.empty()) return {Verdict::Invalid, o.invalid_reason};
  if (!o.skip_reason.empty()) return {Verdict::Skipped, o.skip_reason};
  if (o.redirect_loop) return {Verdict::Broken, "redirect loop at " + o.final_url};
  if (o.too_many_redirects) return {Verdict::Broken, "too many redirects"};
  if (o.error != TransferError::None) return from_error(o);
  if (o.not_modified) return {Verdict::Ok, "not modified since the last check"};
  return from_status(o);
}

}  // namespace linkhealth
