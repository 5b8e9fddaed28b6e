#include "crawler/target_stream.h"

namespace linkhealth {

void TargetStream::add(std::vector<FetchTarget> targets) {
  std::lock_guard lock(mu_);
  if (targets.empty()) return;
  batches_.push_back(std::move(targets));
  if (notify_) notify_();
}

void TargetStream::close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  if (notify_) notify_();
}

TargetStream::Taken TargetStream::take() {
  std::lock_guard lock(mu_);
  Taken taken{std::move(batches_), closed_};
  batches_.clear();
  return taken;
}

void TargetStream::on_ready(std::function<void()> notify) {
  // Under the lock: once this returns with {}, no adder still runs the old callback.
  std::lock_guard lock(mu_);
  notify_ = std::move(notify);
}

}  // namespace linkhealth
