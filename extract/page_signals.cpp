#include "extract/page_signals.h"

#include <array>
#include <cstring>

#include "extract/html_document.h"

namespace linkhealth {

namespace {

// ASCII-lowercased text with typographic apostrophes and ellipses made plain.
std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (rest.substr(0, 3) == "\xE2\x80\x99") {  // U+2019
      out += '\'';
      i += 2;
    } else if (rest.substr(0, 3) == "\xE2\x80\xA6") {  // U+2026
      out += "...";
      i += 2;
    } else {
      const char c = text[i];
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return out;
}

bool contains_any(std::string_view folded, const auto& phrases) {
  for (std::string_view p : phrases)
    if (folded.find(p) != std::string_view::npos) return true;
  return false;
}

// True when the whole text, or one segment of "A | B - C", is one of `phrases`.
bool segment_is_any(std::string_view folded, const auto& phrases) {
  constexpr std::array<std::string_view, 6> kSeparators = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "};
  std::size_t start = 0;
  while (start <= folded.size()) {
    std::size_t end = folded.size();
    std::size_t sep_len = 0;
    for (std::string_view sep : kSeparators) {
      const std::size_t at = folded.find(sep, start);
      if (at != std::string_view::npos && at < end) end = at, sep_len = sep.size();
    }
    const std::string_view segment = folded.substr(start, end - start);
    for (std::string_view p : phrases)
      if (segment == p) return true;
    if (sep_len == 0) break;
    start = end + sep_len;
  }
  return false;
}

constexpr std::array<std::string_view, 34> kNotFoundPhrases = {"page not found",
                                                               "page cannot be found",
                                                               "page can't be found",
                                                               "page could not be found",
                                                               "page does not exist",
                                                               "page doesn't exist",
                                                               "page no longer exists",
                                                               "page is no longer available",
                                                               "page no longer available",
                                                               "page you requested",
                                                               "page you were looking for",
                                                               "page you are looking for",
                                                               "page you're looking for",
                                                               "content not found",
                                                               "article not found",
                                                               "story not found",
                                                               "post not found",
                                                               "content is no longer available",
                                                               "article is no longer available",
                                                               "story is no longer available",
                                                               "video is no longer available",
                                                               "error 404",
                                                               "404 error",
                                                               "404 not found",
                                                               "404 page",
                                                               "http 404",
                                                               "(404)",
                                                               "file not found",
                                                               "document not found",
                                                               "nothing found",
                                                               "we couldn't find",
                                                               "we can't find that page",
                                                               "we cannot find",
                                                               "oops! that page"};

constexpr std::array<std::string_view, 9> kNotFoundSegments = {
    "not found",      "404",           "oops", "oops!", "error",
    "page not found", "nothing found", "gone", "sorry"};

constexpr std::array<std::string_view, 10> kChallengePhrases = {
    "are you a robot",
    "checking your browser",
    "pardon our interruption",
    "verify you are human",
    "verifying you are human",
    "attention required! | cloudflare",
    "please enable cookies",
    "enable javascript and cookies to continue",
    "ddos-guard",
    "please verify you are a human"};

constexpr std::array<std::string_view, 13> kChallengeSegments = {
    "just a moment...", "just a moment",      "attention required!",   "access denied",
    "are you a robot?", "please wait...",     "one moment, please...", "security check",
    "robot or human?",  "human verification", "bot verification",      "captcha",
    "request blocked"};

constexpr std::array<std::string_view, 11> kConsentPhrases = {"before you continue",
                                                              "bevor sie zu",
                                                              "avant d'acc\xC3\xA9"
                                                              "der",
                                                              "yahoo is part of the yahoo family",
                                                              "cookie consent",
                                                              "consent to cookies",
                                                              "privacy consent",
                                                              "we value your privacy",
                                                              "your privacy choices",
                                                              "cookie settings",
                                                              "consent required"};

constexpr std::array<std::string_view, 8> kChallengeIds = {
    "challenge-form",       "challenge-running", "cf-challenge-running", "challenge-stage",
    "challenge-error-text", "cf-please-wait",    "px-captcha",           "captcha-bypass"};

bool has_fragment(std::string_view value, std::string_view needle) {
  return fold(value).find(needle) != std::string::npos;
}

bool is_consent_url(std::string_view url) {
  const std::string folded = fold(url);
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
      if (src.empty()) observe_script_text(text_content(element), evidence);
      break;
    }
    case GUMBO_TAG_IFRAME:
      if (has_fragment(attribute(element, "src"), "captcha-delivery.com"))
        evidence.challenge_markup = true;
      break;
    default:
      break;
  }
}

bool is_challenge_script_src(std::string_view src) {
  if (src.empty()) return false;
  const std::string folded = fold(src);
  return folded.find("/cdn-cgi/challenge-platform/h/") != std::string::npos ||
         folded.find("captcha-delivery.com") != std::string::npos;
}

void observe_script_text(std::string_view text, PageEvidence& evidence) {
  if (text.find("_cf_chl_opt") != std::string_view::npos) evidence.challenge_markup = true;
}

bool says_not_found(std::string_view text) {
  const std::string folded = fold(text);
  return contains_any(folded, kNotFoundPhrases) || segment_is_any(folded, kNotFoundSegments);
}

bool is_challenge_title(std::string_view title) {
  const std::string folded = fold(title);
  return contains_any(folded, kChallengePhrases) || segment_is_any(folded, kChallengeSegments);
}

bool is_consent_title(std::string_view title) {
  return contains_any(fold(title), kConsentPhrases);
}

std::vector<std::string> page_signals(const PageEvidence& evidence) {
  std::vector<std::string> signals;
  bool not_found = says_not_found(evidence.title);
  for (const std::string& h : evidence.headings) not_found = not_found || says_not_found(h);
  if (not_found) signals.emplace_back(kSignalNotFound);
  if (evidence.challenge_markup || is_challenge_title(evidence.title))
    signals.emplace_back(kSignalChallenge);
  if (evidence.consent_markup || is_consent_title(evidence.title) ||
      is_consent_url(evidence.refresh_url))
    signals.emplace_back(kSignalConsentWall);
  if (!evidence.refresh_url.empty()) signals.emplace_back(kSignalMetaRefresh);
  return signals;
}

}  // namespace linkhealth
