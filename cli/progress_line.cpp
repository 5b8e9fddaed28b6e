#include "cli/progress_line.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

namespace linkhealth {
namespace {

std::string format_duration(double seconds) {
  auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

int terminal_width(std::FILE* out) {
  winsize ws{};
  if (::ioctl(::fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  return 80;
}

}  // namespace

std::string render_progress(const ProgressSnapshot& p, int width) {
  double fraction = p.total > 0 ? static_cast<double>(p.done) / static_cast<double>(p.total) : 0;
  fraction = std::clamp(fraction, 0.0, 1.0);
  std::string eta = "--";
  if (p.done > 0 && p.done < p.total && p.elapsed_seconds > 0) {
    eta = format_duration(p.elapsed_seconds / static_cast<double>(p.done) *
                          static_cast<double>(p.total - p.done));
  } else if (p.total > 0 && p.done >= p.total) {
    eta = "0s";
  }
  std::string tail = fmt::format(" {}/{} targets · {} hosts active · {:.1f} req/s · ETA {}", p.done,
                                 p.total, p.hosts_active, p.requests_per_second, eta);
  // "·" is two bytes but one column; count columns, not bytes, when fitting the bar.
  int tail_columns = static_cast<int>(tail.size()) - 3;
  int bar_width = std::clamp(width - tail_columns - 2, 0, 40);
  if (bar_width < 5) return tail.substr(1);
  int filled = static_cast<int>(fraction * bar_width);
  // Appends instead of operator+ chains: GCC 12 warns falsely (-Wrestrict) on those in Release.
  std::string line;
  line.reserve(static_cast<size_t>(bar_width) + tail.size() + 2);
  line.push_back('[');
  line.append(static_cast<size_t>(filled), '#');
  line.append(static_cast<size_t>(bar_width - filled), '-');
  line.push_back(']');
  line.append(tail);
  return line;
}

ProgressLine::ProgressLine(std::FILE* out) : out_(out), active_(::isatty(::fileno(out)) == 1) {}

ProgressLine::~ProgressLine() {
  clear();
}

void ProgressLine::update(const ProgressSnapshot& p) {
  if (!active_) return;
  fmt::print(out_, "\r\x1b[2K{}", render_progress(p, terminal_width(out_)));
  std::fflush(out_);
  drawn_ = true;
}

void ProgressLine::clear() {
  if (!active_ || !drawn_) return;
  fmt::print(out_, "\r\x1b[2K");
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace linkhealth
