// Which title wins: og:title, twitter:title, a JSON-LD headline that names the page, <title>.
#include <catch2/catch.hpp>

#include <string>

#include "extract/title_choice.h"

using linkhealth::choose_title;
using linkhealth::headline_fits_title;
using linkhealth::TitleCandidates;

TEST_CASE("og:title, then twitter:title, win over everything", "[title_choice]") {
  TitleCandidates c{"OG", "Twitter", "Headline", "Title", {}};
  CHECK(choose_title(c).rule == "og:title");
  CHECK(choose_title(c).title == "OG");
  c.og_title = "";
  CHECK(choose_title(c).rule == "twitter:title");
  CHECK(choose_title(c).note.empty());
  c.twitter_title = "";
  c.jsonld_headline = "";
  CHECK(choose_title(c).rule == "title");
  CHECK(choose_title(c).note.empty());
  c.html_title = "";
  CHECK(choose_title(c).rule.empty());
  CHECK(choose_title(c).title.empty());
}

TEST_CASE("Wikipedia: a Wikidata description as headline loses to <title>", "[title_choice]") {
  for (const auto& [headline, title] : {
           std::pair{"Wikimedia list article",
                     "List of United States senators from Ohio - Wikipedia"},
           std::pair{"American politician (born 1952)", "Sherrod Brown - Wikipedia"},
           std::pair{"Wikimedia disambiguation page", "Mercury - Wikipedia"},
           std::pair{"Wikimedia list article", "List of Wikimedia projects - Meta"},
           std::pair{"infectious disease caused by SARS-CoV-2", "COVID-19 - Wikipedia"},
       }) {
    INFO(headline << " / " << title);
    const auto choice = choose_title({"", "", headline, title, {"Wikimedia Foundation, Inc."}});
    CHECK(choice.rule == "title");
    CHECK(choice.title == title);
    CHECK(choice.note.find("jsonld:headline: not used as the title") == 0);
  }
}

TEST_CASE("a headline that is the title without its site suffix wins", "[title_choice]") {
  // Yoast and most article themes: <title> = headline + separator + site name.
  auto choice = choose_title({"",
                              "",
                              "In-Depth: 32 FDA-Approved COVID-19 Testing Kits",
                              "In-Depth: 32 FDA-Approved COVID-19 Testing Kits | HIT Consultant",
                              {"HIT Consultant"}});
  CHECK(choice.rule == "jsonld:headline");
  CHECK(choice.title == "In-Depth: 32 FDA-Approved COVID-19 Testing Kits");
  CHECK(choice.note.empty());
  // Curly quotes and dashes in one, ASCII in the other, are the same words.
  choice = choose_title({"",
                         "",
                         "Women\u2019s heart health\u2014what\u2019s changed",
                         "Women's heart health - what's changed | Mayo Clinic Press",
                         {}});
  CHECK(choice.rule == "jsonld:headline");
  // A light rewording: three of four words shared is enough, two of four is not.
  CHECK(headline_fits_title("Flu shots for seniors", "Flu shots for older adults | CDC"));
  CHECK_FALSE(headline_fits_title("Flu vaccine for seniors", "Flu shots for older adults"));
  // Scripts without spaces: the headline is contained in the title.
  CHECK(headline_fits_title("\u5730\u57df\u533b\u7642\u306e\u672a\u6765",
                            "\u5730\u57df\u533b\u7642\u306e\u672a\u6765\u3010\u516c\u5f0f\u3011"));
  CHECK(headline_fits_title("\u5730\u57df\u533b\u7642",
                            "\u5730\u57df\u533b\u7642\uff5c\u65b0\u805e"));
  // A fragment of the title is no name for the page.
  CHECK_FALSE(headline_fits_title("Overview", "Overview of diabetes treatment | Mayo Clinic"));
  CHECK_FALSE(headline_fits_title("News", "Newsroom | Acme Health"));
  CHECK_FALSE(headline_fits_title("AI", "Maintaining AI models in hospitals | HIT Consultant"));
  CHECK_FALSE(headline_fits_title("", "anything"));
  CHECK_FALSE(headline_fits_title(" - ", "anything"));
}

TEST_CASE("a <title> that is only the site's name loses to the headline", "[title_choice]") {
  // A single-page app keeps one static <title>; its JSON-LD names the article.
  auto choice =
      choose_title({"", "", "AI triage cuts ER waits", "Health News Daily", {"Health News Daily"}});
  CHECK(choice.rule == "jsonld:headline");
  CHECK(choice.title == "AI triage cuts ER waits");
  choice = choose_title(
      {"", "", "AI triage cuts ER waits", "HEALTH NEWS  DAILY", {"Health News Daily"}});
  CHECK(choice.rule == "jsonld:headline");
  // Without the site's name known, a <title> that shares no words is kept.
  choice = choose_title({"", "", "AI triage cuts ER waits", "Health News Daily", {}});
  CHECK(choice.rule == "title");
  // No <title> at all: the headline is all there is.
  choice = choose_title({"", "", "AI triage cuts ER waits", "", {}});
  CHECK(choice.rule == "jsonld:headline");
}
