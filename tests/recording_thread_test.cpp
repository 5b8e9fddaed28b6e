// Recording beside fetching: results pushed from the fetching thread are recorded on the
// recording thread, in order, and all of them by finish(). An in-memory store.
#include <catch2/catch.hpp>

#include <thread>

#include "cli/recording_thread.h"
#include "tests/store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

TEST_CASE("every pushed result is recorded by finish, also when pushed while held",
          "[cli][recorder]") {
  const Source a = article("a", "Hospitals expand telehealth for rural care");
  const Source b = article("b", "Nurses trial a new triage app");
  auto store = Store::open(":memory:");
  const std::int64_t run = store.begin_run(RunKind::Crawl, "{}", /*fresh=*/true);
  store.record_sources(run, {a, b}, {target_for(a, url_of(1)), target_for(b, url_of(2))});
  store.finish_sources(run);
  RunLog log;
  CrawlRecorder recorder(store, run, log);
  recorder.hold();
  bool failed = false;
  RecordingThread recording(recorder, [&] { failed = true; });
  std::thread fetching([&] {
    recording.push(result(url_of(1), Verdict::Ok, "Hospitals expand telehealth for rural care"));
    recording.push(result(url_of(2), Verdict::Broken));
  });
  fetching.join();
  recorder.open();
  recording.finish();
  recorder.flush();
  CHECK_FALSE(failed);
  REQUIRE(store.last_check(url_of(1)).has_value());
  CHECK(store.last_check(url_of(1))->verdict == Verdict::Ok);
  REQUIRE(store.last_check(url_of(2)).has_value());
  CHECK(store.last_check(url_of(2))->verdict == Verdict::Broken);
  CHECK(recorder.verdicts().at(Verdict::Broken) == 1);
}
