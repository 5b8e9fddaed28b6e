// `linkhealth crawl`: the weekly job. Scan the content tree, record it, fetch every target
// politely (conditional requests, resume, exclusions), record verdicts and drift in the
// store, then write the HTML report and JSON document for the run. Exit codes: README.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/content_feed.h"
#include "cli/cpu_time.h"
#include "cli/crawl_follow_up.h"
#include "cli/crawl_notices.h"
#include "cli/crawl_outputs.h"
#include "cli/crawl_recorder.h"
#include "cli/fix_settings.h"
#include "cli/free_memory.h"
#include "cli/progress_line.h"
#include "cli/recording_thread.h"
#include "cli/repair_phase.h"
#include "cli/run_lock.h"
#include "cli/run_log.h"
#include "cli/run_settings.h"
#include "cli/setting_flags.h"
#include "cli/stop_signals.h"
#include "crawler/crawler.h"
#include "crawler/shard.h"
#include "extract/scan.h"
#include "store/store.h"

namespace linkhealth {
namespace {

constexpr const char* kName = "linkhealth crawl";
// A few KB each (the page's metadata): about 10-20 MB at most.
constexpr std::size_t kMaxUnrecorded = 4096;

/// Every ~200 ms: redraws the progress line (on a terminal) and commits a due batch, so a
/// crawl waiting on slow hosts does not keep its last results uncommitted.
class CrawlTicker {
 public:
  CrawlTicker(const Crawler& crawler, CrawlRecorder& recorder, bool progress)
      : crawler_(crawler), recorder_(recorder), line_(stderr), progress_(progress) {
    thread_ = std::thread([this] { loop(); });
  }
  ~CrawlTicker() {
    {
      std::lock_guard lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
    line_.clear();
  }
  CrawlTicker(const CrawlTicker&) = delete;
  CrawlTicker& operator=(const CrawlTicker&) = delete;

 private:
  void loop() {
    const auto started = std::chrono::steady_clock::now();
    std::unique_lock lock(mu_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return done_; })) {
      recorder_.flush_if_due();
      if (!progress_) continue;
      const Progress p = crawler_.progress();
      line_.update(ProgressSnapshot{
          static_cast<long long>(p.done), static_cast<long long>(p.total),
          static_cast<int>(p.hosts_active), p.requests_per_second,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()});
    }
  }

  const Crawler& crawler_;
  CrawlRecorder& recorder_;
  ProgressLine line_;
  bool progress_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

std::string options_json(const RunSettings& s) {
  return nlohmann::json{{"content", s.content},
                        {"config", s.config_path.string()},
                        {"fresh", s.fresh},
                        {"concurrency", s.fetch.concurrency},
                        {"per_host", s.fetch.per_host},
                        {"interval_ms", s.fetch.interval_ms},
                        {"confirm_runs", s.confirm_runs},
                        {"shard", s.shard.empty() ? "0/1" : s.shard}}
      .dump();
}

}  // namespace

int run_crawl(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  RunSettings s;
  if (const auto stop = load_settings(kName, argc, argv, s)) return *stop;
  s.progress = isatty(STDERR_FILENO) != 0;
  CLI::App app{
      "Scan the content tree, check every URL politely, record the results in the "
      "database and write the report",
      kName};
  add_setting_flags(app, s, FlagsFor::Crawl);
  FailOn fail_on = FailOn::New;
  FeedPlan plan;
  ScanOptions scan_options;
  std::optional<TrackingRules> rules;
  const auto stop = parse_command_line(app, argc, argv, [&] {
    apply_host_limits(s);
    fail_on = validated_fail_on(s);
    validated_fix_kinds(s);  // the report's "Ready to fix" plans them after the crawl
    validate_notify_settings(s);
    plan.exclusions = TargetExclusions(s.exclude_urls, s.exclude_hosts);
    scan_options = scan_options_for(s, rules);
    if (!s.shard.empty()) {
      const auto parsed = parse_shard(s.shard);
      if (!parsed) throw ConfigError("--shard " + s.shard + ": expected K/N with 0 <= K < N");
      plan.shard = *parsed;
    }
  });
  if (stop) return *stop;
  if (const auto bad = check_content_dir(kName, s.content)) return *bad;

  RunLog log(s.log);
  // The lock comes before the database is touched, so a second crawl never begins a run.
  RunLock lock(s.db);
  if (!lock.held()) {
    const std::string message = "another crawl is using " + s.db + " (" + lock.describe() + ")";
    std::fprintf(stderr, "%s: %s; not starting\n", kName, message.c_str());
    log.line("not started: " + message);
    return static_cast<int>(ExitCode::RuntimeError);
  }

  const double cpu_started = process_cpu_seconds();
  // Signals are caught from here on, so a stop during the scan still ends in a clean,
  // interrupted run instead of a killed process.
  Crawler crawler(s.fetch);
  StopSignals signals(crawler);
  // Commits every 200 checks or half a second: a kill loses at most that much work.
  Store store =
      Store::open(s.db, StoreOptions{200, std::chrono::milliseconds(500), s.confirm_runs});
  const std::int64_t run_id = store.begin_run(RunKind::Crawl, options_json(s), s.fresh);
  std::size_t planned = 0;
  plan.already_checked = store.checked_urls(run_id);
  const std::size_t already_checked = plan.already_checked.size();

  // The crawler fetches on this thread while the content is scanned and recorded on another
  // (cli/content_feed.h); the fetching thread's CPU during the scan is the fetch phase's.
  const ThreadCpuClock fetch_clock;
  const double fetch_cpu_started = fetch_clock.seconds();
  double cpu_scanned = 0;
  double fetch_cpu_in_scan = 0;
  const auto since_start = [&](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(t - started).count();
  };
  double recorded_at = 0;
  {
    CrawlRecorder recorder(store, run_id, log);
    recorder.hold();
    TargetStream targets;
    ContentFeed feed(
        store, run_id, s.content, scan_options, std::move(plan), recorder, targets,
        [&](const FedContent& fed) {
          log.line(
              fmt::format("crawl run {} {}: {} targets from {} files in {}, {} already checked",
                          run_id, already_checked == 0 ? "started" : "resumed", fed.target_count,
                          fed.counts.files_read, s.content, already_checked));
          if (fed.counts.parse_errors > 0) {
            const std::string warning =
                fmt::format("warning: {} content files could not be read (parse_error findings)",
                            fed.counts.parse_errors);
            std::fprintf(stderr, "%s: %s\n", kName, warning.c_str());
            log.line(warning);
          }
          release_free_memory();
          cpu_scanned = process_cpu_seconds();
          recorded_at = since_start(std::chrono::steady_clock::now());
          fetch_cpu_in_scan = fetch_clock.seconds() - fetch_cpu_started;
        },
        [&] { crawler.request_stop(); });
    {
      CrawlTicker ticker(crawler, recorder, s.progress);
      RecordingThread recording(recorder, [&] { crawler.request_stop(); });
      // Results wait in memory until the scan is recorded (and when the store lags): past
      // kMaxUnrecorded, no new request starts until they are recorded, so memory stays
      // bounded however large the content tree.
      crawler.set_start_gate(
          [&] { return recording.backlog() + recorder.held_results() < kMaxUnrecorded; });
      crawler.run(targets, [&](CheckResult r) { recording.push(std::move(r)); });
      crawler.set_start_gate({});
      recording.finish();
    }
    feed.finish();
    recorder.flush();
    planned = recorder.planned();
  }
  const double fetched_at = since_start(std::chrono::steady_clock::now());
  const auto first_request = crawler.progress().first_request;
  if (!signals.received()) run_repair_phase(store, run_id, crawler, s, log);
  const double repaired_at = since_start(std::chrono::steady_clock::now());
  // The report below reads the whole run back: start it from a trimmed heap.
  release_free_memory();
  const bool stopped = signals.received() && crawler.progress().done < planned;
  store.finish_run(run_id, stopped ? RunStatus::Interrupted : RunStatus::Done);

  const double cpu_fetched = process_cpu_seconds();
  CrawlOutcome outcome = summarise_crawl(store, run_id);
  const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  outcome.ready_to_fix = write_crawl_outputs(store, run_id, s);
  // Where the CPU went, for an operator (and bench/run) to see what a weekly crawl costs.
  log.line(fmt::format(
      "cpu seconds: scan and record content {:.2f}, fetch and record checks {:.2f}, "
      "report and JSON {:.2f}",
      cpu_scanned - cpu_started - fetch_cpu_in_scan, cpu_fetched - cpu_scanned + fetch_cpu_in_scan,
      process_cpu_seconds() - cpu_fetched));
  // And where the wall time went: the pipeline's point is an early first request.
  log.line(fmt::format(
      "wall seconds: first request {}, content recorded {:.2f}, fetching done {:.2f}, "
      "repair search done {:.2f}, outputs written {:.2f}",
      first_request ? fmt::format("{:.3f}", since_start(*first_request)) : std::string("none"),
      recorded_at, fetched_at, repaired_at, since_start(std::chrono::steady_clock::now())));
  SystemNoticeSender sender(s.sendmail, s.notify_timeout);
  const std::string followed =
      follow_up_crawl(store, run_id, s, outcome, elapsed.count(), sender, log);
  const std::string summary = summary_line(outcome, s, elapsed.count()) + followed;
  std::fprintf(s.json == "-" ? stderr : stdout, "%s\n", summary.c_str());
  log.line(summary);
  if (stopped) {
    std::fprintf(stderr, "%s: interrupted; run %lld is resumed by the next crawl\n", kName,
                 static_cast<long long>(run_id));
    return static_cast<int>(ExitCode::RuntimeError);
  }
  return crawl_exit_code(outcome, fail_on);
}

}  // namespace linkhealth
