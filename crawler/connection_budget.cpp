#include "crawler/connection_budget.h"

#include <sys/resource.h>

#include <algorithm>

namespace linkhealth {

long reserve_connection_budget(int concurrency) {
  constexpr rlim_t kEnough = 65536;
  rlimit limit{};
  long descriptors = 1024;
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
    const rlim_t wanted = std::min(limit.rlim_max, kEnough);
    if (limit.rlim_cur < wanted) {
      rlimit raised = limit;
      raised.rlim_cur = wanted;
      if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
    }
    descriptors = static_cast<long>(std::min(limit.rlim_cur, kEnough));
  }
  // The other half: sockets in flight, the resolver's socket pairs, the database, the report.
  const long wanted = std::max(1024L, 4L * concurrency);
  return std::max(1L, std::min(wanted, descriptors / 2));
}

}  // namespace linkhealth
