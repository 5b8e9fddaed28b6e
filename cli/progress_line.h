#pragma once
// The crawl's progress bar on a terminal. Cron has no terminal and gets no progress output;
// render_progress is pure so its wording is tested without one.

#include <cstdio>
#include <string>

namespace linkhealth {

struct ProgressSnapshot {
  long long done = 0;
  long long total = 0;
  int hosts_active = 0;
  double requests_per_second = 0;
  double elapsed_seconds = 0;
};

/// One line, at most `width` columns: bar, done/total, active hosts, rate and ETA.
std::string render_progress(const ProgressSnapshot& p, int width);

/// Redraws the progress line in place on a terminal; does nothing when `out` is not one.
class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* out);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  bool active() const { return active_; }
  void update(const ProgressSnapshot& p);
  /// Erases the line so that the next message starts on a clean line.
  void clear();

 private:
  std::FILE* out_;
  bool active_;
  bool drawn_ = false;
};

}  // namespace linkhealth
