#include "cli/report_output.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <system_error>

#include "reports/html_report.h"
#include "reports/json_document.h"
#include "reports/owners.h"

namespace linkhealth {

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    write(out);
    out.close();
    if (!out) {
      const std::string reason = std::strerror(errno);
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      throw std::runtime_error("cannot write " + path + ": " + reason);
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error("cannot write " + path + ": " + ec.message());
  }
}

namespace {

// The "wrote ..." line of one file to `log` (nullptr: silent).
void print_written(std::FILE* log, const char* what, const ReportRun& run, std::size_t targets,
                   const std::string& where) {
  if (log == nullptr) return;
  std::fprintf(log, "%s of run %lld (%s, %zu targets): %s\n", what, run.id, run.kind.c_str(),
               targets, where.c_str());
}

// The JSON document of `header` with the targets `targets` feeds, to `path` ("-" is stdout):
// the targets need never be in memory together.
void write_json_file(const std::string& path, const ReportModel& header,
                     const TargetFeed& targets) {
  // Streamed: one json tree of a large run was most of a crawl's peak memory.
  const auto write_json = [&](std::ostream& out) {
    write_json_document(out, header, targets);
    out << '\n';
  };
  if (path == "-") {
    std::fflush(stdout);
    write_json(std::cout);
    std::cout.flush();
  } else {
    write_file_atomically(path, write_json);
  }
}

}  // namespace

void write_report_files(const ReportModel& model, const ReportFiles& files, std::FILE* log) {
  const auto summary = [&](const char* what, const std::string& where) {
    print_written(log, what, model.run, model.targets.size(), where);
  };
  if (!files.html.empty()) {
    write_file_atomically(files.html, [&](std::ostream& out) { write_html_report(out, model); });
    summary("HTML report", files.html);
  }
  if (files.json.empty()) return;
  write_json_file(files.json, model, targets_of(model));
  if (files.json != "-") summary("JSON document", files.json);
}

void write_run_report_files(Store& store, std::int64_t run_id, const ReportOptions& options,
                            const std::vector<Owner>& owners,
                            std::optional<std::vector<FixEdit>> ready_to_fix,
                            const ReportFiles& files, std::FILE* log) {
  stream_report_model(store, run_id, options, [&](ReportModel& header, const RecordFeed& targets) {
    header.owners = owners;
    header.ready_to_fix = std::move(ready_to_fix);
    write_report_files(header, targets, files, log);
  });
}

void write_report_files(ReportModel& header, const RecordFeed& targets, const ReportFiles& files,
                        std::FILE* log) {
  std::size_t count = 0;
  const auto keep = [&](TargetRecord&& target) {
    ++count;
    if (files.html.empty()) return;
    if (is_plain_ok(target)) {
      ++header.unlisted_ok;
    } else {
      header.targets.push_back(std::move(target));
    }
  };
  if (!files.json.empty()) {
    // The JSON writer reads no header.targets: the HTML model fills while the JSON streams.
    write_json_file(files.json, header, [&](const std::function<void(const TargetRecord&)>& each) {
      targets([&](TargetRecord&& target) {
        assign_owners(target, header.owners);
        each(target);
        keep(std::move(target));
      });
    });
  } else {
    targets([&](TargetRecord&& target) {
      assign_owners(target, header.owners);
      keep(std::move(target));
    });
  }
  if (!files.html.empty()) {
    write_file_atomically(files.html, [&](std::ostream& out) { write_html_report(out, header); });
    print_written(log, "HTML report", header.run, count, files.html);
  }
  if (!files.json.empty() && files.json != "-") {
    print_written(log, "JSON document", header.run, count, files.json);
  }
}

}  // namespace linkhealth
