// The store side of a crawl and of its report, without the network: 20,000 targets cited by
// 12,000 curated files, recorded through the crawl recorder (plan, 304 reuse, drift, batched
// writes) for a first and an unchanged next crawl, then the end-of-run summary and the report
// model read back. Prints the median of three runs of each phase (wall and CPU ms) and the
// number of SQL statements each phase ran (sqlite3_trace_v2).
//   record_bench [TARGETS]   (default 20000)
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/article_page.h"
#include "cli/crawl_outputs.h"
#include "cli/crawl_recorder.h"
#include "reports/report_loader.h"

using namespace linkhealth;

namespace {

int g_targets = 20000;
long long g_statements = 0;

int count_statement(unsigned, void*, void*, void*) {
  ++g_statements;
  return 0;
}

std::string url_of(int i) {
  return "https://news" + std::to_string(i % 400) + ".example.com/2024/article-" +
         std::to_string(i) + "/";
}

std::string host_of(int i) {
  return "news" + std::to_string(i % 400) + ".example.com";
}

// Files of two targets each; every fifth target is also cited by a topic file.
void content(std::vector<Source>& sources, std::vector<Target>& targets) {
  for (int i = 0; i < g_targets; ++i) {
    if (i % 2 == 0) {
      Source s;
      s.slug = "article-" + std::to_string(i / 2);
      s.file = "curated/" + s.slug + ".md";
      s.title = "Health system " + std::to_string(i) + " outlines its telehealth strategy";
      s.description = "What the curator wrote about article " + std::to_string(i) + ".";
      s.community = "/communities/c" + std::to_string(i % 9) + "/";
      sources.push_back(s);
    }
    Target t;
    t.request_url = url_of(i);
    t.host = host_of(i);
    TargetRef ref{
        sources.back().slug, sources.back().file, "link.href", t.request_url, t.request_url, {}, 7};
    t.refs.push_back(ref);
    if (i % 5 == 0) {
      Source topic;
      topic.slug = "topic-" + std::to_string(i);
      topic.file = "topics/" + topic.slug + ".md";
      topic.title = "A topic page";
      sources.push_back(topic);
      t.refs.push_back({topic.slug,
                        topic.file,
                        "links[0].url",
                        t.request_url,
                        t.request_url,
                        {"utm_source"},
                        3});
      std::swap(sources[sources.size() - 2], sources.back());  // keep the article last
    }
    targets.push_back(std::move(t));
  }
}

CheckResult live(int i, bool second_week) {
  CheckResult c;
  c.request_url = url_of(i);
  c.host = host_of(i);
  c.checked_at = second_week ? "2026-01-12T03:00:00Z" : "2026-01-05T03:00:00Z";
  c.attempts = 1;
  c.elapsed_ms = 120;
  if (second_week && i % 10 < 6) {  // unchanged pages answer 304
    c.verdict = Verdict::Ok;
    c.http_status = 304;
    c.not_modified = true;
    return c;
  }
  c.verdict = i % 10 == 9   ? Verdict::Broken
              : i % 10 == 8 ? Verdict::Blocked
              : i % 10 == 7 ? Verdict::Redirected
                            : Verdict::Ok;
  c.http_status = c.verdict == Verdict::Broken ? 404 : c.verdict == Verdict::Blocked ? 403 : 200;
  c.final_url = c.request_url;
  if (c.verdict == Verdict::Redirected) {
    c.final_url += "moved/";
    c.redirects = {{c.request_url, 301}, {c.final_url, 200}};
  }
  c.etag = "\"e-" + std::to_string(i) + "\"";
  c.content_type = "text/html; charset=utf-8";
  if (c.verdict == Verdict::Ok || c.verdict == Verdict::Redirected) {
    PageMeta page = bench::article_page(i, c.final_url);
    if (second_week) page.og_title = page.title += " (updated)";
    page.signals = {"article"};
    c.page = page;
  }
  return c;
}

struct Phase {
  std::vector<double> wall, cpu;
  std::vector<long long> statements;
};

template <typename F>
void timed(Phase& phase, F&& work) {
  const long long statements = g_statements;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu = std::clock();
  work();
  phase.cpu.push_back(1000.0 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC);
  phase.wall.push_back(
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  phase.statements.push_back(g_statements - statements);
}

template <typename T>
T median(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void remove_db(const std::filesystem::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

std::int64_t crawl(Store& store, const std::vector<Source>& sources,
                   const std::vector<Target>& targets, bool second_week, Phase& phase) {
  const std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(run, sources, targets);
  timed(phase, [&] {
    RunLog log;
    CrawlRecorder recorder(store, run, log);
    const std::vector<FetchTarget> planned = recorder.plan({}, TargetExclusions());
    for (const FetchTarget& t : planned) {
      const int i = std::atoi(t.request_url.substr(t.request_url.rfind('-') + 1).c_str());
      recorder.record(live(i, second_week));
    }
    recorder.flush();
    store.finish_run(run, RunStatus::Done);
  });
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) g_targets = std::atoi(argv[1]);
  const auto path = std::filesystem::temp_directory_path() / "linkhealth-record-bench.db";
  std::vector<Source> sources;
  std::vector<Target> targets;
  content(sources, targets);
  Phase first, next, outcome, report;
  std::size_t report_targets = 0;
  for (int r = 0; r < 3; ++r) {
    remove_db(path);
    auto store = Store::open(path);
    sqlite3_trace_v2(store.database().getHandle(), SQLITE_TRACE_STMT, count_statement, nullptr);
    crawl(store, sources, targets, false, first);
    const std::int64_t run = crawl(store, sources, targets, true, next);
    timed(outcome, [&] { summarise_crawl(store, run); });
    timed(report, [&] { report_targets = load_report_model(store, run, {}).targets.size(); });
  }
  remove_db(path);
  auto row = [](const char* name, const Phase& p) {
    std::printf("%-28s wall %8.1f ms  cpu %8.1f ms  statements %lld\n", name, median(p.wall),
                median(p.cpu), median(p.statements));
  };
  std::printf("record_bench: %d targets, %zu files, median of 3\n", g_targets, sources.size());
  row("first crawl (plan+record)", first);
  row("next crawl, 60% 304", next);
  row("summarise_crawl", outcome);
  row("load_report_model", report);
  std::printf("report targets: %zu\n", report_targets);
  return 0;
}
