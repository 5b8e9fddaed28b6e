#include "cli/recording_thread.h"

#include <chrono>
#include <utility>

namespace linkhealth {

RecordingThread::RecordingThread(CrawlRecorder& recorder, std::function<void()> failed)
    : recorder_(recorder), failed_(std::move(failed)) {
  thread_ = std::thread([this] { loop(); });
}

RecordingThread::~RecordingThread() {
  try {
    finish();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the results are fetched again on resume
  }
}

namespace {

// The thread is woken for a batch, not for each result (a wake-up per result cost more CPU
// than the recording it moved); stragglers wait at most kLinger.
constexpr std::size_t kBatch = 64;
constexpr std::chrono::milliseconds kLinger{100};

}  // namespace

void RecordingThread::push(CheckResult result) {
  bool wake = false;
  {
    std::lock_guard lock(mu_);
    if (error_) return;  // the crawl is being stopped
    queue_.push_back(std::move(result));
    backlog_.fetch_add(1, std::memory_order_relaxed);
    wake = queue_.size() == kBatch;
  }
  if (wake) cv_.notify_one();
}

void RecordingThread::finish() {
  {
    std::lock_guard lock(mu_);
    done_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void RecordingThread::loop() {
  std::vector<CheckResult> taken;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, kLinger, [this] { return done_ || queue_.size() >= kBatch; });
      if (queue_.empty()) {
        if (done_) return;  // and all recorded
        continue;
      }
      taken.swap(queue_);
    }
    try {
      for (CheckResult& result : taken) {
        recorder_.record(std::move(result));
        backlog_.fetch_sub(1, std::memory_order_relaxed);
      }
    } catch (...) {
      {
        std::lock_guard lock(mu_);
        error_ = std::current_exception();
        queue_.clear();
        backlog_.store(0, std::memory_order_relaxed);
      }
      if (failed_) failed_();
      return;
    }
    taken.clear();
  }
}

}  // namespace linkhealth
