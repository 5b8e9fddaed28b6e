// What recording a check needs from before it, read for a slice of URLs at once.
#include <catch2/catch.hpp>

#include "store/prior_state.h"
#include "store/store.h"
#include "tests/sql_trace.h"
#include "tests/store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

TEST_CASE("prior states of a slice: history, last informative check, citing records",
          "[store][prior]") {
  auto store = Store::open(":memory:");
  const Source a = article("a", "Hospitals expand telehealth");
  const Source b = article("b", "Nurses trial a triage app", "/communities/nursing/");
  Target shared = target_for(a, url_of(1));  // cited by a and b
  shared.refs.push_back(target_for(b, url_of(1)).refs[0]);
  shared.refs.back().field = "link.original";
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {a, b}, {shared, target_for(a, url_of(2)), target_for(b, url_of(3))});
  store.record_check(r1, result(url_of(1), Verdict::Ok, "Telehealth", "2026-01-05T03:00:00Z"), {});
  store.record_check(r1, result(url_of(2), Verdict::Broken), {});
  store.finish_run(r1, RunStatus::Done);
  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r2, result(url_of(1), Verdict::Blocked, "", "2026-01-12T03:00:00Z"), {});
  store.record_check(r2, result(url_of(2), Verdict::Broken, "", "2026-01-12T03:00:00Z"), {});
  store.finish_run(r2, RunStatus::Done);
  std::int64_t r3 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r3, result(url_of(2), Verdict::Ok, "Back"), {});  // already in r3

  testing::StatementCounter counter(store.database());
  const auto priors = store.prior_states(r3, {url_of(2), url_of(1), url_of(9), url_of(3)});
  CHECK(counter.selects() == 3);
  REQUIRE(priors.size() == 4);

  // url_of(1): the blocked check is the newest (history), the ok one the baseline.
  const PriorState& one = priors[1];
  CHECK(one.history.target_id != 0);
  REQUIRE(one.history.last.has_value());
  CHECK(one.history.last->failures == 0);
  CHECK_FALSE(one.history.rechecked);
  REQUIRE(one.previous.has_value());
  CHECK(one.previous->run_id == r1);
  CHECK(one.previous->verdict == Verdict::Ok);
  CHECK(one.previous->checked_at == "2026-01-05T03:00:00Z");
  REQUIRE(one.previous->page.has_value());
  CHECK(one.previous->page->title == "Telehealth");
  REQUIRE(one.citing.size() == 2);  // by file: a's, then b's
  CHECK(one.citing[0].slug == "a");
  CHECK(one.citing[0].curated.title == a.title);
  CHECK(one.citing[1].slug == "b");
  CHECK(one.citing[1].field == "link.original");
  CHECK(one.citing[1].curated.community == "/communities/nursing/");

  // url_of(2): r3 has a check already; the history continues r2's, the baseline is r3's own.
  const PriorState& two = priors[0];
  CHECK(two.history.rechecked);
  REQUIRE(two.history.last.has_value());
  CHECK(two.history.last->failures == 2);
  CHECK(two.history.last->confirmed);
  REQUIRE(two.previous.has_value());
  CHECK(two.previous->run_id == r3);

  // url_of(9) was never seen; url_of(3) was never checked.
  CHECK(priors[2].history.target_id == 0);
  CHECK_FALSE(priors[2].history.last.has_value());
  CHECK_FALSE(priors[2].previous.has_value());
  CHECK(priors[2].citing.empty());
  CHECK(priors[3].history.target_id != 0);
  CHECK_FALSE(priors[3].history.last.has_value());
  CHECK_FALSE(priors[3].previous.has_value());
  CHECK(priors[3].citing.size() == 1);

  CHECK(store.prior_states(r3, {}).empty());
}

TEST_CASE("a slice's URLs reach SQLite byte for byte", "[store][prior]") {
  CHECK(sql_json_array({}) == "[]");
  CHECK(sql_json_array({"a\"b\\c", std::string("d\ne\x01", 4)}) ==
        "[\"a\\\"b\\\\c\",\"d\\u000ae\\u0001\"]");
  // URLs no cleaner would make still find their target, invalid UTF-8 included.
  auto store = Store::open(":memory:");
  const std::vector<std::string> odd = {"https://x.example/\"quoted\"\\", "https://x.example/\t",
                                        "https://x.example/\xff\xfe",
                                        "https://x.example/caf\xc3\xa9"};
  std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
  for (const std::string& url : odd) {
    CheckResult c = result("https://x.example/", Verdict::Ok, "t");
    c.request_url = url;
    store.record_check(run, c, {});
  }
  std::int64_t next = store.begin_run(RunKind::Check, "{}", false);
  const auto priors = store.prior_states(next, odd);
  REQUIRE(priors.size() == odd.size());
  for (std::size_t i = 0; i < odd.size(); ++i) {
    INFO(i);
    REQUIRE(priors[i].previous.has_value());
    CHECK(priors[i].previous->request_url == odd[i]);
  }
}
