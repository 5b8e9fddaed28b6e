#include "crawler/scheduler.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace linkhealth {

std::uint64_t url_key(std::string_view url) {
  return std::hash<std::string_view>{}(url);
}

Scheduler::Scheduler(int global_cap, HostLimits defaults)
    : global_cap_(std::max(1, global_cap)), defaults_(defaults) {}

Scheduler::Host& Scheduler::host(const std::string& name) {
  auto it = hosts_.find(name);
  if (it == hosts_.end()) {
    Host fresh;
    fresh.limits = defaults_;
    it = hosts_.emplace(name, std::move(fresh)).first;
    it->second.name = &it->first;
  }
  return it->second;
}

void Scheduler::reindex(Host& h) {
  if (h.ready_key) ready_.erase(*h.ready_key), h.ready_key.reset();
  if (h.wait_key) waiting_.erase(*h.wait_key), h.wait_key.reset();
  if (!h.queue.empty() && h.in_flight < h.limits.max_in_flight) {
    h.wait_key = WaitKey{ready_at(h), h.name};
    waiting_.insert(*h.wait_key);
  }
  const bool active = !h.queue.empty() || h.in_flight > 0;
  if (active != h.active) active ? ++active_hosts_ : --active_hosts_;
  h.active = active;
}

void Scheduler::promote(SteadyTime now) {
  while (!waiting_.empty() && waiting_.begin()->first <= now) {
    Host& h = hosts_.at(*waiting_.begin()->second);
    waiting_.erase(waiting_.begin());
    h.wait_key.reset();
    h.ready_key = ReadyKey{h.in_flight, !h.last_start.has_value(), h.queue.size(), h.name};
    ready_.insert(*h.ready_key);
  }
}

void Scheduler::set_host_limits(const std::string& name, HostLimits limits) {
  limits.max_in_flight = std::max(1, limits.max_in_flight);
  Host& h = host(name);
  h.limits = limits;
  reindex(h);
}

void Scheduler::raise_interval(const std::string& name, std::chrono::milliseconds interval) {
  Host& h = host(name);
  h.limits.interval = std::max(h.limits.interval, interval);
  reindex(h);
}

void Scheduler::push(const std::string& name, const QueuedJob& job, bool front) {
  Host& h = host(name);
  if (front) {
    h.queue.push_front(job);
  } else {
    h.queue.push_back(job);
  }
  ++queued_;
  reindex(h);
}

SteadyTime Scheduler::ready_at(const Host& h) const {
  SteadyTime t = h.parked_until;
  if (h.last_start) t = std::max(t, *h.last_start + h.limits.interval);
  return t;
}

std::optional<Job> Scheduler::pop_ready(SteadyTime now) {
  promote(now);  // first, so next_wake never walks past hosts that are due already
  if (static_cast<int>(in_flight_) >= global_cap_) return std::nullopt;
  for (const ReadyKey& key : ready_) {
    Host& h = hosts_.at(*key.name);
    // Usually the first job; a URL already in flight (a hop to the same page) waits.
    const auto queued =
        h.queue.take_first([&](const QueuedJob& j) { return !urls_in_flight_.count(j.url_key); });
    if (!queued) continue;
    --queued_;
    ++h.in_flight;
    ++in_flight_;
    h.last_start = now;
    urls_in_flight_.insert(queued->url_key);
    reindex(h);  // invalidates `key`: the loop ends here
    return Job{queued->id, queued->url_key, h.name};
  }
  return std::nullopt;
}

void Scheduler::finish(const Job& job) {
  Host& h = host(*job.host);
  if (h.in_flight > 0) --h.in_flight;
  if (in_flight_ > 0) --in_flight_;
  urls_in_flight_.erase(job.url_key);
  reindex(h);
}

void Scheduler::park(const std::string& name, SteadyTime until) {
  Host& h = host(name);
  h.parked_until = std::max(h.parked_until, until);
  reindex(h);
}

std::size_t Scheduler::queued_for(const std::string& name) const {
  const auto it = hosts_.find(name);
  return it == hosts_.end() ? 0 : it->second.queue.size();
}

std::optional<SteadyTime> Scheduler::next_wake(SteadyTime now) const {
  // Entries at or before `now` are startable already (or blocked by the global cap, which
  // the clock does not lift), as are the hosts in ready_.
  for (const WaitKey& key : waiting_)
    if (key.first > now) return key.first;
  return std::nullopt;
}

}  // namespace linkhealth
