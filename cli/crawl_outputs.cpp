#include "cli/crawl_outputs.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <stdexcept>

#include <fmt/format.h>

#include "cli/command.h"
#include "reports/html_report.h"
#include "reports/json_document.h"
#include "reports/report_loader.h"

namespace linkhealth {
namespace {

void write_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    write(out);
    out.close();
    if (!out) {
      throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) throw std::runtime_error("cannot write " + path + ": " + ec.message());
}

}  // namespace

CrawlOutcome summarise_crawl(Store& store, std::int64_t run_id) {
  CrawlOutcome outcome;
  outcome.summary = store.summary(run_id);
  outcome.new_problems = store.new_problems(run_id).size();
  outcome.fixed = store.fixed(run_id).size();
  return outcome;
}

std::string summary_line(const CrawlOutcome& o, const RunSettings& s, double seconds) {
  std::string verdicts;
  std::int64_t total = 0;
  for (const auto& [name, n] : o.summary.verdicts) {
    verdicts += fmt::format("{}{} {}", verdicts.empty() ? "" : ", ", n, name);
    total += n;
  }
  std::string line = fmt::format(
      "linkhealth crawl: run {} {} in {:.0f}s: {} targets ({}), {} problems, {} new, {} fixed",
      o.summary.run.id, to_string(o.summary.run.status), seconds, total,
      verdicts.empty() ? "none" : verdicts, o.summary.run.problem_count, o.new_problems, o.fixed);
  if (!s.report.empty()) line += "; report " + s.report;
  if (!s.json.empty() && s.json != "-") line += "; json " + s.json;
  return line;
}

int crawl_exit_code(const CrawlOutcome& o, FailOn fail_on) {
  const bool failed = (fail_on == FailOn::New && o.new_problems > 0) ||
                      (fail_on == FailOn::Any && o.summary.run.problem_count > 0);
  return static_cast<int>(failed ? ExitCode::Problems : ExitCode::Ok);
}

void write_crawl_outputs(Store& store, std::int64_t run_id, const RunSettings& s) {
  if (s.report.empty() && s.json.empty()) return;
  ReportOptions options;
  options.wayback_base = s.wayback_base;
  const ReportModel model = load_report_model(store, run_id, options);
  if (!s.report.empty()) {
    write_file(s.report, [&](std::ostream& out) { out << render_html_report(model); });
  }
  // Streamed: the whole document as one json tree was most of a large crawl's peak memory.
  if (s.json == "-") {
    write_json_document(std::cout, model);
    std::cout << '\n' << std::flush;
  } else if (!s.json.empty()) {
    write_file(s.json, [&](std::ostream& out) {
      write_json_document(out, model);
      out << '\n';
    });
  }
}

}  // namespace linkhealth
