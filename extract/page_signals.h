#pragma once
// Page signals feed the crawler's verdict: a 200 page can still be a soft 404, a bot wall, a
// consent interstitial, a parked domain, a login wall or a redirect page. Signals are plain
// strings in PageMeta::signals:
//   "not_found_text"  - the <title> or an <h1> says the page is gone ("Page not found", "404",
//                       "Seite nicht gefunden", "ページが見つかりません", ...; not_found_wording.h)
//   "challenge"       - a bot wall: challenge titles ("Just a moment...", "Attention Required!",
//                       "Access Denied", "Are you a robot?") or Cloudflare/DataDome/PerimeterX
//                       challenge markup (_cf_chl_opt, challenge-form, captcha-delivery.com)
//   "consent_wall"    - a cookie/consent interstitial instead of the article (consent.* forms,
//                       "Before you continue" titles, a refresh to a consent host)
//   "parked_domain"   - a for-sale or domain-parking page (wording, parking scripts/frames, the
//                       `window.park` lander, a refresh to a parking host; parked_domain.h)
//   "sign_in_form"    - a password field on a page whose title is a sign-in page's ("Log In ‹
//                       Site — WordPress"); a login box beside an article never counts
//   "meta_refresh"    - <meta http-equiv=refresh> with a target; PageMeta::refresh_url has it
//   "script_redirect" - an inline script that only redirects (script_redirect.h);
//                       PageMeta::script_redirect_url has the target
// The HTTP header `cf-mitigated: challenge` is the crawler's to read; it never reaches here.

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/not_found_wording.h"

namespace linkhealth {

inline constexpr std::string_view kSignalNotFound = "not_found_text";
inline constexpr std::string_view kSignalChallenge = "challenge";
inline constexpr std::string_view kSignalConsentWall = "consent_wall";
inline constexpr std::string_view kSignalParkedDomain = "parked_domain";
inline constexpr std::string_view kSignalSignInForm = "sign_in_form";
inline constexpr std::string_view kSignalMetaRefresh = "meta_refresh";
inline constexpr std::string_view kSignalScriptRedirect = "script_redirect";

/// What the extractor saw that bears on the signals.
struct PageEvidence {
  std::string title;                  ///< cleaned document title (<title>)
  std::vector<std::string> headings;  ///< cleaned texts of the first <h1> elements
  std::string refresh_url;            ///< absolute meta refresh target, "" if none
  std::string script_redirect;        ///< target of a redirect-only script, as written
  bool challenge_markup = false;
  bool consent_markup = false;
  bool parking_markup = false;
  bool password_input = false;
};

/// Looks at one element (called for every element in document order) for wall markup.
void observe_element(const GumboNode& element, PageEvidence& evidence);

/// True for a <script src> of a challenge platform (Cloudflare, DataDome); any case.
bool is_challenge_script_src(std::string_view src);

/// Looks at the text of an inline script for challenge markers (Cloudflare's _cf_chl_opt), a
/// parking lander, and a redirect-only script (the first one's target is kept).
void observe_script_text(std::string_view text, PageEvidence& evidence);

/// True for bot-wall / challenge titles.
bool is_challenge_title(std::string_view title);

/// True for consent-interstitial titles.
bool is_consent_title(std::string_view title);

/// The signals for the evidence, in the order listed above.
std::vector<std::string> page_signals(const PageEvidence& evidence);

}  // namespace linkhealth
