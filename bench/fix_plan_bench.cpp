// fix_plan_bench: the CPU of a crawl's "Ready to fix" plan alone. Scans a content tree, records
// its sources in an in-memory store (the tracking evidence a crawl's scan leaves), then plans
// the fixes as the crawl does (only the files the evidence names, edits without texts) R times
// and prints each run's CPU. With --plan FILE it also writes the plan's edits and notes, for
// comparing two builds byte for byte.
// Usage: fix_plan_bench --content DIR [--repeat R] [--plan FILE]
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "cli/cpu_time.h"
#include "extract/scan.h"
#include "reports/content_fixes.h"
#include "reports/fix_plan_json.h"
#include "store/fix_evidence.h"
#include "store/store.h"

namespace {

void write_plan(const std::string& path, const linkhealth::FixPlan& plan) {
  std::ofstream out(path, std::ios::binary);
  out << linkhealth::fix_plan_json(plan.edits).dump(1) << "\n";
  for (const linkhealth::FixNote& note : plan.notes) out << note.message << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string content;
  std::string plan_file;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--content") == 0) content = argv[i + 1];
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--plan") == 0) plan_file = argv[i + 1];
  }
  if (content.empty()) {
    std::fprintf(stderr, "usage: fix_plan_bench --content DIR [--repeat R] [--plan FILE]\n");
    return 2;
  }
  using namespace linkhealth;
  Store store = Store::open(":memory:");
  const std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
  const ScanResult scan = scan_content(content, ScanOptions{});
  store.record_sources(run, scan.sources, scan.targets);
  const FixEvidence evidence = load_fix_evidence(store.database(), 2);
  FixOptions options;
  options.evidence_files_only = true;
  options.keep_texts = false;
  for (int r = 0; r < repeat; ++r) {
    const double start = process_cpu_seconds();
    const FixPlan plan = plan_content_fixes(content, evidence, options);
    const double cpu = process_cpu_seconds() - start;
    std::printf(
        "run %d: %zu files read, %zu edits, %zu notes, %.3f s CPU (%.1f us per file read)\n", r + 1,
        plan.files_read, plan.edits.size(), plan.notes.size(), cpu,
        plan.files_read == 0 ? 0.0 : cpu * 1e6 / static_cast<double>(plan.files_read));
    if (r == 0 && !plan_file.empty()) write_plan(plan_file, plan);
  }
  return 0;
}
