#include "cli/scan_report.h"

#include <map>
#include <set>
#include <sstream>

#include "cli/spill_file.h"
#include "reports/json_document.h"
#include "reports/json_stream.h"

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

nlohmann::json source_json(const Source& s, const std::vector<ScannedRef>& source_refs) {
  nlohmann::json refs = nlohmann::json::array();
  for (const ScannedRef& ref : source_refs) refs.push_back(ref_json(ref));
  return {{"slug", s.slug},
          {"file", s.file},
          {"title", s.title},
          {"kind", s.kind},
          {"refs", std::move(refs)}};
}

constexpr int kIndent = 2;
// Where scan_to_json's parts sit in its document: a source or finding is an element of a
// top-level array, a target reference an element of a target's "refs".
constexpr int kElementDepth = 2;
constexpr int kTargetRefDepth = 4;
constexpr std::size_t kSliceFiles = 512;

/// Elements of the document's arrays, set aside on disk in document order.
class SpilledElements {
 public:
  /// `element` as it appears `depth` levels deep in the document.
  SpillFile::Span add(const nlohmann::json& element, int depth) {
    std::ostringstream text;
    write_nested(text, element, kIndent, depth);
    return file_.append(text.view());
  }
  /// A source or finding, kept for write_all.
  void add(const nlohmann::json& element) { spans_.push_back(add(element, kElementDepth)); }

  void write_all(JsonContainerWriter& array) { write(array, spans_); }
  void write(JsonContainerWriter& array, const std::vector<SpillFile::Span>& spans) {
    for (const SpillFile::Span span : spans) file_.copy_to(array.next(), span);
  }

 private:
  SpillFile file_;
  std::vector<SpillFile::Span> spans_;
};

/// A target as the slices found it: its references wait on disk, in file order.
struct SpilledTarget {
  std::string host;
  std::vector<SpillFile::Span> refs;
};

}  // namespace

void write_scan_json(std::ostream& out, const std::filesystem::path& root,
                     const ScanOptions& options) {
  SpilledElements sources;
  SpilledElements findings;
  SpilledElements duplicates;  // scan_content lists duplicate_slug findings after the others
  SpilledElements target_refs;
  std::map<std::string, SpilledTarget> targets;
  ScanCounts counts = scan_in_slices(root, options, kSliceFiles, [&](ScanResult& slice) {
    for (std::size_t i = 0; i < slice.sources.size(); ++i) {
      sources.add(source_json(slice.sources[i], slice.source_refs[i]));
    }
    for (const Finding& f : slice.findings) {
      (f.kind == FindingKind::DuplicateSlug ? duplicates : findings).add(finding_json(f));
    }
    for (const Target& target : slice.targets) {
      SpilledTarget& spilled = targets[target.request_url];
      spilled.host = target.host;
      for (const TargetRef& ref : target.refs) {
        spilled.refs.push_back(target_refs.add(nlohmann::json(ref), kTargetRefDepth));
      }
    }
  });
  std::set<std::string> hosts;
  for (const auto& [url, target] : targets) hosts.insert(target.host);
  counts.unique_targets = targets.size();
  counts.hosts = hosts.size();

  JsonContainerWriter document(out, '{', kIndent, 0);
  document.add("counts", nlohmann::json(counts));
  JsonContainerWriter found(document.next("findings"), '[', kIndent, 1);
  findings.write_all(found);
  duplicates.write_all(found);
  found.finish();
  JsonContainerWriter listed(document.next("sources"), '[', kIndent, 1);
  sources.write_all(listed);
  listed.finish();
  JsonContainerWriter grouped(document.next("targets"), '[', kIndent, 1);
  for (const auto& [url, target] : targets) {
    JsonContainerWriter object(grouped.next(), '{', kIndent, kElementDepth);
    object.add("host", target.host);
    JsonContainerWriter refs(object.next("refs"), '[', kIndent, kElementDepth + 1);
    target_refs.write(refs, target.refs);
    refs.finish();
    object.add("request_url", url);
    object.finish();
  }
  grouped.finish();
  document.finish();
}

nlohmann::json scan_to_json(const ScanResult& result) {
  nlohmann::json doc;
  doc["counts"] = result.counts;
  doc["sources"] = nlohmann::json::array();
  for (std::size_t i = 0; i < result.sources.size(); ++i) {
    doc["sources"].push_back(source_json(result.sources[i], result.source_refs[i]));
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
