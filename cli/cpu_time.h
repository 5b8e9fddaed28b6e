#pragma once
// CPU time of the whole process (every thread, finished ones too) and of one thread, for the
// run log's account of where a crawl's CPU went.

#include <ctime>

namespace linkhealth {

/// User + system CPU seconds used by this process so far.
double process_cpu_seconds();

/// The CPU clock of the thread that made it, readable from any thread while that one lives:
/// how a crawl tells the fetching thread's share of the time the scan overlapped.
class ThreadCpuClock {
 public:
  ThreadCpuClock();
  double seconds() const;

 private:
  clockid_t id_{};
};

}  // namespace linkhealth
