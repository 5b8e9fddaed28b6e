#include "cli/content_feed.h"

#include <utility>

namespace linkhealth {
namespace {

// Files scanned and recorded at a time: large enough that each slice's transaction and
// thread start-up are amortised, small enough that a slice is a few MB. The first slices are
// smaller (32, 64, ...), so the first requests wait for 32 files.
constexpr std::size_t kScanSliceFiles = 512;
constexpr std::size_t kFirstSliceFiles = 32;

}  // namespace

ContentFeed::ContentFeed(Store& store, std::int64_t run_id, std::filesystem::path content,
                         ScanOptions options, FeedPlan plan, CrawlRecorder& recorder,
                         TargetStream& targets, std::function<void(const FedContent&)> recorded,
                         std::function<void()> failed) {
  thread_ = std::thread([this, &store, run_id, content = std::move(content),
                         options = std::move(options), plan = std::move(plan), &recorder, &targets,
                         recorded = std::move(recorded), failed = std::move(failed)] {
    try {
      feed(store, run_id, content, options, plan, recorder, targets, recorded);
    } catch (...) {
      error_ = std::current_exception();
      if (failed) failed();
    }
    targets.close();
  });
}

ContentFeed::~ContentFeed() {
  if (thread_.joinable()) thread_.join();
}

FedContent ContentFeed::finish() {
  if (thread_.joinable()) thread_.join();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  return fed_;
}

void ContentFeed::feed(Store& store, std::int64_t run_id, const std::filesystem::path& content,
                       const ScanOptions& options, const FeedPlan& plan, CrawlRecorder& recorder,
                       TargetStream& targets,
                       const std::function<void(const FedContent&)>& recorded) {
  // Each slice of files is recorded and dropped: the scan never holds the whole tree.
  store.record_findings(run_id, {});
  fed_.counts = scan_in_slices(
      content, options, kScanSliceFiles,
      [&](ScanResult& slice) {
        const auto target_ids = store.record_source_slice(run_id, slice.sources, slice.targets);
        store.append_findings(run_id, slice.findings);
        targets.add(
            recorder.plan_slice(target_ids, plan.already_checked, plan.exclusions, plan.shard));
      },
      kFirstSliceFiles);
  fed_.target_count = store.finish_sources(run_id);
  store.flush();
  if (recorded) recorded(fed_);
  recorder.open();
}

}  // namespace linkhealth
