#include "crawler/job_queue.h"

namespace linkhealth {

void JobQueue::push_front(QueuedJob job) {
  if (head_ > 0) {
    items_[--head_] = job;
  } else {
    // Rare: a retry or a redirect hop usually lands on a queue that something was taken from.
    items_.insert(items_.begin(), job);
  }
}

void JobQueue::take(std::size_t index) {
  if (index == head_) {
    ++head_;
  } else {
    items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(index));
  }
  if (empty()) {
    items_ = {};  // give the memory back: most hosts are done after their one job
    head_ = 0;
  } else if (head_ > 64 && head_ * 2 > items_.size()) {
    items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
    head_ = 0;
  }
}

}  // namespace linkhealth
