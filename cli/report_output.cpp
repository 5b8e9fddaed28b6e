#include "cli/report_output.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "reports/html_report.h"
#include "reports/json_document.h"

namespace linkhealth {

void write_file_atomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error("cannot write " + path + ": " + ec.message());
  }
}

void write_report_files(const ReportModel& model, const ReportFiles& files, std::FILE* log) {
  const auto summary = [&](const char* what, const std::string& where) {
    if (log == nullptr) return;
    std::fprintf(log, "%s of run %lld (%s, %zu targets): %s\n", what, model.run.id,
                 model.run.kind.c_str(), model.targets.size(), where.c_str());
  };
  if (!files.html.empty()) {
    write_file_atomically(files.html, render_html_report(model));
    summary("HTML report", files.html);
  }
  if (files.json == "-") {
    const std::string text = render_json_document(model) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  } else if (!files.json.empty()) {
    write_file_atomically(files.json, render_json_document(model) + "\n");
    summary("JSON document", files.json);
  }
}

}  // namespace linkhealth
