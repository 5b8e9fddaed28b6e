// Inserts 100k checks (with page metadata, a redirect chain on some, drift on every tenth)
// into a file database the way a crawl does, and reports checks per second: the median of
// several runs. Goal: >= 50k rows/s, so a crawl is never write-bound. BATCH=n in the
// environment overrides the batch size (default 200) to see what batching buys; SHUFFLE=1
// records the checks in a random order of their targets, as a crawl's results arrive (each
// batch then touches index pages all over the file instead of appending).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench/article_page.h"
#include "store/store.h"

using namespace linkhealth;

namespace {

constexpr int kChecks = 100000;
constexpr int kRepeats = 5;

std::string url_of(int i) {
  return "https://news" + std::to_string(i % 500) + ".example.com/2024/article-" +
         std::to_string(i) + "/";
}

CheckResult check_of(int i) {
  CheckResult c;
  c.request_url = url_of(i);
  c.host = "news" + std::to_string(i % 500) + ".example.com";
  c.verdict = i % 20 == 0 ? Verdict::Broken : i % 7 == 0 ? Verdict::Redirected : Verdict::Ok;
  c.http_status = c.verdict == Verdict::Broken ? 404 : 200;
  c.final_url = c.request_url;
  if (c.verdict == Verdict::Redirected) {
    c.final_url += "moved/";
    c.redirects = {{c.request_url, 301}, {c.final_url, 200}};
  }
  c.checked_at = "2026-01-05T03:00:00Z";
  c.elapsed_ms = 230.5;
  c.bytes = 65536;
  c.attempts = 1;
  c.etag = "\"5f3a-" + std::to_string(i) + "\"";
  c.content_type = "text/html; charset=utf-8";
  if (c.verdict != Verdict::Broken) {
    const PageMeta page = bench::article_page(i, c.final_url);
    c.page = page;
  }
  return c;
}

void remove_db(const std::filesystem::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

struct Content {
  std::vector<Source> sources;
  std::vector<Target> targets;
};

// Ten targets per curated source, as the corpus roughly has.
Content content_for(const std::vector<CheckResult>& checks) {
  Content c;
  for (int i = 0; i < kChecks; ++i) {
    if (i % 10 == 0) {
      Source s;
      s.slug = "article-" + std::to_string(i / 10);
      s.file = "curated/" + s.slug + ".md";
      s.title = "Curated title " + std::to_string(i);
      c.sources.push_back(s);
    }
    Target t;
    t.request_url = url_of(i);
    t.host = checks[static_cast<std::size_t>(i)].host;
    TargetRef ref;
    ref.slug = c.sources.back().slug;
    ref.file = c.sources.back().file;
    ref.field = "link.href";
    ref.raw = ref.clean = t.request_url;
    t.refs.push_back(ref);
    c.targets.push_back(std::move(t));
  }
  return c;
}

struct Rates {
  double wall = 0;
  double cpu = 0;
};

// One crawl as the crawl command does it: content first, then every check; only the checks
// (and the final commit) are timed.
Rates crawl(Store& store, const Content& content, const std::vector<CheckResult>& checks) {
  std::vector<Drift> drift{{DriftKind::TitleChanged, "", "Old title", "New title", 0.4}};
  std::vector<Drift> none;
  std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(run, content.sources, content.targets);
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  for (int i = 0; i < kChecks; ++i) {
    store.record_check(run, checks[static_cast<std::size_t>(i)], i % 10 == 0 ? drift : none);
  }
  store.finish_run(run, RunStatus::Done);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  return {kChecks / elapsed.count(), kChecks / cpu};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main() {
  auto path = std::filesystem::temp_directory_path() / "linkhealth-store-bench.db";
  std::vector<CheckResult> checks;
  for (int i = 0; i < kChecks; ++i) checks.push_back(check_of(i));
  Content content = content_for(checks);
  if (std::getenv("SHUFFLE") != nullptr) {
    std::mt19937 random(22);
    std::shuffle(checks.begin(), checks.end(), random);
  }
  StoreOptions options;
  if (const char* b = std::getenv("BATCH")) options.batch_size = std::atoi(b);

  std::vector<double> first_wall, first_cpu, next_wall, next_cpu;
  for (int r = 0; r < kRepeats; ++r) {
    remove_db(path);
    auto store = Store::open(path, options);
    Rates first = crawl(store, content, checks);  // empty history
    Rates next = crawl(store, content, checks);   // continues every target's history
    std::printf(
        "run %d: first crawl %.0f checks/s (CPU-time rate %.0f), next crawl %.0f "
        "checks/s (CPU-time rate %.0f)\n",
        r + 1, first.wall, first.cpu, next.wall, next.cpu);
    first_wall.push_back(first.wall);
    first_cpu.push_back(first.cpu);
    next_wall.push_back(next.wall);
    next_cpu.push_back(next.cpu);
  }
  remove_db(path);
  std::printf(
      "store_bench: %d checks per crawl, 10%% with drift, batch %d; median of %d runs: "
      "first crawl %.0f checks/s, next crawl %.0f checks/s (CPU-time rates %.0f / %.0f; "
      "goal >= 50000)\n",
      kChecks, options.batch_size, kRepeats, median(first_wall), median(next_wall),
      median(first_cpu), median(next_cpu));
  return 0;
}
