#pragma once
// One host's queue of requests: a deque's operations on one vector. A crawl keeps a queue for
// every host it cites (28,000 at 100,000 files, most holding one job), and std::deque
// allocates 576 bytes even when empty; this holds only its jobs, and nothing once empty.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace linkhealth {

/// A request waiting for its host: which chain, and a key of its URL.
struct QueuedJob {
  std::uint64_t id = 0;
  std::uint64_t url_key = 0;
};

class JobQueue {
 public:
  bool empty() const { return head_ == items_.size(); }
  std::size_t size() const { return items_.size() - head_; }
  void push_back(QueuedJob job) { items_.push_back(job); }
  void push_front(QueuedJob job);
  /// Removes and returns the first job, in queue order, that `startable` accepts.
  template <class Startable>
  std::optional<QueuedJob> take_first(Startable startable) {
    for (std::size_t i = head_; i < items_.size(); ++i) {
      if (!startable(items_[i])) continue;
      const QueuedJob job = items_[i];
      take(i);
      return job;
    }
    return std::nullopt;
  }

 private:
  void take(std::size_t index);

  std::vector<QueuedJob> items_;
  std::size_t head_ = 0;  // items_[0, head_) were taken from the front
};

}  // namespace linkhealth
