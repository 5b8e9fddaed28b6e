#pragma once
// SIGINT/SIGTERM during a crawl: the first asks the crawler to stop (it aborts what is in
// flight within a fraction of a second) so the run can commit what is done and be marked
// interrupted; a second one exits at once (status 1) for a user who does not want to wait.

#include "crawler/crawler.h"

namespace linkhealth {

/// Installs the handlers for its lifetime and restores the previous ones afterwards.
/// One at a time per process.
class StopSignals {
 public:
  explicit StopSignals(Crawler& crawler);
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  /// True once SIGINT or SIGTERM arrived.
  bool received() const;
};

}  // namespace linkhealth
