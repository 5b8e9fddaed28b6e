#include "cli/cpu_time.h"

#include <pthread.h>
#include <sys/resource.h>

namespace linkhealth {

double process_cpu_seconds() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

ThreadCpuClock::ThreadCpuClock() {
  if (pthread_getcpuclockid(pthread_self(), &id_) != 0) id_ = CLOCK_THREAD_CPUTIME_ID;
}

double ThreadCpuClock::seconds() const {
  timespec t{};
  if (clock_gettime(id_, &t) != 0) return 0;
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace linkhealth
