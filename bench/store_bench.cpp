// Inserts 100k checks (with page metadata, a redirect chain on some, drift on every tenth)
// into a file database the way a crawl does, and reports checks per second: the median of
// several runs. Goal: >= 50k rows/s, so a crawl is never write-bound.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

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
    PageMeta page;
    page.title = "Health system " + std::to_string(i) + " outlines its telehealth strategy";
    page.title_rule = "og:title";
    page.description = "A longer description of article " + std::to_string(i) +
                       " as the publisher wrote it in its og:description tag.";
    page.description_rule = "og:description";
    page.og_title = page.title;
    page.og_description = page.description;
    page.canonical = c.final_url;
    page.og_site_name = "Example News";
    c.page = page;
  }
  return c;
}

double run_once(const std::filesystem::path& path) {
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  std::vector<CheckResult> checks;
  checks.reserve(kChecks);
  for (int i = 0; i < kChecks; ++i) checks.push_back(check_of(i));
  std::vector<Drift> drift{{"title_changed", "", "Old title", "New title", 0.4}};
  std::vector<Drift> none;

  StoreOptions options;
  if (const char* b = std::getenv("BATCH")) options.batch_size = std::atoi(b);
  auto store = Store::open(path, options);
  std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
  // As in a crawl, the content (sources, refs, targets) is recorded before any check.
  std::vector<Source> sources;
  std::vector<Target> targets;
  for (int i = 0; i < kChecks; ++i) {
    if (i % 10 == 0) {
      Source s;
      s.slug = "article-" + std::to_string(i / 10);
      s.file = "curated/" + s.slug + ".md";
      s.title = "Curated title " + std::to_string(i);
      sources.push_back(s);
    }
    Target t;
    t.request_url = url_of(i);
    t.host = checks[static_cast<std::size_t>(i)].host;
    t.refs.push_back({sources.back().slug,
                      sources.back().file,
                      "link.href",
                      t.request_url,
                      t.request_url,
                      {},
                      10});
    targets.push_back(std::move(t));
  }
  auto content_start = std::chrono::steady_clock::now();
  store.record_sources(run, sources, targets);
  std::chrono::duration<double> content = std::chrono::steady_clock::now() - content_start;
  std::printf("record_sources: %zu sources, %zu targets in %.2f s; ", sources.size(),
              targets.size(), content.count());
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kChecks; ++i) {
    store.record_check(run, checks[static_cast<std::size_t>(i)], i % 10 == 0 ? drift : none);
  }
  store.finish_run(run, RunStatus::Done);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  return kChecks / elapsed.count();
}

}  // namespace

int main() {
  auto path = std::filesystem::temp_directory_path() / "linkhealth-store-bench.db";
  std::vector<double> rates;
  for (int r = 0; r < kRepeats; ++r) {
    rates.push_back(run_once(path));
    std::printf("record_check: %.0f checks/s (run %d)\n", rates.back(), r + 1);
  }
  std::sort(rates.begin(), rates.end());
  std::printf(
      "store_bench: %d checks (10%% with drift), median %.0f checks/s "
      "over %d runs (goal >= 50000)\n",
      kChecks, rates[rates.size() / 2], kRepeats);
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  return 0;
}
