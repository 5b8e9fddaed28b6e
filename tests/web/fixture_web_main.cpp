// fixture-web: the loopback test web as a standalone server for demos and benchmarks.
// Usage: fixture-web SCENARIO.json [--port N] [--tls] [--certs DIR] [--hits FILE]; prints the
// port, serves until killed. --hits writes, on the way out, one line per request: its arrival
// in seconds after the first request's, and host + path (a crawl's timeline, for bench/).
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "tests/web/fixture_web.h"

namespace {
constexpr const char* kUsage =
    "usage: fixture-web SCENARIO.json [--port N] [--tls] [--certs DIR] [--hits FILE]\n";
volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) {
  g_stop = 1;
}
void write_hits(const linkhealth::testweb::FixtureWeb& web, const std::string& file) {
  std::ofstream out(file);
  const auto hits = web.all_hits();
  for (const auto& [key, when] : hits) {
    out << std::chrono::duration<double>(when - hits.front().second).count() << ' ' << key << '\n';
  }
  if (!out) throw std::runtime_error("cannot write " + file);
}
}  // namespace

int main(int argc, char** argv) {
  std::string file;
  int port = 0;
  bool tls = false;
  std::string certs;
  std::string hits_file;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
      port = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--tls") == 0) {
      tls = true;
    } else if (std::strcmp(argv[i], "--certs") == 0 && i + 1 < argc) {
      certs = argv[++i];
    } else if (std::strcmp(argv[i], "--hits") == 0 && i + 1 < argc) {
      hits_file = argv[++i];
    } else if (argv[i][0] != '-' && file.empty()) {
      file = argv[i];
    } else {
      std::fputs(kUsage, stderr);
      return 3;
    }
  }
  if (file.empty()) {
    std::fputs(kUsage, stderr);
    return 3;
  }
  try {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot open " + file);
    const auto scenario = linkhealth::testweb::scenario_from_json(nlohmann::json::parse(in));
    linkhealth::testweb::FixtureWeb web(scenario, tls, port, certs);
    std::printf("%d\n", web.port());
    std::fflush(stdout);
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!hits_file.empty()) write_hits(web, hits_file);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fixture-web: %s: %s\n", file.c_str(), e.what());
    return 1;
  }
  return 0;
}
