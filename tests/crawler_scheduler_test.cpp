#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <random>
#include <set>
#include <vector>

#include "crawler/scheduler.h"

using linkhealth::HostLimits;
using linkhealth::Job;
using linkhealth::QueuedJob;
using linkhealth::Scheduler;
using linkhealth::SteadyTime;
using linkhealth::url_key;
using namespace std::chrono_literals;

namespace {

std::string url_of(std::uint64_t id, const std::string& host, const std::string& path) {
  return "http://" + host + "/" + (path.empty() ? std::to_string(id) : path);
}

void push(Scheduler& s, std::uint64_t id, const std::string& host, const std::string& path = "") {
  s.push(host, QueuedJob{id, url_key(url_of(id, host, path))});
}

}  // namespace

TEST_CASE("scheduler keeps the per-host cap and the start interval", "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{2, 500ms});
  for (int i = 1; i <= 4; ++i) push(s, i, "a.test");
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
  push(s, 1, "small.test");
  for (int i = 2; i <= 5; ++i) push(s, i, "big.test");
  auto j = s.pop_ready(SteadyTime{});
  REQUIRE(j);
  CHECK(*j->host == "big.test");
}

TEST_CASE("scheduler spreads scarce slots one per host, started hosts first",
          "[crawler][scheduler]") {
  Scheduler s(2, HostLimits{64, 0ms});
  for (int i = 1; i <= 6; ++i) push(s, i, "big.test");
  for (int i = 7; i <= 9; ++i) push(s, i, "mid.test");
  push(s, 10, "new.test");
  const SteadyTime t0{};
  auto a = s.pop_ready(t0);
  auto b = s.pop_ready(t0);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a->host == "big.test");  // the longest queue starts first
  CHECK(*b->host == "mid.test");  // not a second connection to big.test
  s.finish(*b);
  auto c = s.pop_ready(t0);
  REQUIRE(c);
  CHECK(*c->host == "mid.test");  // started and idle beats new: its connection is warm
  s.finish(*a);
  s.finish(*c);
  auto d = s.pop_ready(t0);
  auto e = s.pop_ready(t0);
  REQUIRE(d);
  REQUIRE(e);
  CHECK(*d->host == "big.test");
  CHECK(*e->host == "mid.test");
  s.finish(*d);
  s.finish(*e);
  // With a slot per host to spare, a host with nothing in flight still goes first; then the
  // busy host takes what is left.
  Scheduler wide(8, HostLimits{64, 0ms});
  for (int i = 1; i <= 6; ++i) push(wide, i, "big.test");
  push(wide, 7, "new.test");
  std::vector<std::string> order;
  while (auto j = wide.pop_ready(t0)) order.push_back(*j->host);
  REQUIRE(order.size() == 7);
  CHECK(order[0] == "big.test");
  CHECK(order[1] == "new.test");
  CHECK(std::count(order.begin(), order.end(), "big.test") == 6);
}

TEST_CASE("scheduler respects the global cap", "[crawler][scheduler]") {
  Scheduler s(3, HostLimits{2, 0ms});
  for (int i = 1; i <= 10; ++i) push(s, i, "h" + std::to_string(i) + ".test");
  int started = 0;
  while (s.pop_ready(SteadyTime{})) ++started;
  CHECK(started == 3);
}

TEST_CASE("scheduler never has the same URL in flight twice", "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{4, 0ms});
  push(s, 1, "a.test", "same");
  push(s, 2, "a.test", "same");
  push(s, 3, "a.test", "other");
  auto a = s.pop_ready(SteadyTime{});
  auto b = s.pop_ready(SteadyTime{});
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->url_key != b->url_key);
  CHECK_FALSE(s.pop_ready(SteadyTime{}));  // the duplicate waits
  s.finish(*a);
  auto c = s.pop_ready(SteadyTime{});
  REQUIRE(c);
  CHECK(c->url_key == url_key("http://a.test/same"));
}

TEST_CASE("scheduler parks a host and lets others go on", "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{2, 0ms});
  push(s, 1, "parked.test");
  push(s, 2, "parked.test");
  push(s, 3, "free.test");
  const SteadyTime t0{};
  s.park("parked.test", t0 + 30s);
  auto j = s.pop_ready(t0);
  REQUIRE(j);
  CHECK(*j->host == "free.test");
  CHECK_FALSE(s.pop_ready(t0 + 29s));
  CHECK(s.next_wake(t0) == t0 + 30s);
  auto later = s.pop_ready(t0 + 30s);
  REQUIRE(later);
  CHECK(*later->host == "parked.test");
}

TEST_CASE("scheduler per-host overrides and crawl delay", "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{2, 500ms});
  s.set_host_limits("fast.test", HostLimits{1, 0ms});
  push(s, 1, "fast.test");
  push(s, 2, "fast.test");
  auto a = s.pop_ready(SteadyTime{});
  REQUIRE(a);
  CHECK_FALSE(s.pop_ready(SteadyTime{}));  // cap of one
  s.finish(*a);
  CHECK(s.pop_ready(SteadyTime{}));  // no interval
  s.raise_interval("slow.test", 5s);
  push(s, 3, "slow.test");
  push(s, 4, "slow.test");
  REQUIRE(s.pop_ready(SteadyTime{}));
  CHECK(s.next_wake(SteadyTime{}) == SteadyTime{} + 5s);
}

TEST_CASE("scheduler over thousands of hosts: longest queues first, each job once",
          "[crawler][scheduler]") {
  Scheduler s(16, HostLimits{2, 100ms});
  std::uint64_t id = 0;
  // Host k has (k % 7) + 1 jobs: many hosts with one job, a few with seven.
  for (int k = 0; k < 3000; ++k) {
    const std::string host = "h" + std::to_string(k) + ".test";
    for (int j = 0; j <= k % 7; ++j) push(s, ++id, host);
  }
  CHECK(s.active_hosts() == 3000);
  SteadyTime now{};
  std::vector<Job> running;
  std::set<std::uint64_t> started;
  const auto jobs_of = [](const std::string& host) { return std::stoi(host.substr(1)) % 7 + 1; };
  int rounds = 0;
  while (s.queued() > 0 || s.in_flight() > 0) {
    while (auto j = s.pop_ready(now)) {
      CHECK(started.insert(j->id).second);
      if (rounds == 0) CHECK(jobs_of(*j->host) == 7);  // the longest queues start first
      running.push_back(*j);
    }
    CHECK(static_cast<int>(s.in_flight()) <= 16);
    for (const Job& j : running) s.finish(j);
    running.clear();
    const auto wake = s.next_wake(now);
    now = wake ? *wake : now + 1ms;
    ++rounds;
  }
  CHECK(started.size() == id);
  CHECK(s.active_hosts() == 0);
  CHECK_FALSE(s.next_wake(now));
}

TEST_CASE("scheduler wakes for the earliest waiting host, parked or in its interval",
          "[crawler][scheduler]") {
  Scheduler s(64, HostLimits{1, 500ms});
  const SteadyTime t0{};
  push(s, 1, "a.test");
  push(s, 2, "a.test");
  push(s, 3, "b.test");
  s.park("b.test", t0 + 200ms);
  auto a = s.pop_ready(t0);
  REQUIRE(a);
  CHECK(*a->host == "a.test");
  CHECK_FALSE(s.pop_ready(t0));  // a at its cap, b parked
  s.finish(*a);
  CHECK(s.next_wake(t0) == t0 + 200ms);  // b's parking ends before a's interval
  auto b = s.pop_ready(t0 + 200ms);
  REQUIRE(b);
  CHECK(*b->host == "b.test");
  CHECK(s.next_wake(t0 + 200ms) == t0 + 500ms);
  CHECK(s.pop_ready(t0 + 500ms)->id == 2);
}

TEST_CASE("job queue keeps a deque's order through pushes at both ends and takes",
          "[crawler][scheduler]") {
  linkhealth::JobQueue queue;
  std::deque<std::uint64_t> model;
  std::mt19937 rng(7);
  std::uint64_t next = 0;
  for (int step = 0; step < 20000; ++step) {
    const unsigned op = rng() % 10;
    if (op < 4) {
      queue.push_back(QueuedJob{++next, next});
      model.push_back(next);
    } else if (op < 6) {
      queue.push_front(QueuedJob{++next, next});
      model.push_front(next);
    } else if (!model.empty()) {
      // Mostly the first job; sometimes one further in, as when a URL is in flight.
      const std::size_t skip = op == 9 ? rng() % model.size() : 0;
      const std::uint64_t wanted = model[skip];
      const auto taken = queue.take_first([&](const QueuedJob& j) { return j.id == wanted; });
      REQUIRE(taken);
      CHECK(taken->url_key == wanted);
      model.erase(model.begin() + static_cast<std::ptrdiff_t>(skip));
    }
    REQUIRE(queue.size() == model.size());
  }
  while (!model.empty()) {
    const auto taken = queue.take_first([](const QueuedJob&) { return true; });
    REQUIRE(taken);
    CHECK(taken->id == model.front());
    model.pop_front();
  }
  CHECK(queue.empty());
  CHECK_FALSE(queue.take_first([](const QueuedJob&) { return true; }));
}
