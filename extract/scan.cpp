#include "extract/scan.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <stdexcept>
#include <system_error>
#include <thread>

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

void find_duplicate_slugs(ScanResult& result) {
  std::map<std::string, const Source*> first;
  for (const Source& source : result.sources) {
    auto [it, fresh] = first.emplace(source.slug, &source);
    if (fresh) continue;
    Finding f;
    f.kind = "duplicate_slug";
    f.slug = source.slug;
    f.file = source.file;
    f.detail = "slug '" + source.slug + "' is also used by " + it->second->file;
    result.findings.push_back(std::move(f));
  }
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
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw std::runtime_error("content directory " + root.string() +
                             " does not exist or is not a directory");
  }
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec)
    throw std::runtime_error("cannot read content directory " + root.string() + ": " +
                             ec.message());
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) break;
    if (it->path().extension() == ".md" && !it->is_directory(ec)) {
      files.push_back(it->path().lexically_relative(root));
    }
  }
  if (ec)
    throw std::runtime_error("cannot walk content directory " + root.string() + ": " +
                             ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

ScanResult scan_content(const std::filesystem::path& root, const ScanOptions& options) {
  const auto files = content_files(root);
  // Files are independent: read them on every core, then merge in file order so the result
  // does not depend on scheduling.
  std::vector<FileScan> scanned(files.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      scanned[i] = scan_file(root, files[i], options);
    }
  };
  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads && t < files.size(); ++t) pool.emplace_back(worker);
  worker();
  pool.clear();  // joins

  ScanResult result;
  for (FileScan& file : scanned) add_file(std::move(file), result);
  build_targets(result);
  find_duplicate_slugs(result);
  return result;
}

}  // namespace linkhealth
