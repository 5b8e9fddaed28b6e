#include "cli/source_lookup.h"

#include <map>
#include <system_error>

namespace linkhealth {
namespace {

bool looks_like_file(const std::string& wanted) {
  return wanted.size() > 3 && wanted.compare(wanted.size() - 3, 3, ".md") == 0;
}

// The file's path relative to root, or "" when it is not a file below root.
std::filesystem::path relative_to_root(const std::filesystem::path& root,
                                       const std::string& wanted) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path given(wanted);
  if (!fs::is_regular_file(given, ec)) {
    return fs::is_regular_file(root / given, ec) ? given.lexically_normal() : fs::path();
  }
  fs::path relative =
      fs::weakly_canonical(given, ec).lexically_relative(fs::weakly_canonical(root, ec));
  if (relative.empty() || *relative.begin() == "..") return {};
  return relative;
}

LocatedSource from_file(const std::filesystem::path& root, const std::string& wanted,
                        const ScanOptions& options) {
  LocatedSource out;
  const auto relative = relative_to_root(root, wanted);
  if (relative.empty()) {
    out.error = wanted + ": no such content file under " + root.string();
    return out;
  }
  FileScan scan = scan_file(root, relative, options);
  if (!scan.source) {
    out.error = relative.string() + ": not a usable content file";
    for (const Finding& f : scan.findings) out.error += "; " + f.detail;
    return out;
  }
  out.scan = std::move(scan);
  return out;
}

LocatedSource from_slug(const std::filesystem::path& root, const std::string& wanted,
                        const ScanOptions& options) {
  LocatedSource out;
  ScanResult all = scan_content(root, options);
  std::vector<std::string> slugs;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < all.sources.size(); ++i) {
    const Source& source = all.sources[i];
    if (source.slug != wanted) {
      slugs.push_back(source.slug);
      continue;
    }
    files.push_back(source.file);
    if (out.scan) continue;
    FileScan scan;
    scan.refs = all.source_refs[i];
    for (const Finding& f : all.findings) {
      if (f.file == source.file && f.kind != FindingKind::DuplicateSlug) scan.findings.push_back(f);
    }
    scan.has_front_matter = true;
    scan.source = source;
    out.scan = std::move(scan);
  }
  if (files.size() > 1) {
    out.warning = "slug '" + wanted + "' is used by " + std::to_string(files.size()) +
                  " files; checking " + files.front();
  }
  if (!out.scan) {
    out.error = "no content file with slug '" + wanted + "' under " + root.string();
    out.suggestions = closest_names(wanted, slugs);
  }
  return out;
}

}  // namespace

LocatedSource locate_source(const std::filesystem::path& root, const std::string& wanted,
                            const ScanOptions& options) {
  return looks_like_file(wanted) ? from_file(root, wanted, options)
                                 : from_slug(root, wanted, options);
}

std::vector<Target> source_targets(const Source& source, const std::vector<ScannedRef>& refs,
                                   std::vector<UnusableField>& unusable) {
  for (const ScannedRef& ref : refs) {
    if (!ref.cleaned.ok) unusable.push_back({ref.field, ref.cleaned.error});
  }
  std::map<std::string, Target> by_request;
  add_targets(source, refs, by_request);
  std::vector<Target> out;
  for (auto& [url, target] : by_request) out.push_back(std::move(target));
  return out;
}

}  // namespace linkhealth
