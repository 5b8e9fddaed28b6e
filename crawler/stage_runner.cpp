#include "crawler/stage_runner.h"

#include <chrono>
#include <unordered_map>

#include "crawler/fetch_engine.h"

namespace linkhealth {

struct StageRunner::Running {
  StageGroup group;
  std::unordered_map<std::string, std::size_t> index;  // request URL -> fetch
  ProgressCounters progress;
  std::unique_ptr<FetchEngine> engine;
};

StageRunner::StageRunner(boost::asio::io_context& io, Transport& transport,
                         const std::atomic<bool>& stop)
    : io_(io), transport_(transport), stop_(stop) {}

StageRunner::~StageRunner() {
  stop_all();
}

std::size_t StageRunner::launch(StageGroup group) {
  auto run = std::make_unique<Running>();
  run->group = std::move(group);
  Running& r = *run;
  std::vector<FetchTarget> targets;
  for (std::size_t i = 0; i < r.group.fetches.size(); ++i) {
    if (r.index.emplace(r.group.fetches[i].target.request_url, i).second) {
      targets.push_back(r.group.fetches[i].target);
    }
  }
  r.engine = std::make_unique<FetchEngine>(
      io_, transport_, r.group.options,
      [&r](CheckResult result) {
        if (auto it = r.index.find(result.request_url); it != r.index.end()) {
          if (auto& done = r.group.fetches[it->second].done) done(result);
        }
      },
      r.progress);
  if (r.group.streamed) {
    // The engine numbers its targets in the order given: map them back to the fetches.
    auto order = std::make_shared<std::vector<std::size_t>>();
    for (const FetchTarget& t : targets) order->push_back(r.index.at(t.request_url));
    r.engine->stream_bodies(
        FetchEngine::BodyStream{[&r, order](std::size_t target) {
                                  if (auto& begin = r.group.fetches[(*order)[target]].begin)
                                    begin();
                                },
                                [&r, order](std::size_t target, std::string_view chunk) {
                                  auto& sink = r.group.fetches[(*order)[target]].chunk;
                                  return sink ? sink(chunk) : false;
                                }});
  }
  for (auto& [host, rules] : r.group.robots) r.engine->know_robots(host, rules);
  running_.push_back(std::move(run));
  r.engine->start(std::move(targets));
  return running_.size() - 1;
}

bool StageRunner::wait(std::size_t id) {
  FetchEngine& engine = *running_.at(id)->engine;
  // In slices, so a stop request (an atomic flag, signal-safe) is seen promptly.
  while (!stopped_ && !engine.finished()) {
    if (stop_.load()) {
      stop_all();
      break;
    }
    io_.restart();
    io_.run_for(std::chrono::milliseconds(250));
  }
  return !stopped_;
}

std::size_t StageRunner::requests() const {
  std::size_t n = 0;
  for (const auto& run : running_) n += run->progress.requests.load();
  return n;
}

void StageRunner::stop_all() {
  if (stopped_) return;
  stopped_ = true;
  for (auto& run : running_) run->engine->stop();
}

}  // namespace linkhealth
