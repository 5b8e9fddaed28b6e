// Recording the content a run read: sources, refs and the targets they cite.
#include <catch2/catch.hpp>

#include "store/store.h"
#include "store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

TEST_CASE("record_sources keeps sources current and prunes refs of removed files",
          "[store][content]") {
  auto store = Store::open(":memory:");
  auto a = article("a", "A title");
  auto b = article("b", "B title");
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {a, b}, {target_for(a, url_of(1)), target_for(b, url_of(2))});
  store.finish_run(r1, RunStatus::Done);
  auto& db = store.database();
  std::string hash_before = db.execAndGet("SELECT content_hash FROM sources WHERE slug = 'a'");

  a.title = "A title, edited";
  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r2, {a}, {target_for(a, url_of(1))});  // b.md was deleted
  CHECK(db.execAndGet("SELECT content_hash FROM sources WHERE slug = 'a'").getString() !=
        hash_before);
  CHECK(db.execAndGet("SELECT first_seen_run FROM sources WHERE slug = 'a'").getInt64() == r1);
  CHECK(db.execAndGet("SELECT last_seen_run FROM sources WHERE slug = 'a'").getInt64() == r2);
  CHECK(db.execAndGet("SELECT count(*) FROM refs").getInt() == 1);  // replaced, b's pruned
  CHECK(db.execAndGet("SELECT count(*) FROM sources").getInt() == 2);
  CHECK(store.run(r2)->target_count == 1);

  // An ad-hoc check records its one source without pruning the others.
  std::int64_t check = store.begin_run(RunKind::Check, "{}", false);
  store.record_sources(check, {b}, {target_for(b, url_of(2))});
  CHECK(db.execAndGet("SELECT count(*) FROM refs").getInt() == 2);

  CHECK_THROWS_AS(store.record_sources(check, {}, {target_for(a, url_of(1))}),
                  std::invalid_argument);
  CHECK(db.execAndGet("SELECT count(*) FROM refs").getInt() == 2);  // rolled back
}

TEST_CASE("a crawl recorded in slices reads back its targets and citing refs", "[store][content]") {
  auto store = Store::open(":memory:");
  auto a = article("a", "A title");
  auto b = article("b", "B title");
  auto gone = article("gone", "Gone");
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {gone}, {target_for(gone, url_of(3))});
  store.finish_run(r1, RunStatus::Done);

  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_findings(r2, {});
  // Two slices cite url_of(1): one target, with a ref from each.
  Target shared_b = target_for(b, url_of(1));
  shared_b.refs[0].field = "feed.feed_url";
  const auto first_ids =
      store.record_source_slice(r2, {a}, {target_for(a, url_of(1)), target_for(a, url_of(2))});
  store.append_findings(r2, {Finding{FindingKind::NoUrl, "a", a.file, "link.original", "", 5}});
  const auto second_ids = store.record_source_slice(r2, {b}, {shared_b});
  REQUIRE(first_ids.size() == 2);
  CHECK(second_ids == std::vector<std::int64_t>{first_ids[0]});  // the same target
  CHECK(first_ids[0] != first_ids[1]);
  store.append_findings(r2, {Finding{FindingKind::Whitespace, "b", b.file, "link.href", "", 7}});
  CHECK(store.finish_sources(r2) == 2);
  CHECK(store.run(r2)->target_count == 2);
  CHECK(store.findings(r2).size() == 2);
  auto& db = store.database();
  CHECK(db.execAndGet("SELECT count(*) FROM refs").getInt() == 3);  // gone.md's ref pruned

  const std::vector<FetchTarget> targets = store.fetch_targets(r2);
  REQUIRE(targets.size() == 2);
  CHECK(targets[0].request_url == url_of(1));
  CHECK(targets[0].host == "news1.example.com");
  CHECK(targets[0].etag.empty());  // never checked
  CHECK(targets[1].request_url == url_of(2));
  // The slice's own targets, by id: the same rows.
  const std::vector<FetchTarget> by_id = store.fetch_targets({first_ids[1], first_ids[0]});
  REQUIRE(by_id.size() == 2);
  CHECK(by_id[0].request_url == url_of(1));
  CHECK(by_id[1].request_url == url_of(2));

  const std::vector<PriorState> priors = store.prior_states(r2, {url_of(1), url_of(3)});
  REQUIRE(priors.size() == 2);
  const std::vector<CitingRef>& refs = priors[0].citing;
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].file == a.file);
  CHECK(refs[0].slug == "a");
  CHECK(refs[0].field == "link.href");
  CHECK(refs[0].raw == url_of(1) + "#.X88gt1UzbIU");
  CHECK(refs[0].removed == std::vector<std::string>{"fragment #.X88gt1UzbIU (AddThis)"});
  CHECK(refs[0].line == 12);
  CHECK(refs[0].curated.title == "A title");
  CHECK(refs[0].curated.description == "About A title");
  CHECK(refs[0].curated.community == a.community);
  CHECK(refs[1].file == b.file);
  CHECK(refs[1].field == "feed.feed_url");
  CHECK(priors[1].citing.empty());  // gone.md no longer cites it
}
