#pragma once
// Targets handed to a running crawl from another thread, a batch at a time, so fetching can
// start while the content is still being scanned (`crawl` feeds each recorded slice's new
// targets). The crawl ends once the stream is closed and every target has its result.

#include <functional>
#include <mutex>
#include <vector>

#include "crawler/fetch_target.h"

namespace linkhealth {

class TargetStream {
 public:
  /// Queues a batch (the crawler fetches URLs repeated within a batch once, so give each URL
  /// in one batch only). Safe from any thread.
  void add(std::vector<FetchTarget> targets);
  /// No more batches: the crawl may finish. Safe from any thread.
  void close();

  /// What the crawler takes: the batches queued so far, and whether the stream is closed.
  struct Taken {
    std::vector<std::vector<FetchTarget>> batches;
    bool closed = false;
  };
  Taken take();
  /// Called (on the adding thread) after each add() and close() until reset with {}: how the
  /// running crawl learns there is something to take.
  void on_ready(std::function<void()> notify);

 private:
  std::mutex mu_;
  std::vector<std::vector<FetchTarget>> batches_;
  bool closed_ = false;
  std::function<void()> notify_;
};

}  // namespace linkhealth
