// Renders a corpus-sized report (the sample model scaled to ~5,000 targets, about the size of
// the medigy corpus) and prints the median time of the HTML and JSON renderers.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "reports/html_report.h"
#include "reports/json_document.h"
#include "tests/sample_report.h"

using namespace linkhealth;

namespace {

ReportModel corpus_sized_model(std::size_t copies) {
  ReportModel base = sample_report_model();
  ReportModel m = base;
  m.targets.clear();
  for (std::size_t i = 0; i < copies; ++i) {
    for (auto t : base.targets) {
      t.request_url += "?copy=" + std::to_string(i);
      t.host = std::to_string(i % 300) + "." + t.host;
      for (auto& ref : t.refs) ref.slug += "-" + std::to_string(i);
      m.targets.push_back(std::move(t));
    }
  }
  return m;
}

template <typename F>
double median_ms(F&& render, std::size_t& bytes) {
  std::vector<double> times;
  for (int run = 0; run < 7; ++run) {
    auto start = std::chrono::steady_clock::now();
    bytes = render().size();
    std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    times.push_back(took.count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main() {
  ReportModel m = corpus_sized_model(340);
  std::size_t html_bytes = 0;
  std::size_t json_bytes = 0;
  double html_ms = median_ms([&] { return render_html_report(m); }, html_bytes);
  double json_ms = median_ms([&] { return render_json_document(m); }, json_bytes);
  std::printf("targets: %zu\n", m.targets.size());
  std::printf("html: median %.1f ms, %.1f MB\n", html_ms, html_bytes / 1e6);
  std::printf("json: median %.1f ms, %.1f MB\n", json_ms, json_bytes / 1e6);
  return 0;
}
