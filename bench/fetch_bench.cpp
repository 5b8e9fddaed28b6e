// fetch_bench: the fetch engine against the loopback web. 2,000 URLs over 50 hosts with 50 ms
// latency under the default politeness (2 per host, 500 ms between starts); reports wall time
// against the politeness bound (the slowest host's own serial time), crawler-thread CPU per
// URL and peak RSS. Usage: fetch_bench [--runs N] [--urls N] [--hosts N] [--latency-ms N]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "tests/web/fixture_web.h"

namespace {

double thread_cpu_s() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/// Serial time of one host with n requests: starts are `interval` apart and at most
/// `per_host` overlap, each taking `latency`.
double host_bound_s(int n, int per_host, double interval_s, double latency_s) {
  std::vector<double> finish;
  double start = 0;
  for (int i = 0; i < n; ++i) {
    if (i > 0) start += interval_s;
    if (i >= per_host) start = std::max(start, finish[static_cast<std::size_t>(i - per_host)]);
    finish.push_back(start + latency_s);
  }
  return finish.empty() ? 0 : finish.back();
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 3, urls = 2000, hosts = 50, latency_ms = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const int value = std::atoi(argv[i + 1]);
    if (flag == "--runs") runs = value;
    if (flag == "--urls") urls = value;
    if (flag == "--hosts") hosts = value;
    if (flag == "--latency-ms") latency_ms = value;
  }
  linkhealth::testweb::Scenario scenario;
  scenario.latency_ms = latency_ms;
  linkhealth::testweb::Reply article;
  article.body =
      "<!doctype html><html><head><title>Bench article</title>"
      "<meta property=\"og:title\" content=\"Bench article\">"
      "<meta property=\"og:description\" content=\"A page for the fetch benchmark\">"
      "</head><body>" +
      std::string(4000, 'x') + "</body></html>";
  // Articles live under /r<run>/article/, so the per-host soft-404 probe gets an honest 404.
  for (int run = 0; run < runs; ++run) {
    scenario.hosts["*"]["/r" + std::to_string(run) + "/article/*"].replies = {article};
  }
  linkhealth::testweb::FixtureWeb web(scenario);

  linkhealth::FetchOptions options;  // default politeness
  options.connect_to = {"::127.0.0.1:" + std::to_string(web.port())};
  options.allow_private = true;
  const int per_host_urls = (urls + hosts - 1) / hosts;
  const double bound = host_bound_s(per_host_urls, options.per_host, options.interval_ms / 1000.0,
                                    latency_ms / 1000.0);
  const double bound_with_probe = host_bound_s(per_host_urls + 1, options.per_host,
                                               options.interval_ms / 1000.0, latency_ms / 1000.0);

  std::vector<double> walls, cpus;
  for (int run = 0; run < runs; ++run) {
    std::vector<linkhealth::FetchTarget> targets;
    for (int i = 0; i < urls; ++i) {
      targets.push_back({"http://h" + std::to_string(i % hosts) + ".bench.test/r" +
                             std::to_string(run) + "/article/" + std::to_string(i),
                         "", "", "", ""});
    }
    int ok = 0, results = 0;
    linkhealth::Crawler crawler(options);
    const double cpu0 = thread_cpu_s();
    const auto t0 = std::chrono::steady_clock::now();
    crawler.run(std::move(targets), [&](linkhealth::CheckResult r) {
      ++results;
      ok += r.verdict == linkhealth::Verdict::Ok;
    });
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = thread_cpu_s() - cpu0;
    walls.push_back(wall);
    cpus.push_back(cpu);
    std::printf("run %d: %d results (%d ok), wall %.2f s, crawler CPU %.3f s\n", run + 1, results,
                ok, wall, cpu);
  }
  std::sort(walls.begin(), walls.end());
  std::sort(cpus.begin(), cpus.end());
  const double wall = walls[walls.size() / 2];
  const double cpu = cpus[cpus.size() / 2];
  std::printf("\n%d URLs over %d hosts, %d ms latency, per-host %d, interval %d ms\n", urls, hosts,
              latency_ms, options.per_host, options.interval_ms);
  std::printf("politeness bound %.2f s (%.2f s counting the soft-404 probe per host)\n", bound,
              bound_with_probe);
  std::printf("median wall %.2f s = %.3fx bound (%.3fx with probe)\n", wall, wall / bound,
              wall / bound_with_probe);
  std::printf("median crawler CPU %.3f s = %.3f ms per URL\n", cpu, cpu * 1000 / urls);
  std::printf("peak RSS %.1f MiB (whole process, fixture web included)\n", peak_rss_kb() / 1024.0);
  return 0;
}
