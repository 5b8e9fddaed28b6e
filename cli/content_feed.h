#pragma once
// The scan side of a crawl, on its own thread while the crawler fetches: the content is
// recorded a slice of files at a time, and each slice's targets that no earlier slice cited
// go to the crawl at once, so the first request waits for one slice, not for the whole tree.
// The recorder holds the results meanwhile (CrawlRecorder::hold): only this thread uses the
// store until the content is recorded.

#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <thread>

#include "cli/crawl_recorder.h"
#include "cli/target_exclusions.h"
#include "crawler/shard.h"
#include "crawler/target_stream.h"
#include "extract/scan.h"
#include "store/store.h"

namespace linkhealth {

/// Which of the content's targets this crawl fetches.
struct FeedPlan {
  std::set<std::string> already_checked;  ///< a resumed run's checked URLs
  TargetExclusions exclusions;
  Shard shard;
};

/// The whole scan's account, once the content is recorded.
struct FedContent {
  ScanCounts counts;
  std::int64_t target_count = 0;  ///< Store::finish_sources
};

class ContentFeed {
 public:
  /// Starts the thread: scans `content`, records it in `run_id`, plans each slice with
  /// `recorder` into `targets`; once all is recorded calls `recorded` (on this thread), opens
  /// the recorder and closes `targets`. When the scan or the store fails, `failed` is called
  /// and `targets` closed; finish() rethrows.
  ContentFeed(Store& store, std::int64_t run_id, std::filesystem::path content, ScanOptions options,
              FeedPlan plan, CrawlRecorder& recorder, TargetStream& targets,
              std::function<void(const FedContent&)> recorded, std::function<void()> failed);
  ~ContentFeed();  ///< joins
  ContentFeed(const ContentFeed&) = delete;
  ContentFeed& operator=(const ContentFeed&) = delete;

  /// Waits for the thread; rethrows what the scan or the store threw.
  FedContent finish();

 private:
  void feed(Store& store, std::int64_t run_id, const std::filesystem::path& content,
            const ScanOptions& options, const FeedPlan& plan, CrawlRecorder& recorder,
            TargetStream& targets, const std::function<void(const FedContent&)>& recorded);

  FedContent fed_;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace linkhealth
