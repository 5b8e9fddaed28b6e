#pragma once
// How many connections libcurl may keep open, and the file descriptors to back them.

namespace linkhealth {

/// Raises this process's soft open-file limit toward its hard limit (a polite crawl keeps an
/// idle connection for every host waiting for its next turn, about 700 at the default caps,
/// and Debian's default soft limit is 1,024) and returns how many connections libcurl's
/// cache may hold: max(1,024, 4 x concurrency), within half the descriptors.
long reserve_connection_budget(int concurrency);

}  // namespace linkhealth
