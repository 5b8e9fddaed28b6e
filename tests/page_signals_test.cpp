// Wording that makes a 200 page a soft 404, a bot wall or a consent wall.
#include <catch2/catch.hpp>

#include "extract/page_signals.h"

using linkhealth::is_challenge_title;
using linkhealth::is_consent_title;
using linkhealth::says_not_found;

TEST_CASE("not-found wording", "[signals]") {
  CHECK(says_not_found("Page Not Found | HIT Consultant"));
  CHECK(says_not_found("404"));
  CHECK(says_not_found("Not Found - STAT"));
  CHECK(says_not_found("Oops! That page can\xE2\x80\x99t be found."));
  CHECK(says_not_found("This page is no longer available"));
  CHECK(says_not_found("Error 404 \xE2\x80\x93 Fierce Healthcare"));
  CHECK(says_not_found("Sorry, the page you were looking for is missing"));
  CHECK_FALSE(says_not_found("Cure not found for rare disease, study says"));
  CHECK_FALSE(says_not_found("404 patients enrolled in sepsis trial"));
  CHECK_FALSE(says_not_found(""));
}

TEST_CASE("challenge titles", "[signals]") {
  CHECK(is_challenge_title("Just a moment..."));
  CHECK(is_challenge_title("Just a moment\xE2\x80\xA6"));
  CHECK(is_challenge_title("Attention Required! | Cloudflare"));
  CHECK(is_challenge_title("Access Denied"));
  CHECK(is_challenge_title("Bloomberg - Are you a robot?"));
  CHECK_FALSE(is_challenge_title("Patients denied access to new drug"));
  CHECK_FALSE(is_challenge_title("Just a moment of calm: mindfulness in the ICU"));
}

TEST_CASE("consent titles", "[signals]") {
  CHECK(is_consent_title("Before you continue to YouTube"));
  CHECK(is_consent_title("Yahoo is part of the Yahoo family of brands"));
  CHECK_FALSE(is_consent_title("Informed consent rules updated for trials"));
}

TEST_CASE("signals come out in a fixed order", "[signals]") {
  linkhealth::PageEvidence e;
  e.title = "Just a moment...";
  e.headings = {"404 Not Found"};
  e.refresh_url = "https://consent.example.com/?continue=x";
  CHECK(linkhealth::page_signals(e) ==
        std::vector<std::string>{"not_found_text", "challenge", "consent_wall", "meta_refresh"});
  CHECK(linkhealth::page_signals(linkhealth::PageEvidence{}).empty());
}
