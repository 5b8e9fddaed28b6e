#include "crawler/relocation_rank.h"

#include <catch2/catch.hpp>

using namespace linkhealth;

namespace {

const std::string kDead = "https://news.example/2020/07/hospitals-expand-telehealth-coverage.html";
const std::string kTitle = "Hospitals expand telehealth coverage for rural care";

double rank(const RelocationKey& key, const std::string& loc, const std::string& news_title = "") {
  const SitemapEntry entry{loc, "", news_title};
  return rank_candidate(key, entry, entry_words(entry));
}

}  // namespace

TEST_CASE("a URL's words are its slug's", "[crawler][relocation]") {
  CHECK(url_words("https://news.example/2020/07/Hospitals-Expand_telehealth.html?id=123456#x") ==
        std::vector<std::string>{"123456", "expand", "hospitals", "id", "telehealth"});
  CHECK(url_words("https://news.example/").empty());
  CHECK(url_words("https://news.example").empty());
}

TEST_CASE("a dead link needs a curated title of a few words", "[crawler][relocation]") {
  CHECK_FALSE(relocation_key(kDead, {}));
  CHECK_FALSE(relocation_key(kDead, {"Telehealth", "Rural care"}));
  const auto key = relocation_key(kDead, {"Rural care", kTitle});
  REQUIRE(key);
  CHECK(key->curated_titles == std::vector<std::string>{kTitle});
  CHECK(key->ids.empty());
}

TEST_CASE("sitemap entries rank by slug, news title and article id", "[crawler][relocation]") {
  const auto key = relocation_key(kDead, {kTitle});
  REQUIRE(key);
  SECTION("a new slug made from the title ranks high") {
    CHECK(rank(*key,
               "https://news.example/health/hospitals-expand-telehealth-coverage-for-rural-care") >
          0.8);
  }
  SECTION("the old slug under a new path ranks high") {
    CHECK(rank(*key, "https://www.news.example/articles/hospitals-expand-telehealth-coverage") >
          0.7);
  }
  SECTION("an id-only URL ranks by its news title") {
    CHECK(rank(*key, "https://news.example/a/98765") == 0);
    CHECK(rank(*key, "https://news.example/a/98765", kTitle + " | Example News") == Approx(1.0));
  }
  SECTION("a shared article id is worth a look") {
    const auto with_id =
        relocation_key("https://news.example/story/old-words-here-4451234", {kTitle});
    REQUIRE(with_id);
    CHECK(with_id->ids == std::vector<std::string>{"4451234"});
    CHECK(rank(*with_id, "https://news.example/s/4451234") >= kMinCandidateRank);
  }
  SECTION("unrelated, the dead URL itself, and other sites rank 0") {
    CHECK(rank(*key, "https://news.example/sports/local-team-wins-again") == 0);
    CHECK(rank(*key, "http://www.news.example/2020/07/hospitals-expand-telehealth-coverage.html") ==
          0);
    CHECK(rank(*key, "https://other.example/hospitals-expand-telehealth-coverage-for-rural-care") ==
          0);
  }
}

TEST_CASE("only the best few candidates are kept, in a fixed order", "[crawler][relocation]") {
  TopCandidates top(3);
  top.offer({"https://a.example/d", "", 0.4});
  top.offer({"https://a.example/b", "", 0.9});
  top.offer({"https://a.example/c", "", 0.5});
  top.offer({"https://a.example/a", "", 0.5});
  top.offer({"https://a.example/e", "", 0.1});
  top.offer({"https://a.example/b", "", 0.3});  // the same URL ranked lower changes nothing
  CHECK(top.best() == std::vector<RankedCandidate>{{"https://a.example/b", "", 0.9},
                                                   {"https://a.example/a", "", 0.5},
                                                   {"https://a.example/c", "", 0.5}});
  TopCandidates other(3);
  other.offer({"https://a.example/c", "", 0.95});
  top.merge(other);
  CHECK(top.best().front() == RankedCandidate{"https://a.example/c", "", 0.95});
  CHECK(top.best().size() == 3);
}

TEST_CASE("a replacement is suggested only when one page clearly matches",
          "[crawler][relocation]") {
  const auto key = relocation_key(kDead, {kTitle});
  REQUIRE(key);
  const FetchedCandidate moved{"https://news.example/n/1", Verdict::Ok, "https://news.example/n/1",
                               kTitle + " | Example News"};
  SECTION("the matching page") {
    const auto chosen = choose_replacement(*key, {moved});
    REQUIRE(chosen);
    CHECK(chosen->url == "https://news.example/n/1");
    CHECK(chosen->title == kTitle + " | Example News");
    CHECK(chosen->similarity == Approx(1.0));
  }
  SECTION("its final URL when it redirected trivially") {
    FetchedCandidate https = moved;
    https.url = "http://news.example/n/1";
    CHECK(choose_replacement(*key, {https})->url == "https://news.example/n/1");
  }
  SECTION("not when it is not ok") {
    for (Verdict v : {Verdict::Soft404, Verdict::Broken, Verdict::Redirected, Verdict::Blocked}) {
      FetchedCandidate c = moved;
      c.verdict = v;
      CHECK_FALSE(choose_replacement(*key, {c}));
    }
  }
  SECTION("not when the title is only similar") {
    FetchedCandidate similar = moved;
    similar.title = "Hospitals expand telehealth coverage for urban care";
    CHECK_FALSE(choose_replacement(*key, {similar}));
  }
  SECTION("not when two distinct pages are equally good") {
    FetchedCandidate twin = moved;
    twin.url = twin.final_url = "https://news.example/n/2";
    CHECK_FALSE(choose_replacement(*key, {moved, twin}));
  }
  SECTION("the same page under two URLs is one page") {
    FetchedCandidate alias = moved;
    alias.url = "http://www.news.example/n/1/";
    alias.final_url = "https://news.example/n/1/";
    CHECK(choose_replacement(*key, {moved, alias}));
  }
  SECTION("a clearly better page wins over a weaker one") {
    FetchedCandidate weaker = moved;
    weaker.url = weaker.final_url = "https://news.example/n/3";
    weaker.title = "Telehealth coverage grows";
    CHECK(choose_replacement(*key, {weaker, moved})->url == "https://news.example/n/1");
  }
  SECTION("never the dead URL itself or another site") {
    FetchedCandidate self = moved;
    self.final_url = kDead;
    FetchedCandidate away = moved;
    away.final_url = "https://other.example/n/1";
    CHECK_FALSE(choose_replacement(*key, {self}));
    CHECK_FALSE(choose_replacement(*key, {away}));
  }
}
