#include "cli/stop_signals.h"

#include <unistd.h>

#include <atomic>
#include <csignal>

namespace linkhealth {
namespace {

std::atomic<Crawler*> g_crawler{nullptr};
std::atomic<int> g_signals{0};
struct sigaction g_old_int {};
struct sigaction g_old_term {};

extern "C" void on_stop_signal(int /*signal*/) {
  // Only async-signal-safe work here: an atomic store in request_stop, and _exit.
  if (g_signals.fetch_add(1) > 0) _exit(1);
  if (Crawler* crawler = g_crawler.load()) crawler->request_stop();
}

}  // namespace

StopSignals::StopSignals(Crawler& crawler) {
  g_signals = 0;
  g_crawler = &crawler;
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_old_int);
  sigaction(SIGTERM, &action, &g_old_term);
}

StopSignals::~StopSignals() {
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
  g_crawler = nullptr;
}

bool StopSignals::received() const {
  return g_signals.load() > 0;
}

}  // namespace linkhealth
