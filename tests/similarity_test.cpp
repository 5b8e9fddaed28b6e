#include <catch2/catch.hpp>

#include "extract/similarity.h"

using namespace linkhealth;

TEST_CASE("normalize_text folds case, quotes, entities, punctuation and whitespace",
          "[store][similarity]") {
  CHECK(normalize_text("2020\u2019s Top 20 Digital Health M&amp;A Deals") ==
        "2020s top 20 digital health m a deals");
  CHECK(normalize_text("2020&#8217;s  Top\t20 Digital\u00a0Health M&A Deals") ==
        "2020s top 20 digital health m a deals");
  CHECK(normalize_text("\u201cNext Normal\u201d &#x2014; Post COVID-19\u2026") ==
        "next normal post covid 19");
  CHECK(normalize_text("Pew: 'Poor' EHR usability") == "pew poor ehr usability");
  CHECK(normalize_text("CAF\u00c9 &unknown; &") == "caf\u00e9 unknown and");
  CHECK(normalize_text("Tips &amp; Tricks") == normalize_text("tips and tricks"));
  CHECK(normalize_text("inter\u00adoper\u200bability") == "interoperability");
  CHECK(normalize_text("   ").empty());
}

TEST_CASE("title_variants strips a short site name before or after the title",
          "[store][similarity]") {
  auto v = title_variants("5 Steps for Interoperability Excellence | HIT Consultant");
  REQUIRE(v.size() == 2);
  CHECK(v[1] == "5 Steps for Interoperability Excellence");
  auto becker = title_variants("Becker's Hospital Review - 10 latest lawsuits involving hospitals");
  REQUIRE(becker.size() == 2);
  CHECK(becker[1] == "10 latest lawsuits involving hospitals");
  // A long segment after the separator is part of the title, not a site name.
  auto long_tail = title_variants("COVID - what seven health system leaders want you to know now");
  CHECK(long_tail.size() == 2);
  CHECK(long_tail[1] == "what seven health system leaders want you to know now");
  CHECK(title_variants("No separator here").size() == 1);
}

TEST_CASE("title_similarity of curated titles against suffixed live titles",
          "[store][similarity]") {
  CHECK(title_similarity("5 Steps for Interoperability Excellence for Healthcare Providers",
                         "5 Steps for Interoperability Excellence for Healthcare Providers - "
                         "HIT Consultant") == 1.0);
  CHECK(title_similarity("10 latest lawsuits involving hospitals",
                         "10 latest lawsuits involving hospitals | Becker's Hospital Review") ==
        1.0);
  CHECK(title_similarity("2020\u2019s Top 20 Digital Health M&A Deals Totaled $50B",
                         "2020&#8217;s Top 20 Digital Health M&amp;A Deals Totaled $50B") == 1.0);
  double unrelated = title_similarity("10 latest lawsuits involving hospitals",
                                      "Page not found | Becker's Hospital Review");
  CHECK(unrelated < 0.2);
  double edited = title_similarity("4 recent hospital, health system CEO moves",
                                   "5 recent hospital, health system CEO moves");
  CHECK(edited > 0.6);
  CHECK(edited < 1.0);
}

TEST_CASE("description_similarity accepts a truncated curated description", "[store][similarity]") {
  std::string curated =
      "As if 2020 couldn\u2019t be any more challenging for healthcare providers, new federal "
      "rules on interoperability and patient access, granting patients direct access to their "
      "healthcare data, begin taking";
  std::string live =
      "As if 2020 couldn't be any more challenging for healthcare providers, new federal rules "
      "on interoperability and patient access, granting patients direct access to their "
      "healthcare data, begin taking effect in 2021.";
  CHECK(description_similarity(curated, live) == 1.0);
  CHECK(description_similarity("Short text here", "Short text here and more") < 1.0);
  CHECK(description_similarity(curated, "Subscribe to our newsletter for daily updates.") < 0.1);
}

TEST_CASE("jaccard over word sets", "[store][similarity]") {
  CHECK(jaccard(words("a b c"), words("c b a")) == 1.0);
  CHECK(jaccard(words("a b"), words("b c")) == Approx(1.0 / 3));
  CHECK(jaccard({}, {}) == 1.0);
  CHECK(jaccard(words("a"), {}) == 0.0);
}

TEST_CASE("cosmetic title changes are the same title", "[store][similarity]") {
  const std::string curated = "Hospitals \u201cRethink\u201d Remote Care & Staffing";
  for (const char* live : {
           "Hospitals \"Rethink\" Remote Care and Staffing",            // quotes, & and "and"
           "HOSPITALS RETHINK REMOTE CARE & STAFFING.",                 // case, punctuation
           "Hospitals 'Rethink' Remote Care & Staffing | Health News",  // a site suffix
           "Hospitals Rethink Remote Care & Staffing \u2014 MedTech Daily Briefing",
       }) {
    INFO(live);
    CHECK(same_title(curated, live));
    CHECK(title_similarity(curated, live) == 1.0);
  }
  // A site that renamed itself: the suffix differs on both sides.
  CHECK(same_title("Telehealth after the pandemic | Old Health Site",
                   "Telehealth after the pandemic - New Health Media"));
  CHECK(title_similarity("Telehealth after the pandemic | Old Health Site",
                         "Telehealth after the pandemic - New Health Media") == 1.0);
  // A changed headline is not cosmetic.
  CHECK_FALSE(same_title(curated, "Hospitals Rethink Remote Care"));
  CHECK_FALSE(same_title("4 recent hospital CEO moves", "5 recent hospital CEO moves"));
}
