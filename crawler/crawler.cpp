#include "crawler/crawler.h"

#include <boost/asio/io_context.hpp>
#include <chrono>

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
  boost::asio::io_context io;
  CurlTransport transport(io, options_);
  FetchEngine engine(io, transport, options_, on_result, progress_);
  engine.start(std::move(targets));
  // Run in slices so a stop request (an atomic flag, signal-safe) is seen promptly.
  while (!engine.finished()) {
    if (stop_requested_.load()) {
      engine.stop();
      break;
    }
    io.restart();
    io.run_for(std::chrono::milliseconds(250));
  }
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
