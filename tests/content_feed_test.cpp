// The scan side of a crawl: slices recorded and planned while the crawl runs, each target
// handed over once, the recorder opened when the content is recorded. An in-memory store.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

#include "cli/content_feed.h"
#include "tests/temp_tree.h"

using namespace linkhealth;

namespace {

/// A crawl run on an in-memory store, its recorder held, as `crawl` starts one.
struct HeldCrawl {
  Store store = Store::open(":memory:");
  std::int64_t run = store.begin_run(RunKind::Crawl, "{}", true);
  RunLog log;
  CrawlRecorder recorder{store, run, log};
  TargetStream targets;
  HeldCrawl() { recorder.hold(); }
};

}  // namespace

TEST_CASE("the feed hands each slice's new targets over once, then opens the recorder",
          "[cli][feed]") {
  linkhealth::testing::TempTree tree;
  // 700 files are five slices (32, 64, 128, 256, 220); every file cites one of 40 shared URLs
  // and one of its own.
  for (int i = 0; i < 700; ++i) {
    const std::string n = std::to_string(i);
    tree.write("f" + n + ".md", "---\nslug: s" + n + "\nlink:\n  href: https://shared.example/" +
                                    std::to_string(i % 40) + "\n  original: https://own.example/" +
                                    n + "\n---\n");
  }
  HeldCrawl crawl;
  Store& store = crawl.store;
  TargetStream& targets = crawl.targets;
  FeedPlan plan;
  plan.exclusions = TargetExclusions({"https://own.example/699"}, {});
  int recorded = 0;
  std::int64_t target_count = 0;
  ContentFeed feed(
      store, crawl.run, tree.root(), ScanOptions{}, plan, crawl.recorder, targets,
      [&](const FedContent& fed) {
        ++recorded;
        target_count = fed.target_count;
      },
      [] { FAIL("the feed failed"); });
  const FedContent fed = feed.finish();
  CHECK(recorded == 1);
  CHECK(fed.counts.files_read == 700);
  CHECK(target_count == 740);
  const TargetStream::Taken taken = targets.take();
  CHECK(taken.closed);
  CHECK(taken.batches.size() == 5);
  std::set<std::string> urls;
  std::size_t handed = 0;
  for (const auto& batch : taken.batches) {
    for (const FetchTarget& target : batch) {
      urls.insert(target.request_url);
      ++handed;
    }
  }
  CHECK(handed == urls.size());  // never twice
  CHECK(urls.size() == 739);     // all but the excluded one
  CHECK(crawl.recorder.planned() == 739);
  CHECK(urls.count("https://own.example/699") == 0);
  // Opened: the exclusion planned during the scan is recorded with the next flush.
  crawl.recorder.flush();
  REQUIRE(store.last_check("https://own.example/699").has_value());
  CHECK(store.last_check("https://own.example/699")->error == "excluded");
}

TEST_CASE("a feed whose content cannot be read fails and closes the stream", "[cli][feed]") {
  HeldCrawl crawl;
  Store& store = crawl.store;
  TargetStream& targets = crawl.targets;
  bool failed = false;
  ContentFeed feed(
      store, crawl.run, "/nonexistent/linkhealth-content", ScanOptions{}, FeedPlan{},
      crawl.recorder, targets, [](const FedContent&) { FAIL("nothing was recorded"); },
      [&] { failed = true; });
  CHECK_THROWS_AS(feed.finish(), std::runtime_error);
  CHECK(failed);
  CHECK(targets.take().closed);
}
