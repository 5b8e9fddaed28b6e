#include "crawler/scheduler.h"

#include <algorithm>
#include <utility>

namespace linkhealth {

Scheduler::Scheduler(int global_cap, HostLimits defaults)
    : global_cap_(std::max(1, global_cap)), defaults_(defaults) {}

Scheduler::Host& Scheduler::host(const std::string& name) {
  auto it = hosts_.find(name);
  if (it == hosts_.end()) it = hosts_.emplace(name, Host{defaults_, {}, 0, {}, {}}).first;
  return it->second;
}

void Scheduler::set_host_limits(const std::string& name, HostLimits limits) {
  limits.max_in_flight = std::max(1, limits.max_in_flight);
  host(name).limits = limits;
}

void Scheduler::raise_interval(const std::string& name, std::chrono::milliseconds interval) {
  Host& h = host(name);
  h.limits.interval = std::max(h.limits.interval, interval);
}

void Scheduler::push(Job job, bool front) {
  Host& h = host(job.host);
  if (front) {
    h.queue.push_front(std::move(job));
  } else {
    h.queue.push_back(std::move(job));
  }
  ++queued_;
}

SteadyTime Scheduler::ready_at(const Host& h) const {
  SteadyTime t = h.parked_until;
  if (h.last_start) t = std::max(t, *h.last_start + h.limits.interval);
  return t;
}

std::optional<Job> Scheduler::pop_ready(SteadyTime now) {
  if (static_cast<int>(in_flight_) >= global_cap_) return std::nullopt;
  Host* best = nullptr;
  std::deque<Job>::iterator best_job;
  for (auto& [name, h] : hosts_) {
    if (h.queue.empty() || h.in_flight >= h.limits.max_in_flight || ready_at(h) > now) continue;
    if (best != nullptr && h.queue.size() <= best->queue.size()) continue;
    auto job = std::find_if(h.queue.begin(), h.queue.end(),
                            [&](const Job& j) { return !urls_in_flight_.count(j.url); });
    if (job == h.queue.end()) continue;
    best = &h;
    best_job = job;
  }
  if (best == nullptr) return std::nullopt;
  Job job = std::move(*best_job);
  best->queue.erase(best_job);
  --queued_;
  ++best->in_flight;
  ++in_flight_;
  best->last_start = now;
  urls_in_flight_.insert(job.url);
  return job;
}

void Scheduler::finish(const Job& job) {
  Host& h = host(job.host);
  if (h.in_flight > 0) --h.in_flight;
  if (in_flight_ > 0) --in_flight_;
  urls_in_flight_.erase(job.url);
}

void Scheduler::park(const std::string& name, SteadyTime until) {
  Host& h = host(name);
  h.parked_until = std::max(h.parked_until, until);
}

std::optional<SteadyTime> Scheduler::next_wake(SteadyTime now) const {
  std::optional<SteadyTime> wake;
  for (const auto& [name, h] : hosts_) {
    if (h.queue.empty() || h.in_flight >= h.limits.max_in_flight) continue;
    const SteadyTime t = ready_at(h);
    if (t <= now) continue;
    if (!wake || t < *wake) wake = t;
  }
  return wake;
}

std::size_t Scheduler::active_hosts() const {
  return static_cast<std::size_t>(std::count_if(hosts_.begin(), hosts_.end(), [](const auto& e) {
    return !e.second.queue.empty() || e.second.in_flight > 0;
  }));
}

}  // namespace linkhealth
