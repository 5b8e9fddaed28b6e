#include "reports/trend_chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "reports/html_escape.h"
#include "reports/verdict_text.h"

namespace linkhealth {
namespace {

constexpr double kWidth = 640;
constexpr double kHeight = 220;
constexpr double kLeft = 44;  // room for the y labels
constexpr double kRight = 12;
constexpr double kTop = 14;
constexpr double kBottom = 40;  // room for the run labels
constexpr double kPlotW = kWidth - kLeft - kRight;
constexpr double kPlotH = kHeight - kTop - kBottom;

// The report's verdict colours (report_assets.cpp), as SVG fills.
struct VerdictFill {
  Verdict verdict;
  std::string_view fill;
};
constexpr VerdictFill kVerdictFills[] = {
    {Verdict::Broken, "#b42318"},   {Verdict::Soft404, "#e0685d"},
    {Verdict::Invalid, "#7a1a12"},  {Verdict::ServerError, "#9a5b00"},
    {Verdict::Timeout, "#d08a1c"},  {Verdict::NetworkError, "#c9a227"},
    {Verdict::TlsError, "#6b4a12"},
};

std::string_view fill_of(Verdict verdict) {
  for (const VerdictFill& entry : kVerdictFills) {
    if (entry.verdict == verdict) return entry.fill;
  }
  return "#4b5563";
}
constexpr std::string_view kNewFill = "#b42318";
constexpr std::string_view kFixedFill = "#18794e";
constexpr std::string_view kLineStroke = "#1d4ed8";

std::string num(double v) {
  return fmt::format("{:.1f}", v);
}

std::string days_text(double days) {
  return days < 1 ? fmt::format("{:.2f}", days) : fmt::format("{:.1f}", days);
}

std::string short_date(const std::string& iso) {
  return iso.size() >= 10 ? iso.substr(5, 5) : iso;
}

double slot_width(std::size_t n) {
  return kPlotW / static_cast<double>(std::max<std::size_t>(n, 1));
}

double y_of(double value, double top) {
  return kTop + kPlotH - value / top * kPlotH;
}

std::string svg_open(std::string_view id, std::string_view label) {
  return fmt::format(
      "<svg class=\"chart\" id=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">",
      id, kWidth, kHeight, escape_html(label));
}

// Horizontal grid lines with their values at 0, half and the top.
std::string grid(double top, std::string_view unit = {}) {
  std::string out;
  for (double f : {0.0, 0.5, 1.0}) {
    const double y = y_of(top * f, top);
    out += fmt::format(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#dfe3ea\" stroke-width=\"1\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6474\">{}{}</text>",
        kLeft, kWidth - kRight, num(y), num(y), kLeft - 6, num(y + 4),
        top * f == std::floor(top * f) ? fmt::format("{:.0f}", top * f) : num(top * f), unit);
  }
  return out;
}

// "#12" and the date under each run (every other one when they would crowd).
std::string run_labels(const std::vector<RunTrend>& runs) {
  std::string out;
  const double w = slot_width(runs.size());
  const std::size_t step = runs.size() > 13 ? 2 : 1;
  for (std::size_t i = 0; i < runs.size(); i += step) {
    const double x = kLeft + w * (static_cast<double>(i) + 0.5);
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6474\">#{}"
        "</text><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" "
        "fill=\"#5b6474\">{}</text>",
        num(x), num(kTop + kPlotH + 14), runs[i].run_id, num(x), num(kTop + kPlotH + 27),
        escape_html(short_date(runs[i].started_at)));
  }
  return out;
}

std::string rect(double x, double y, double w, double h, std::string_view fill,
                 std::string_view attributes, const std::string& tooltip) {
  return fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" {}><title>{}</title></rect>",
      num(x), num(y), num(w), num(std::max(h, 0.0)), fill, attributes, escape_html(tooltip));
}

std::vector<Verdict> problem_verdicts() {
  std::vector<Verdict> out;
  for (Verdict v : verdicts_by_severity()) {
    if (is_problem(v)) out.push_back(v);
  }
  return out;
}

std::string legend(const std::vector<std::pair<std::string_view, std::string>>& items) {
  std::string out = "<div class=\"chart-legend\">";
  for (const auto& [fill, label] : items) {
    out += fmt::format(
        "<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect "
        "width=\"10\" height=\"10\" fill=\"{}\"/></svg> {}</span>",
        fill, escape_html(label));
  }
  return out + "</div>";
}

std::string problems_chart(const Trends& t) {
  int max = 0;
  for (const auto& run : t.runs) max = std::max(max, run.problems);
  const double top = nice_axis_max(max);
  const double w = slot_width(t.runs.size());
  std::string out = svg_open("lh-chart-problems", "Problems by verdict per crawl") + grid(top);
  const auto verdicts = problem_verdicts();
  for (std::size_t i = 0; i < t.runs.size(); ++i) {
    const RunTrend& run = t.runs[i];
    const double x = kLeft + w * static_cast<double>(i) + w * 0.15;
    double stacked = 0;
    for (Verdict v : verdicts) {
      const int n = run.verdicts[static_cast<std::size_t>(v)];
      if (n == 0) continue;
      const double h = n / top * kPlotH;
      out += rect(x, y_of(stacked + n, top), w * 0.7, h, fill_of(v),
                  fmt::format("class=\"seg\" data-run=\"{}\" data-verdict=\"{}\" data-count=\"{}\"",
                              run.run_id, to_string(v), n),
                  fmt::format("run #{}: {} {}", run.run_id, n, verdict_label(v)));
      stacked += n;
    }
    out += fmt::format(
        "<text class=\"total\" data-run=\"{}\" data-problems=\"{}\" x=\"{}\" y=\"{}\" "
        "font-size=\"10\" text-anchor=\"middle\" fill=\"#1d2330\">{}</text>",
        run.run_id, run.problems, num(x + w * 0.35), num(y_of(stacked, top) - 3), run.problems);
  }
  out += run_labels(t.runs) + "</svg>";
  std::vector<std::pair<std::string_view, std::string>> items;
  for (Verdict v : verdicts) {
    const bool seen = std::any_of(t.runs.begin(), t.runs.end(), [&](const RunTrend& r) {
      return r.verdicts[static_cast<std::size_t>(v)] > 0;
    });
    if (seen) items.emplace_back(fill_of(v), std::string(verdict_label(v)));
  }
  return out + legend(items);
}

std::string changes_chart(const Trends& t) {
  int max = 0;
  for (const auto& run : t.runs) max = std::max({max, run.new_problems, run.fixed});
  const double top = nice_axis_max(max);
  const double w = slot_width(t.runs.size());
  std::string out = svg_open("lh-chart-changes", "New and fixed problems per crawl") + grid(top);
  for (std::size_t i = 0; i < t.runs.size(); ++i) {
    const RunTrend& run = t.runs[i];
    const double x = kLeft + w * static_cast<double>(i) + w * 0.15;
    out += rect(x, y_of(run.new_problems, top), w * 0.35, run.new_problems / top * kPlotH, kNewFill,
                fmt::format("class=\"new\" data-run=\"{}\" data-count=\"{}\"", run.run_id,
                            run.new_problems),
                fmt::format("run #{}: {} new", run.run_id, run.new_problems));
    out += rect(
        x + w * 0.35, y_of(run.fixed, top), w * 0.35, run.fixed / top * kPlotH, kFixedFill,
        fmt::format("class=\"fixed\" data-run=\"{}\" data-count=\"{}\"", run.run_id, run.fixed),
        fmt::format("run #{}: {} fixed", run.run_id, run.fixed));
  }
  out += run_labels(t.runs) + "</svg>";
  return out + legend({{kNewFill, "new problems"}, {kFixedFill, "fixed"}});
}

std::string fix_time_chart(const Trends& t) {
  double max = 0;
  for (const auto& run : t.runs) max = std::max(max, run.median_days_to_fix.value_or(0));
  const double top = nice_axis_max(max);
  const double w = slot_width(t.runs.size());
  std::string out =
      svg_open("lh-chart-fix-time", "Median days from first failure to fix") + grid(top, " d");
  std::string points;
  for (std::size_t i = 0; i < t.runs.size(); ++i) {
    const RunTrend& run = t.runs[i];
    if (!run.median_days_to_fix) continue;
    const double x = kLeft + w * (static_cast<double>(i) + 0.5);
    const double y = y_of(*run.median_days_to_fix, top);
    points += (points.empty() ? "" : " ") + num(x) + "," + num(y);
    out += fmt::format(
        "<circle class=\"fix-time\" data-run=\"{}\" data-days=\"{}\" data-fixes=\"{}\" cx=\"{}\" "
        "cy=\"{}\" r=\"4\" fill=\"{}\"><title>run #{}: median {} days over {} fixes</title>"
        "</circle>",
        run.run_id, fmt::format("{:.6f}", *run.median_days_to_fix), run.fixed, num(x), num(y),
        kLineStroke, run.run_id, days_text(*run.median_days_to_fix), run.fixed);
  }
  if (!points.empty()) {
    out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>",
                       points, kLineStroke);
  }
  return out + run_labels(t.runs) + "</svg>";
}

std::string age_chart(const Trends& t) {
  int max = 0;
  for (const auto& bucket : t.open_by_age) max = std::max(max, bucket.count);
  const double top = nice_axis_max(max);
  const double label_w = 110;
  const double bar_w = kWidth - label_w - 60;
  const double row_h =
      (kHeight - 20) / static_cast<double>(std::max<std::size_t>(t.open_by_age.size(), 1));
  std::string out = svg_open("lh-chart-age", "Open problems by age");
  for (std::size_t i = 0; i < t.open_by_age.size(); ++i) {
    const AgeBucket& b = t.open_by_age[i];
    const double y = 10 + row_h * static_cast<double>(i);
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1d2330\">{}</text>",
        num(label_w - 8), num(y + row_h * 0.55 + 4), escape_html(b.label));
    const double w = b.count / top * bar_w;
    out += rect(label_w, y + row_h * 0.15, w, row_h * 0.7, fill_of(Verdict::Broken),
                fmt::format("class=\"age\" data-min-days=\"{}\" data-max-days=\"{}\" "
                            "data-count=\"{}\"",
                            b.min_days, b.max_days, b.count),
                fmt::format("{} open for {}", b.count, b.label));
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1d2330\">{}</text>",
                       num(label_w + w + 6), num(y + row_h * 0.55 + 4), b.count);
  }
  return out + "</svg>";
}

std::string figure(std::string_view title, std::string_view caption, const std::string& chart) {
  return fmt::format(
      "<figure class=\"trend\"><figcaption><b>{}</b> <span class=\"muted\">{}"
      "</span></figcaption>{}</figure>",
      title, caption, chart);
}

}  // namespace

double nice_axis_max(double max) {
  if (!(max > 1)) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(max)));
  for (double step : {1.0, 2.0, 5.0, 10.0}) {
    if (max <= step * power) return step * power;
  }
  return 10 * power;
}

std::string render_trend_section(const Trends& t) {
  if (t.runs.empty()) return {};  // a `check` run: the history is the crawls'
  std::string out = "<section id=\"lh-trends\"><h2>History</h2>";
  const std::string median =
      t.median_days_to_fix ? days_text(*t.median_days_to_fix) + " days" : std::string("no fix yet");
  out += fmt::format(
      "<p class=\"lead\">{}. Fixed in this window: <b id=\"lh-fixes\">{}</b>; "
      "median time from first failure to fix: <b id=\"lh-median-fix\">{}</b>.</p>",
      t.runs.size() == 1 ? std::string("The first crawl")
                         : fmt::format("The last {} crawls", t.runs.size()),
      t.fixes, median);
  out += "<div class=\"trends\">";
  out += figure("Problems per crawl", "by verdict; blocked and skipped links are not problems",
                problems_chart(t));
  out += figure("New and fixed per crawl", "new: confirmed this crawl; fixed: working again",
                changes_chart(t));
  out += figure("Time to fix", "median days from the first failing check to the fix, per crawl",
                fix_time_chart(t));
  out += figure("Open problems by age", "how long the problems of this crawl have been failing",
                age_chart(t));
  return out + "</div></section>\n";
}

}  // namespace linkhealth
