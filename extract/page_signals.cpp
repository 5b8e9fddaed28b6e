#include "extract/page_signals.h"

#include <algorithm>
#include <array>

#include "extract/html_document.h"
#include "extract/parked_domain.h"
#include "extract/script_redirect.h"
#include "extract/sign_in_wall.h"
#include "extract/wording.h"

namespace linkhealth {

namespace {

constexpr std::array<std::string_view, 10> kChallengePhrases{
    {"are you a robot", "checking your browser", "pardon our interruption", "verify you are human",
     "verifying you are human", "attention required! | cloudflare", "please enable cookies",
     "enable javascript and cookies to continue", "ddos-guard", "please verify you are a human"}};

constexpr std::array<std::string_view, 13> kChallengeSegments = {
    "just a moment...", "just a moment",      "attention required!",   "access denied",
    "are you a robot?", "please wait...",     "one moment, please...", "security check",
    "robot or human?",  "human verification", "bot verification",      "captcha",
    "request blocked"};

constexpr std::array<std::string_view, 11> kConsentPhrases{
    {"before you continue", "bevor sie zu", "avant d'acc\u00e9der",
     "yahoo is part of the yahoo family", "cookie consent", "consent to cookies", "privacy consent",
     "we value your privacy", "your privacy choices", "cookie settings", "consent required"}};

constexpr std::array<std::string_view, 8> kChallengeIds = {
    "challenge-form",       "challenge-running", "cf-challenge-running", "challenge-stage",
    "challenge-error-text", "cf-please-wait",    "px-captcha",           "captcha-bypass"};

bool has_fragment(std::string_view value, std::string_view needle) {
  return fold_wording(value).find(needle) != std::string::npos;
}

bool is_consent_url(std::string_view url) {
  const std::string folded = fold_wording(url);
  return folded.find("//consent.") != std::string::npos ||
         folded.find("//guce.") != std::string::npos ||
         folded.find("collectconsent") != std::string::npos;
}

}  // namespace

void observe_element(const GumboNode& element, PageEvidence& evidence) {
  if (element.v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
  const std::string_view id = attribute(element, "id");
  if (!id.empty()) {
    for (std::string_view known : kChallengeIds)
      if (id == known) evidence.challenge_markup = true;
  }
  switch (element.v.element.tag) {
    case GUMBO_TAG_FORM: {
      const std::string_view action = attribute(element, "action");
      if (has_fragment(action, "__cf_chl_")) evidence.challenge_markup = true;
      if (is_consent_url(action)) evidence.consent_markup = true;
      break;
    }
    case GUMBO_TAG_SCRIPT: {
      const std::string_view src = attribute(element, "src");
      if (is_challenge_script_src(src)) evidence.challenge_markup = true;
      if (is_parking_script_src(src)) evidence.parking_markup = true;
      if (src.empty()) observe_script_text(text_content(element), evidence);
      break;
    }
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME: {
      const std::string_view src = attribute(element, "src");
      if (has_fragment(src, "captcha-delivery.com")) evidence.challenge_markup = true;
      if (is_parking_script_src(src)) evidence.parking_markup = true;
      break;
    }
    case GUMBO_TAG_INPUT:
      if (fold_wording(attribute(element, "type")) == "password") evidence.password_input = true;
      break;
    default:
      break;
  }
}

bool is_challenge_script_src(std::string_view src) {
  if (src.empty()) return false;
  const std::string folded = fold_wording(src);
  return folded.find("/cdn-cgi/challenge-platform/h/") != std::string::npos ||
         folded.find("captcha-delivery.com") != std::string::npos;
}

void observe_script_text(std::string_view text, PageEvidence& evidence) {
  if (text.find("_cf_chl_opt") != std::string_view::npos) evidence.challenge_markup = true;
  if (is_parking_script(text)) evidence.parking_markup = true;
  if (evidence.script_redirect.empty()) {
    if (auto target = script_redirect_target(text)) evidence.script_redirect = std::move(*target);
  }
}

bool is_challenge_title(std::string_view title) {
  const std::string folded = fold_wording(title);
  return contains_any(folded, kChallengePhrases) || segment_is_any(folded, kChallengeSegments);
}

bool is_consent_title(std::string_view title) {
  return contains_any(fold_wording(title), kConsentPhrases);
}

std::vector<std::string> page_signals(const PageEvidence& evidence) {
  const auto title_or_heading = [&](bool (*says)(std::string_view)) {
    return says(evidence.title) || std::any_of(evidence.headings.begin(), evidence.headings.end(),
                                               [&](const std::string& h) { return says(h); });
  };
  std::vector<std::string> signals;
  if (title_or_heading(says_not_found)) signals.emplace_back(kSignalNotFound);
  if (evidence.challenge_markup || is_challenge_title(evidence.title))
    signals.emplace_back(kSignalChallenge);
  if (evidence.consent_markup || is_consent_title(evidence.title) ||
      is_consent_url(evidence.refresh_url))
    signals.emplace_back(kSignalConsentWall);
  if (evidence.parking_markup || title_or_heading(is_parking_title) ||
      is_parking_script_src(evidence.refresh_url))
    signals.emplace_back(kSignalParkedDomain);
  // A login box in an article's header has a password field too: only a page that calls
  // itself a sign-in page counts (its <h1> only when it has no title).
  const bool sign_in_page = is_sign_in_title(evidence.title) ||
                            (evidence.title.empty() &&
                             std::any_of(evidence.headings.begin(), evidence.headings.end(),
                                         [](const std::string& h) { return is_sign_in_title(h); }));
  if (evidence.password_input && sign_in_page) signals.emplace_back(kSignalSignInForm);
  if (!evidence.refresh_url.empty()) signals.emplace_back(kSignalMetaRefresh);
  if (!evidence.script_redirect.empty()) signals.emplace_back(kSignalScriptRedirect);
  return signals;
}

}  // namespace linkhealth
