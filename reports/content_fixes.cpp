#include "reports/content_fixes.h"

#include <algorithm>
#include <set>
#include <variant>

#include "extract/scan.h"
#include "extract/source_reader.h"

namespace linkhealth {
namespace {

ScanOptions reading_options(const FixOptions& options) {
  ScanOptions scan;
  scan.url_fields = fix_fields();
  scan.rules = &options.tracking_rules();
  return scan;
}

}  // namespace

void plan_file_fixes(const std::string& file, const std::string& bytes,
                     const std::vector<std::pair<std::string, CitingRef>>& recorded,
                     const FixEvidence& evidence, const FixOptions& options, FixPlan& plan) {
  const SourceRead read = source_from_text(bytes, file, reading_options(options));
  if (!read.source) {
    // An unreadable file only matters where the crawl's evidence points at it.
    if (!recorded.empty() && !read.findings.empty()) {
      const Finding& f = read.findings.front();
      plan.notes.push_back(
          {file, f.line, file + ":" + std::to_string(f.line) + ": " + f.detail + "; not edited"});
    }
    return;
  }
  FilePlan planned = plan_file(*read.source, recorded, evidence, options);
  plan.notes.insert(plan.notes.end(), planned.notes.begin(), planned.notes.end());
  if (planned.edits.empty()) return;
  std::vector<ValueEdit> edits;
  for (const FixEdit& e : planned.edits) edits.push_back({e.field, e.old_value, e.new_value});
  FrontMatterEdits result = edit_front_matter(bytes, edits);
  for (const RefusedEdit& refused : result.refused) {
    const auto it = std::find_if(planned.edits.begin(), planned.edits.end(),
                                 [&](const FixEdit& e) { return e.field == refused.edit.field; });
    const int line = refused.line > 0 ? refused.line : it->line;
    plan.notes.push_back({file, line,
                          file + ":" + std::to_string(line) + ": " + refused.edit.field +
                              " not rewritten: " + refused.reason});
  }
  if (result.applied.empty()) return;
  FileFix fix{file, bytes, std::move(result.text), {}};
  for (AppliedEdit& applied : result.applied) {
    const auto it = std::find_if(planned.edits.begin(), planned.edits.end(),
                                 [&](const FixEdit& e) { return e.field == applied.edit.field; });
    FixEdit edit = *it;
    edit.line = applied.line;
    plan.edits.push_back(std::move(edit));
    fix.splices.push_back(std::move(applied.splice));
  }
  if (options.keep_texts) plan.files.push_back(std::move(fix));
}

FixPlan plan_content_fixes(const std::filesystem::path& content, const FixEvidence& evidence,
                           const FixOptions& options) {
  FixPlan plan;
  const auto recorded = recorded_by_file(evidence);
  const ScanOptions limits = reading_options(options);
  std::set<std::string> seen;
  for (const std::filesystem::path& relative : content_files(content)) {
    const std::string file = relative.generic_string();
    seen.insert(file);
    const auto it = recorded.find(file);
    if (options.evidence_files_only && it == recorded.end() &&
        evidence.tracking_files.count(file) == 0) {
      continue;
    }
    ++plan.files_read;
    static const std::vector<std::pair<std::string, CitingRef>> kNone;
    const auto& refs = it == recorded.end() ? kNone : it->second;
    auto bytes = read_content_bytes(content, relative, limits.max_file_bytes);
    if (const auto* finding = std::get_if<Finding>(&bytes)) {
      if (!refs.empty()) {
        plan.notes.push_back({file, 0, file + ": " + finding->detail + "; not edited"});
      }
      continue;
    }
    plan_file_fixes(file, std::get<std::string>(bytes), refs, evidence, options, plan);
  }
  for (const auto& [file, refs] : recorded) {
    const bool wanted = std::any_of(refs.begin(), refs.end(), [&](const auto& ref) {
      return is_fix_field(ref.second.field) && evidence_applies(evidence, ref.first, options);
    });
    if (seen.count(file) == 0 && wanted) {
      plan.notes.push_back({file, 0, file + ": gone since the crawl; nothing to edit"});
    }
  }
  std::stable_sort(plan.notes.begin(), plan.notes.end(), [](const FixNote& a, const FixNote& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  return plan;
}

}  // namespace linkhealth
