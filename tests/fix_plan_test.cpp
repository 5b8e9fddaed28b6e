// Planning the edits of one content file from the crawl's evidence (pure).
#include <catch2/catch.hpp>

#include "reports/fix_plan.h"

using namespace linkhealth;

namespace {

Source story(std::vector<UrlField> urls, std::string title = "Hospitals expand telehealth") {
  Source s;
  s.file = "curated/story.md";
  s.slug = "story";
  s.title = std::move(title);
  s.urls = std::move(urls);
  return s;
}

FixEvidence moved_to(const std::string& from, const std::string& to,
                     const std::string& live_title = "Hospitals expand telehealth | News") {
  FixEvidence e;
  e.redirects[from] = ConfirmedRedirect{to, live_title};
  return e;
}

CitingRef recorded(const std::string& field, const std::string& raw, int line) {
  CitingRef r;
  r.file = "curated/story.md";
  r.field = field;
  r.raw = raw;
  r.line = line;
  return r;
}

FilePlan plan(const Source& source, const FixEvidence& evidence, FixOptions options = {}) {
  return plan_file(source, {}, evidence, options);
}

}  // namespace

TEST_CASE("a confirmed redirect rewrites every edited field to the cleaned final URL",
          "[reports][fix]") {
  const Source s = story({{"link.href", "http://news.example/old", 5},
                          {"link.original", "http://news.example/old?utm_source=x", 6},
                          {"openProjectCustomFields.cleanUrl", "http://news.example/old", 9}});
  const FilePlan p = plan(s, moved_to("http://news.example/old", "https://NEWS.example/new"));
  REQUIRE(p.edits.size() == 2);  // never link.original
  CHECK(p.edits[0] == FixEdit{"curated/story.md", 5, "link.href", "http://news.example/old",
                              "https://news.example/new", FixKind::Redirect});
  CHECK(p.edits[1].field == "openProjectCustomFields.cleanUrl");
  CHECK(p.edits[1].line == 9);
  CHECK(p.notes.empty());
}

TEST_CASE("a redirect keeps the value's fragment and drops its tracking", "[reports][fix]") {
  const Source s = story({{"link.href", "http://news.example/old?utm_medium=x#section-2", 5}});
  const FilePlan p = plan(s, moved_to("http://news.example/old", "https://news.example/new"));
  REQUIRE(p.edits.size() == 1);
  CHECK(p.edits[0].new_value == "https://news.example/new#section-2");
  CHECK(p.edits[0].kind == FixKind::Redirect);
}

TEST_CASE("a redirect to a page with another title is a note, not an edit", "[reports][fix]") {
  const Source s = story({{"link.href", "http://news.example/old", 5}});
  const FilePlan p = plan(
      s, moved_to("http://news.example/old", "https://news.example/new", "Quarterly earnings"));
  CHECK(p.edits.empty());
  REQUIRE(p.notes.size() == 1);
  CHECK(p.notes[0].line == 5);
  CHECK_THAT(p.notes[0].message, Catch::StartsWith("curated/story.md:5: link.href moved") &&
                                     Catch::Contains("Quarterly earnings"));
  // Without a curated title there is nothing to confirm the page with.
  CHECK(plan(story({{"link.href", "http://news.example/old", 5}}, ""),
             moved_to("http://news.example/old", "https://news.example/new"))
            .edits.empty());
}

TEST_CASE("tracking left in a stored value is cleaned; clean values are left alone",
          "[reports][fix]") {
  const Source s =
      story({{"link.href", "https://news.example/a?utm_source=tw&id=3#.X88gt1UzbIU", 4},
             {"link.original", "https://news.example/a?utm_source=tw", 5},
             {"openProjectCustomFields.sourceUrl", "https://news.example/a?id=3", 7}});
  const FilePlan p = plan(s, {});
  REQUIRE(p.edits.size() == 1);
  CHECK(p.edits[0].new_value == "https://news.example/a?id=3");
  CHECK(p.edits[0].kind == FixKind::Tracking);
  CHECK(plan(s, {}, FixOptions{{FixKind::Redirect}, nullptr}).edits.empty());
}

TEST_CASE("relocation edits only when asked for", "[reports][fix]") {
  FixEvidence e;
  e.relocations["https://news.example/gone"] =
      Replacement{"https://news.example/found", "Hospitals expand telehealth | News", 0.95};
  const Source s = story({{"link.href", "https://news.example/gone", 4}});
  CHECK(plan(s, e).edits.empty());
  const FixOptions relocation{{FixKind::Relocation}, nullptr};
  const FilePlan p = plan(s, e, relocation);
  REQUIRE(p.edits.size() == 1);
  CHECK(p.edits[0].new_value == "https://news.example/found");
  CHECK(p.edits[0].kind == FixKind::Relocation);
  // The file was retitled since the crawl: the replacement no longer fits it.
  const FilePlan retitled = plan(story(s.urls, "Quarterly earnings call"), e, relocation);
  CHECK(retitled.edits.empty());
  REQUIRE(retitled.notes.size() == 1);
  CHECK_THAT(retitled.notes[0].message,
             Catch::StartsWith("curated/story.md:4: link.href was found again at "
                               "https://news.example/found"));
}

TEST_CASE("a value changed since the crawl is skipped with a note naming file and line",
          "[reports][fix]") {
  const FixEvidence e = moved_to("http://news.example/old", "https://news.example/new");
  // The editor re-quoted the value: still the checked URL, so it is edited.
  const Source requoted = story({{"link.href", "http://news.example/old", 5}});
  FilePlan p =
      plan_file(requoted, {{"http://news.example/old", recorded("link.href", "x", 5)}}, e, {});
  CHECK(p.edits.size() == 1);
  CHECK(p.notes.empty());
  // The editor pointed the link elsewhere.
  const Source other = story({{"link.href", "https://elsewhere.example/story", 7}});
  p = plan_file(other,
                {{"http://news.example/old", recorded("link.href", "http://news.example/old", 5)}},
                e, {});
  CHECK(p.edits.empty());
  REQUIRE(p.notes.size() == 1);
  CHECK_THAT(p.notes[0].message, Catch::StartsWith("curated/story.md:7: link.href changed"));
  // Already fixed by hand (or by an earlier fix): nothing to say.
  const Source done = story({{"link.href", "https://news.example/new", 5}});
  p = plan_file(done,
                {{"http://news.example/old", recorded("link.href", "http://news.example/old", 5)}},
                e, {});
  CHECK(p.edits.empty());
  CHECK(p.notes.empty());
  // The field was removed.
  p = plan_file(story({}),
                {{"http://news.example/old", recorded("link.href", "http://news.example/old", 5)}},
                e, {});
  REQUIRE(p.notes.size() == 1);
  CHECK_THAT(p.notes[0].message, Catch::Contains(":5: link.href is gone"));
}
