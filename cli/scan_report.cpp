#include "cli/scan_report.h"

#include <map>
#include <set>

#include "reports/json_document.h"

namespace linkhealth {

// These records go into `scan --json` whole, each member under its own name.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ScanCounts, files_read, files_without_front_matter, parse_errors,
                                   sources, sources_with_links, references, unusable_references,
                                   unique_targets, hosts)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TargetRef, slug, file, field, raw, clean, removed, line)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Target, request_url, host, refs)

namespace {

nlohmann::json ref_json(const ScannedRef& ref) {
  nlohmann::json j = {{"field", ref.field.field},
                      {"raw", ref.field.raw},
                      {"line", ref.field.line},
                      {"clean", ref.cleaned.clean},
                      {"request_url", ref.cleaned.request_url},
                      {"removed", ref.cleaned.removed}};
  if (!ref.cleaned.ok) j["error"] = ref.cleaned.error;
  return j;
}

std::string location(const Finding& f) {
  return f.line > 0 ? f.file + ":" + std::to_string(f.line) : f.file;
}

}  // namespace

nlohmann::json scan_to_json(const ScanResult& result) {
  nlohmann::json doc;
  doc["counts"] = result.counts;
  doc["sources"] = nlohmann::json::array();
  for (std::size_t i = 0; i < result.sources.size(); ++i) {
    const Source& s = result.sources[i];
    nlohmann::json refs = nlohmann::json::array();
    for (const ScannedRef& ref : result.source_refs[i]) refs.push_back(ref_json(ref));
    doc["sources"].push_back({{"slug", s.slug},
                              {"file", s.file},
                              {"title", s.title},
                              {"kind", s.kind},
                              {"refs", std::move(refs)}});
  }
  doc["targets"] = result.targets;
  doc["findings"] = nlohmann::json::array();
  for (const Finding& f : result.findings) doc["findings"].push_back(finding_json(f));
  return doc;
}

void print_scan_summary(std::FILE* out, const std::string& root, const ScanResult& result,
                        bool list_findings) {
  const ScanCounts& c = result.counts;
  std::fprintf(out, "scan of %s\n", root.c_str());
  std::fprintf(out,
               "  files read            %6zu  (%zu without front matter, %zu with parse errors)\n",
               c.files_read, c.files_without_front_matter, c.parse_errors);
  std::fprintf(out, "  sources with links    %6zu  of %zu sources\n", c.sources_with_links,
               c.sources);
  std::fprintf(out, "  references            %6zu  (%zu not usable as URLs)\n", c.references,
               c.unusable_references);
  std::fprintf(out, "  unique targets        %6zu\n", c.unique_targets);
  std::fprintf(out, "  hosts                 %6zu\n", c.hosts);

  std::map<FindingKind, std::pair<std::size_t, std::set<std::string>>> by_kind;
  for (const Finding& f : result.findings) {
    auto& [count, files] = by_kind[f.kind];
    ++count;
    files.insert(f.file);
  }
  std::fprintf(out, "findings\n");
  for (const FindingKind kind : all_finding_kinds()) {
    const auto it = by_kind.find(kind);
    const std::size_t count = it == by_kind.end() ? 0 : it->second.first;
    const std::size_t files = it == by_kind.end() ? 0 : it->second.second.size();
    std::fprintf(out, "  %-20s %6zu  in %zu file%s\n", std::string(to_string(kind)).c_str(), count,
                 files, files == 1 ? "" : "s");
  }
  bool header = false;
  for (const Finding& f : result.findings) {
    if (f.kind != FindingKind::ParseError) continue;
    if (!header) std::fprintf(out, "parse errors\n");
    header = true;
    std::fprintf(out, "  %s: %s\n", location(f).c_str(), f.detail.c_str());
  }
  if (!list_findings) return;
  for (const Finding& f : result.findings) {
    if (f.kind == FindingKind::ParseError) continue;
    std::fprintf(out, "%s: %s: %s%s%s\n", location(f).c_str(),
                 std::string(to_string(f.kind)).c_str(), f.field.c_str(),
                 f.field.empty() ? "" : ": ", f.detail.c_str());
  }
}

}  // namespace linkhealth
