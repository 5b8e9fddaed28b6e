// `linkhealth crawl`: scan the content tree, fetch every target politely, write the verdicts.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "cli/command.h"
#include "cli/crawl_json.h"
#include "cli/fetch_flags.h"
#include "crawler/crawler.h"
#include "extract/scan.h"

namespace linkhealth {
namespace {

std::atomic<Crawler*> g_crawler{nullptr};

extern "C" void stop_crawl(int /*signal*/) {
  if (Crawler* crawler = g_crawler.load()) crawler->request_stop();
}

/// Prints "done/total" to stderr about twice a second until destroyed.
class ProgressLine {
 public:
  ProgressLine(const Crawler& crawler, bool enabled) : crawler_(crawler) {
    if (enabled) thread_ = std::thread([this] { loop(); });
  }
  ~ProgressLine() {
    {
      std::lock_guard lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) {
      thread_.join();
      std::fprintf(stderr, "\n");
    }
  }

 private:
  void loop() {
    std::unique_lock lock(mu_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(500), [this] { return done_; })) {
      const Progress p = crawler_.progress();
      std::fprintf(stderr, "\rcrawl: %zu/%zu targets, %zu hosts active, %.1f req/s   ", p.done,
                   p.total, p.hosts_active, p.requests_per_second);
    }
  }
  const Crawler& crawler_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace

int run_crawl(int argc, char** argv) {
  CLI::App app{"Scan the content tree, check every URL politely, write one JSON document",
               "linkhealth crawl"};
  std::string content;
  std::string json_file;
  bool progress = isatty(STDERR_FILENO) != 0;
  FetchOptions options;
  FetchFlags flags;
  app.add_option("--content", content, "content directory to walk (every .md file below it)")
      ->required();
  app.add_option("--json", json_file, "write the results here ('-' for stdout)")->required();
  app.add_flag("--progress,!--no-progress", progress, "progress line on stderr");
  add_fetch_flags(app, options, flags);
  try {
    app.parse(argc, argv);
    apply_fetch_flags(flags, options);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ExitCode::Usage);
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(content, ec)) {
    std::fprintf(stderr, "linkhealth crawl: --content %s is not a directory\n", content.c_str());
    return static_cast<int>(ExitCode::Usage);
  }
  std::ofstream file;
  if (json_file != "-") {
    file.open(json_file, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::fprintf(stderr, "linkhealth crawl: cannot write %s\n", json_file.c_str());
      return static_cast<int>(ExitCode::Usage);
    }
  }
  std::ostream& out = json_file == "-" ? std::cout : file;

  const ScanResult scan = scan_content(content, ScanOptions{});
  std::unordered_map<std::string, const Target*> by_url;
  std::vector<FetchTarget> targets;
  targets.reserve(scan.targets.size());
  for (const Target& t : scan.targets) {
    by_url.emplace(t.request_url, &t);
    targets.push_back(FetchTarget{t.request_url, t.host, "", ""});
  }

  // Results are streamed in completion order, so memory does not grow with the run.
  std::map<std::string, std::size_t> counts;
  bool first = true;
  out << "{\"targets\": [\n";
  Crawler crawler(options);
  g_crawler = &crawler;
  auto old_int = std::signal(SIGINT, stop_crawl);
  auto old_term = std::signal(SIGTERM, stop_crawl);
  {
    ProgressLine line(crawler, progress);
    crawler.run(std::move(targets), [&](CheckResult r) {
      ++counts[std::string(to_string(r.verdict))];
      auto it = by_url.find(r.request_url);
      out << (first ? "" : ",\n")
          << crawl_result_to_json(r, it == by_url.end() ? nullptr : it->second).dump();
      first = false;
    });
  }
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  g_crawler = nullptr;
  const Progress p = crawler.progress();
  const bool complete = p.done == p.total;
  out << "\n], \"counts\": " << nlohmann::json(counts).dump()
      << ", \"complete\": " << (complete ? "true" : "false") << "}\n";
  out.flush();

  std::size_t problems = 0;
  for (const auto& [name, n] : counts) {
    if (const auto v = verdict_from_string(name); v && is_problem(*v)) problems += n;
    std::fprintf(stderr, "%s: %zu\n", name.c_str(), n);
  }
  if (!complete) {
    std::fprintf(stderr, "linkhealth crawl: interrupted after %zu of %zu targets\n", p.done,
                 p.total);
    return static_cast<int>(ExitCode::RuntimeError);
  }
  return static_cast<int>(problems > 0 ? ExitCode::Problems : ExitCode::Ok);
}

}  // namespace linkhealth
