#include "crawler/page_redirect.h"

#include <algorithm>

#include "crawler/url_parts.h"
#include "extract/page_signals.h"
#include "extract/script_redirect.h"

namespace linkhealth {
namespace {

bool is_web_url(const std::optional<UrlParts>& url) {
  return url && !url->host.empty() && (url->scheme == "http" || url->scheme == "https");
}

// `target` names another document than `page`: the fragment is no part we compare, so a
// refresh to "#top" stays on the page.
bool leaves_page(std::string_view page, const std::optional<UrlParts>& target) {
  const auto here = parse_url(page);
  if (!here) return true;
  return here->scheme != target->scheme || here->host != target->host ||
         here->port != target->port || here->path != target->path || here->query != target->query;
}

}  // namespace

std::optional<PageRedirect> page_redirect(const PageMeta& page, std::string_view page_url) {
  const auto candidate = [&](PageRedirectKind kind,
                             const std::string& url) -> std::optional<PageRedirect> {
    if (url.empty()) return {};
    const auto target = parse_url(url);
    if (!is_web_url(target) || !leaves_page(page_url, target)) return {};
    return PageRedirect{kind, url};
  };
  if (page.refresh_delay_s <= kMaxPageRedirectDelayS) {
    if (auto r = candidate(PageRedirectKind::MetaRefresh, page.refresh_url)) return r;
  }
  return candidate(PageRedirectKind::Script, page.script_redirect_url);
}

std::optional<PageRedirect> page_redirect_to_follow(const PageMeta& page,
                                                    std::string_view page_url) {
  for (std::string_view deciding : {kSignalChallenge, kSignalConsentWall, kSignalParkedDomain,
                                    kSignalSignInForm, kSignalNotFound}) {
    if (std::find(page.signals.begin(), page.signals.end(), deciding) != page.signals.end())
      return {};
  }
  auto redirect = page_redirect(page, page_url);
  if (!redirect || is_root_or_section_redirect(page_url, redirect->url)) return {};
  return redirect;
}

}  // namespace linkhealth
