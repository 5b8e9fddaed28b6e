#include <catch2/catch.hpp>

#include "crawler/scheduler.h"

using linkhealth::HostLimits;
using linkhealth::Job;
using linkhealth::Scheduler;
using linkhealth::SteadyTime;
using namespace std::chrono_literals;

namespace {

Job job(std::uint64_t id, const std::string& host, const std::string& path = "") {
  return Job{id, host, "http://" + host + "/" + (path.empty() ? std::to_string(id) : path)};
}

}  // namespace

TEST_CASE("scheduler keeps the per-host cap and the start interval", "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{2, 500ms});
  for (int i = 1; i <= 4; ++i) s.push(job(i, "a.test"));
  const SteadyTime t0{};
  auto first = s.pop_ready(t0);
  REQUIRE(first);
  CHECK_FALSE(s.pop_ready(t0));  // interval not yet passed
  REQUIRE(s.next_wake(t0) == t0 + 500ms);
  auto second = s.pop_ready(t0 + 500ms);
  REQUIRE(second);
  CHECK_FALSE(s.pop_ready(t0 + 2s));  // two in flight: cap reached
  CHECK_FALSE(s.next_wake(t0 + 2s));  // waiting on capacity, not on the clock
  s.finish(*first);
  CHECK(s.pop_ready(t0 + 2s));
  CHECK(s.in_flight() == 2);
  CHECK(s.queued() == 1);
}

TEST_CASE("scheduler starts the host with the longest queue first", "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{2, 0ms});
  s.push(job(1, "small.test"));
  for (int i = 2; i <= 5; ++i) s.push(job(i, "big.test"));
  auto j = s.pop_ready(SteadyTime{});
  REQUIRE(j);
  CHECK(j->host == "big.test");
}

TEST_CASE("scheduler respects the global cap", "[crawler][scheduler]") {
  Scheduler s(3, HostLimits{2, 0ms});
  for (int i = 1; i <= 10; ++i) s.push(job(i, "h" + std::to_string(i) + ".test"));
  int started = 0;
  while (s.pop_ready(SteadyTime{})) ++started;
  CHECK(started == 3);
}

TEST_CASE("scheduler never has the same URL in flight twice", "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{4, 0ms});
  s.push(job(1, "a.test", "same"));
  s.push(job(2, "a.test", "same"));
  s.push(job(3, "a.test", "other"));
  auto a = s.pop_ready(SteadyTime{});
  auto b = s.pop_ready(SteadyTime{});
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->url != b->url);
  CHECK_FALSE(s.pop_ready(SteadyTime{}));  // the duplicate waits
  s.finish(*a);
  auto c = s.pop_ready(SteadyTime{});
  REQUIRE(c);
  CHECK(c->url == "http://a.test/same");
}

TEST_CASE("scheduler parks a host and lets others go on", "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{2, 0ms});
  s.push(job(1, "parked.test"));
  s.push(job(2, "parked.test"));
  s.push(job(3, "free.test"));
  const SteadyTime t0{};
  s.park("parked.test", t0 + 30s);
  auto j = s.pop_ready(t0);
  REQUIRE(j);
  CHECK(j->host == "free.test");
  CHECK_FALSE(s.pop_ready(t0 + 29s));
  CHECK(s.next_wake(t0) == t0 + 30s);
  auto later = s.pop_ready(t0 + 30s);
  REQUIRE(later);
  CHECK(later->host == "parked.test");
}

TEST_CASE("scheduler per-host overrides and crawl delay", "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{2, 500ms});
  s.set_host_limits("fast.test", HostLimits{1, 0ms});
  s.push(job(1, "fast.test"));
  s.push(job(2, "fast.test"));
  auto a = s.pop_ready(SteadyTime{});
  REQUIRE(a);
  CHECK_FALSE(s.pop_ready(SteadyTime{}));  // cap of one
  s.finish(*a);
  CHECK(s.pop_ready(SteadyTime{}));  // no interval
  s.raise_interval("slow.test", 5s);
  s.push(job(3, "slow.test"));
  s.push(job(4, "slow.test"));
  REQUIRE(s.pop_ready(SteadyTime{}));
  CHECK(s.next_wake(SteadyTime{}) == SteadyTime{} + 5s);
}
