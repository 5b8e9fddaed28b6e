#include "crawler/verdict.h"

#include <algorithm>
#include <string_view>

#include "crawler/page_redirect.h"
#include "crawler/url_parts.h"
#include "extract/ascii.h"
#include "extract/page_signals.h"
#include "extract/parked_domain.h"
#include "extract/sign_in_wall.h"

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

std::string quoted_title(const PageMeta* page) {
  const std::string title = page_title(page);
  return title.empty() ? "(no title)" : "\"" + title + "\"";
}

/// Where a root-or-section redirect landed, in the editor's words.
std::string landing(std::string_view from, std::string_view to) {
  if (!is_same_site(from, to)) return "another site's home page";
  const auto parts = parse_url(to);
  return parts && parts->path.find_first_not_of('/') == std::string::npos ? "the site root"
                                                                          : "a section index";
}

/// The sign-in page a chain stopped at, "" when none: its last URL, or with `any_hop` (a chain
/// that went round) any URL after the request. A link that is itself a sign-in page is what it
/// is; a hop through a login that sets a cookie and sends the browser back to the article is
/// no wall when the article answers.
std::string sign_in_stop(const ChainOutcome& o, bool any_hop) {
  if (o.hops.empty() || is_sign_in_url(o.request_url)) return {};
  if (any_hop) {
    for (const Hop& hop : o.hops)
      if (hop.url != o.request_url && is_sign_in_url(hop.url)) return hop.url;
  }
  return is_sign_in_url(o.final_url) ? o.final_url : std::string();
}

/// The canonical of a page that calls itself its site's home page
/// while it is served at a deep URL; "" otherwise. A page that says it is an article
/// (og:type article, a publication date, a JSON-LD headline) is trusted over a site-wide
/// template's canonical.
std::string claimed_home_page(const ChainOutcome& o) {
  const PageMeta* page = o.page;
  if (page == nullptr || ascii_lower(page->og_type) == "article" || !page->published.empty() ||
      !page->jsonld_headline.empty())
    return {};
  // The canonical must say so, and og:url must not disagree: templates that build the page in
  // the browser often set og:url alone to the site root on every page.
  const std::string& claim = page->canonical;
  if (!is_home_page_of(claim, o.final_url)) return {};
  if (!page->og_url.empty() && !is_home_page_of(page->og_url, o.final_url)) return {};
  return claim;
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

/// A 2xx that landed somewhere else: a move, or a dead link in disguise.
std::optional<VerdictDecision> from_landing(const ChainOutcome& o) {
  if (o.hops.empty()) return std::nullopt;
  if (is_parking_url(o.final_url) && !is_parking_url(o.request_url)) {
    return VerdictDecision{Verdict::Soft404,
                           "parked domain: redirected to a domain-parking service " + o.final_url};
  }
  if (is_root_or_section_redirect(o.request_url, o.final_url)) {
    return VerdictDecision{
        Verdict::Soft404,
        "deep link redirected to " + landing(o.request_url, o.final_url) + " " + o.final_url};
  }
  return std::nullopt;
}

/// The page at a deep URL sends the browser to the site root or a section index by itself, or
/// says it is the home page.
std::optional<VerdictDecision> from_page_identity(const ChainOutcome& o) {
  if (o.page == nullptr) return std::nullopt;
  if (const auto redirect = page_redirect(*o.page, o.final_url);
      redirect && is_root_or_section_redirect(o.final_url, redirect->url)) {
    return VerdictDecision{Verdict::Soft404, "deep link's page sends the browser to " +
                                                 landing(o.final_url, redirect->url) + " by " +
                                                 std::string(to_string(redirect->kind)) + ": " +
                                                 redirect->url};
  }
  if (const std::string home = claimed_home_page(o); !home.empty()) {
    return VerdictDecision{Verdict::Soft404,
                           "deep URL serves the home page (it names " + home + " as its URL)"};
  }
  return std::nullopt;
}

VerdictDecision moved_or_ok(const ChainOutcome& o) {
  if (o.hops.empty() || is_trivial_redirect(o.request_url, o.final_url)) return {Verdict::Ok, {}};
  if (is_same_article_elsewhere(o.request_url, o.final_url))
    return {Verdict::Redirected, "moved to another site, same article: " + o.final_url};
  if (!is_same_site(o.request_url, o.final_url))
    return {Verdict::Redirected, "moved to another site: " + o.final_url};
  return {Verdict::Redirected, "moved to " + o.final_url};
}

/// 2xx: the page may still be a wall or an error page in disguise.
VerdictDecision from_success(const ChainOutcome& o) {
  if (has_signal(o.page, kSignalChallenge)) {
    return {Verdict::Blocked, "bot challenge page: \"" + page_title(o.page) + "\""};
  }
  if (has_signal(o.page, kSignalConsentWall)) return {Verdict::Blocked, "consent or cookie wall"};
  if (has_signal(o.page, kSignalParkedDomain)) {
    return {Verdict::Soft404, "parked domain: a for-sale or parking page " + quoted_title(o.page)};
  }
  if (has_signal(o.page, kSignalSignInForm)) {
    return {Verdict::Blocked, "sign-in form in place of the article: " + quoted_title(o.page)};
  }
  if (has_signal(o.page, kSignalNotFound)) {
    return {Verdict::Soft404, "page says not found: \"" + page_title(o.page) + "\""};
  }
  if (auto landed = from_landing(o)) return *landed;
  if (auto identity = from_page_identity(o)) return *identity;
  if (o.probe && o.probe->status >= 200 && o.probe->status < 300) {
    const bool same_landing =
        !o.hops.empty() && o.probe->redirected && o.probe->final_url == o.final_url;
    const bool same_title = !o.probe->title.empty() && o.probe->title == page_title(o.page);
    if (same_landing || same_title) {
      return {Verdict::Soft404, "answers like a random path on the same host"};
    }
  }
  return moved_or_ok(o);
}

VerdictDecision from_status(const ChainOutcome& o) {
  const int s = o.status;
  const std::string code = "HTTP " + std::to_string(s);
  if (o.cf_mitigated) return {Verdict::Blocked, code + " with cf-mitigated challenge"};
  // Whatever the sign-in page answers (200, 401, even 404), the article is behind it.
  if (const std::string wall = sign_in_stop(o, false); !wall.empty()) {
    return {Verdict::Blocked, "login wall: redirected to a sign-in page " + wall};
  }
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
  if (o.redirect_loop || o.too_many_redirects) {
    // Single sign-on bounces between the site and its login host until a cookie is set.
    if (const std::string wall = sign_in_stop(o, true); !wall.empty()) {
      return {Verdict::Blocked, "login wall: redirects go round through the sign-in page " + wall};
    }
    if (o.redirect_loop) return {Verdict::Broken, "redirect loop at " + o.final_url};
    return {Verdict::Broken, "too many redirects"};
  }
  if (o.error != TransferError::None) return from_error(o);
  if (o.not_modified) return {Verdict::Ok, "not modified since the last check"};
  return from_status(o);
}

}  // namespace linkhealth
