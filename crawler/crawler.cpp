#include "crawler/crawler.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <optional>

#include "crawler/curl_transport.h"
#include "crawler/fetch_engine.h"
#include "crawler/stage_runner.h"

namespace linkhealth {

std::string default_user_agent() {
  return "linkhealth/" LINKHEALTH_VERSION " (+https://github.com/linkhealth/linkhealth)";
}

Crawler::Crawler(FetchOptions options) : options_(std::move(options)) {}

Crawler::~Crawler() = default;

void Crawler::run(std::vector<FetchTarget> targets,
                  const std::function<void(CheckResult)>& on_result) {
  TargetStream stream;
  stream.add(std::move(targets));
  stream.close();
  run(stream, on_result);
}

void Crawler::run(TargetStream& targets, const std::function<void(CheckResult)>& on_result) {
  progress_.total = 0;
  progress_.started = 0;
  boost::asio::io_context io;
  CurlTransport transport(io, options_);
  FetchEngine engine(io, transport, options_, on_result, progress_);
  engine.set_start_gate(start_gate_);
  // While more targets may come, an idle engine waits for them instead of ending the run.
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> waiting(
      io.get_executor());
  const auto take = [&] {
    TargetStream::Taken taken = targets.take();
    for (auto& batch : taken.batches) engine.add(std::move(batch));
    if (taken.closed && waiting) {
      engine.close_input();
      waiting.reset();
    }
  };
  targets.on_ready([&] { boost::asio::post(io, take); });
  take();
  // Run in slices so a stop request (an atomic flag, signal-safe) is seen promptly.
  while (!engine.finished()) {
    if (stop_requested_.load()) {
      engine.stop();
      break;
    }
    io.restart();
    io.run_for(std::chrono::milliseconds(250));
  }
  targets.on_ready({});
}

RepairFindings Crawler::find_repairs(std::vector<DeadLink> links,
                                     const std::vector<SitemapFile>& known,
                                     const RepairSettings& settings) {
  boost::asio::io_context io;
  CurlTransport transport(io, options_);
  StageRunner runner(io, transport, stop_requested_);
  return search_repairs(runner, options_, settings, std::move(links), known);
}

Progress Crawler::progress() const {
  return progress_.snapshot();
}

}  // namespace linkhealth
