#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <thread>

#include "store/store.h"
#include "store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

TEST_CASE("readers and an ad-hoc check work while a crawl writes", "[store][concurrency]") {
  TempDir dir;
  auto path = dir / "links.db";
  Store::open(path);  // create and migrate once, as the crawl would
  constexpr int kChecks = 1500;
  constexpr int kAdhoc = 30;
  std::atomic<bool> crawl_done{false};
  std::mutex errors_mutex;
  std::vector<std::string> errors;
  auto record_error = [&](const std::string& who, const std::exception& e) {
    std::lock_guard lock(errors_mutex);
    errors.push_back(who + ": " + e.what());
  };

  std::thread crawl([&] {
    try {
      auto store = Store::open(path, {50, std::chrono::milliseconds(20), 2});
      std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
      for (int i = 0; i < kChecks; ++i) {
        store.record_check(run, result(url_of(i), i % 5 ? Verdict::Ok : Verdict::Broken, "t"), {});
      }
      store.finish_run(run, RunStatus::Done);
    } catch (const std::exception& e) {
      record_error("crawl", e);
    }
    crawl_done = true;
  });

  std::atomic<int> reads{0};
  std::thread report([&] {
    try {
      auto store = Store::open(path);
      while (!crawl_done || reads == 0) {
        ReadSnapshot snapshot(store);
        if (auto run = store.latest_run(RunKind::Crawl)) {
          auto summary = store.summary(run->id);
          auto problems = store.targets(run->id, {true, std::nullopt, "", ""});
          // Counters are committed with their checks, so a reader never sees them disagree.
          if (summary.run.status != RunStatus::Done &&
              summary.run.check_count !=
                  static_cast<std::int64_t>(store.checked_urls(run->id).size())) {
            throw std::runtime_error("run counters disagree with committed checks");
          }
          ++reads;
        }
      }
    } catch (const std::exception& e) {
      record_error("report", e);
    }
  });

  std::thread adhoc([&] {
    try {
      auto store = Store::open(path);
      std::int64_t run = store.begin_run(RunKind::Check, "{}", false);
      for (int i = 0; i < kAdhoc; ++i) {
        store.record_check(run, result(url_of(100000 + i), Verdict::Ok, "t"), {});
        store.flush();  // `check` commits each URL as soon as it is known
      }
      store.finish_run(run, RunStatus::Done);
    } catch (const std::exception& e) {
      record_error("check", e);
    }
  });

  crawl.join();
  report.join();
  adhoc.join();
  for (const auto& e : errors) UNSCOPED_INFO(e);
  CHECK(errors.empty());
  CHECK(reads > 0);
  auto store = Store::open(path);
  auto crawl_run = store.latest_run(RunKind::Crawl);
  REQUIRE(crawl_run.has_value());
  CHECK(crawl_run->check_count == kChecks);
  CHECK(crawl_run->problem_count == kChecks / 5);
  CHECK(store.latest_run(RunKind::Check)->check_count == kAdhoc);
}
