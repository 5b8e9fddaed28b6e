#pragma once
// CPU time of the whole process (every thread, finished ones too), for the run log's account
// of where a crawl's CPU went.

namespace linkhealth {

/// User + system CPU seconds used by this process so far.
double process_cpu_seconds();

}  // namespace linkhealth
