#pragma once
// Recording beside fetching: the crawler's event loop hands each result over and goes back to
// fetching, while this thread records them through the CrawlRecorder (the prior-state reads,
// drift and the batched SQLite writes), so a slice of writes never stalls the transfers in
// flight. One writer: this thread, the ticker's due commits and the scan's slices all reach
// the store through the recorder's lock.

#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "cli/crawl_recorder.h"
#include "crawler/check_result.h"

namespace linkhealth {

class RecordingThread {
 public:
  /// `failed` is called (on this thread) when recording throws, e.g. to stop the crawl.
  RecordingThread(CrawlRecorder& recorder, std::function<void()> failed);
  ~RecordingThread();  ///< finish(), errors dropped (call finish() to see them)
  RecordingThread(const RecordingThread&) = delete;
  RecordingThread& operator=(const RecordingThread&) = delete;

  /// Queues a result; never waits for the store. Safe from any thread.
  void push(CheckResult result);
  /// Results pushed and not yet handed to the recorder. Safe from any thread.
  std::size_t backlog() const { return backlog_.load(std::memory_order_relaxed); }
  /// Records what is queued, stops the thread; rethrows what recording threw (the results
  /// after a failure are not recorded: a resumed run fetches them again).
  void finish();

 private:
  void loop();

  CrawlRecorder& recorder_;
  std::function<void()> failed_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<CheckResult> queue_;
  std::atomic<std::size_t> backlog_{0};
  bool done_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace linkhealth
