#include "extract/scan.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "extract/content_walk.h"
#include "extract/source_findings.h"
#include "extract/source_reader.h"

namespace linkhealth {

namespace {

void add_file(FileScan&& file, ScanResult& result) {
  ScanCounts& c = result.counts;
  ++c.files_read;
  if (!file.source) ++c.parse_errors;
  if (file.source && !file.has_front_matter) ++c.files_without_front_matter;
  for (Finding& f : file.findings) result.findings.push_back(std::move(f));
  if (!file.source) return;
  ++c.sources;
  if (!file.refs.empty()) ++c.sources_with_links;
  c.references += file.refs.size();
  result.sources.push_back(std::move(*file.source));
  result.source_refs.push_back(std::move(file.refs));
}

void build_targets(ScanResult& result) {
  std::map<std::string, Target> by_request;
  for (std::size_t i = 0; i < result.sources.size(); ++i) {
    result.counts.unusable_references +=
        add_targets(result.sources[i], result.source_refs[i], by_request);
  }
  std::set<std::string> hosts;
  for (auto& [url, target] : by_request) {
    hosts.insert(target.host);
    result.targets.push_back(std::move(target));
  }
  result.counts.unique_targets = result.targets.size();
  result.counts.hosts = hosts.size();
}

// First file of each slug (an index into the tree's file list); duplicate_slug findings for
// the sources that repeat one, in file order.
class SlugIndex {
 public:
  void add(const std::vector<Source>& sources, std::vector<Finding>& findings) {
    for (const Source& source : sources) {
      auto [it, fresh] = first_.emplace(source.slug, static_cast<std::uint32_t>(files_.size()));
      if (fresh) {
        files_.push_back(source.file);
        continue;
      }
      Finding f;
      f.kind = FindingKind::DuplicateSlug;
      f.slug = source.slug;
      f.file = source.file;
      f.detail = "slug '" + source.slug + "' is also used by " + files_[it->second];
      findings.push_back(std::move(f));
    }
  }

 private:
  std::unordered_map<std::string, std::uint32_t> first_;
  std::vector<std::string> files_;  // files that used a slug first
};

// Scans files[begin, end) on every core; the result is in file order whatever the scheduling.
std::vector<FileScan> scan_files(const std::filesystem::path& root,
                                 const std::vector<std::filesystem::path>& files, std::size_t begin,
                                 std::size_t end, const ScanOptions& options) {
  std::vector<FileScan> scanned(end - begin);
  std::atomic<std::size_t> next{begin};
  auto worker = [&] {
    for (std::size_t i = next++; i < end; i = next++) {
      scanned[i - begin] = scan_file(root, files[i], options);
    }
  };
  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads && t < end - begin; ++t) pool.emplace_back(worker);
  worker();
  pool.clear();  // joins
  return scanned;
}

}  // namespace

std::size_t add_targets(const Source& source, const std::vector<ScannedRef>& refs,
                        std::map<std::string, Target>& by_request) {
  std::size_t unusable = 0;
  for (const ScannedRef& ref : refs) {
    if (!ref.cleaned.ok) {
      ++unusable;
      continue;
    }
    Target& target = by_request[ref.cleaned.request_url];
    target.request_url = ref.cleaned.request_url;
    target.host = ref.cleaned.host;
    target.refs.push_back(TargetRef{source.slug, source.file, ref.field.field, ref.field.raw,
                                    ref.cleaned.clean, ref.cleaned.removed, ref.field.line});
  }
  return unusable;
}

FileScan scan_file(const std::filesystem::path& root, const std::filesystem::path& relative,
                   const ScanOptions& options) {
  SourceRead read = read_source(root, relative, options);
  FileScan out;
  out.has_front_matter = read.has_front_matter;
  out.findings = std::move(read.findings);
  if (!read.source) return out;
  std::vector<CleanedUrl> cleaned;
  for (const UrlField& field : read.source->urls) {
    cleaned.push_back(clean_url(field.raw, options.tracking_rules()));
    out.refs.push_back(ScannedRef{field, cleaned.back()});
  }
  for (Finding& f : source_findings(*read.source, cleaned, read.expects_link, options)) {
    out.findings.push_back(std::move(f));
  }
  out.source = std::move(read.source);
  return out;
}

std::vector<std::filesystem::path> content_files(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> files;
  ContentWalk walk(root);
  while (auto file = walk.next()) files.push_back(std::move(*file));
  return files;
}

ScanResult scan_content(const std::filesystem::path& root, const ScanOptions& options) {
  const auto files = content_files(root);
  ScanResult result;
  for (FileScan& file : scan_files(root, files, 0, files.size(), options)) {
    add_file(std::move(file), result);
  }
  build_targets(result);
  std::vector<Finding> duplicates;
  SlugIndex().add(result.sources, duplicates);
  for (Finding& f : duplicates) result.findings.push_back(std::move(f));
  return result;
}

ScanCounts scan_in_slices(const std::filesystem::path& root, const ScanOptions& options,
                          std::size_t slice_files, const std::function<void(ScanResult&)>& sink,
                          std::size_t first_slice_files) {
  ContentWalk walk(root);
  slice_files = std::max<std::size_t>(slice_files, 1);
  std::size_t size =
      first_slice_files == 0 ? slice_files : std::min(first_slice_files, slice_files);
  SlugIndex slugs;
  ScanCounts total;
  std::vector<std::filesystem::path> files;
  for (;;) {
    files.clear();
    while (files.size() < size) {
      auto file = walk.next();
      if (!file) break;
      files.push_back(std::move(*file));
    }
    if (files.empty()) break;
    size = std::min(size * 2, slice_files);
    ScanResult slice;
    for (FileScan& file : scan_files(root, files, 0, files.size(), options)) {
      add_file(std::move(file), slice);
    }
    build_targets(slice);
    slugs.add(slice.sources, slice.findings);
    const ScanCounts& c = slice.counts;
    total.files_read += c.files_read;
    total.files_without_front_matter += c.files_without_front_matter;
    total.parse_errors += c.parse_errors;
    total.sources += c.sources;
    total.sources_with_links += c.sources_with_links;
    total.references += c.references;
    total.unusable_references += c.unusable_references;
    sink(slice);
  }
  return total;
}

}  // namespace linkhealth
