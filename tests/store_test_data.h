#pragma once
// Small builders shared by the store tests: sources, targets and check results shaped like
// the real content (curated articles pointing at news sites).

#include <string>
#include <vector>

#include "crawler/check_result.h"
#include "extract/source.h"
#include "extract/target.h"
#include "store/store.h"

namespace linkhealth::testdata {

inline Source article(const std::string& slug, const std::string& title,
                      const std::string& community = "/communities/chronic-care-management/") {
  Source s;
  s.slug = slug;
  s.title = title;
  s.description = "About " + title;
  s.brand = "HIT Consultant";
  s.community = community;
  s.date = "2020-12-08T08:42:21Z";
  s.file = "curated/" + slug + ".md";
  s.kind = "open-project-curations";
  return s;
}

inline std::string url_of(int i) {
  return "https://news" + std::to_string(i % 7) + ".example.com/article/" + std::to_string(i);
}

inline Target target_for(const Source& source, const std::string& url) {
  Target t;
  t.request_url = url;
  t.host = url.substr(8, url.find('/', 8) - 8);
  TargetRef ref;
  ref.slug = source.slug;
  ref.file = source.file;
  ref.field = "link.href";
  ref.raw = url + "#.X88gt1UzbIU";
  ref.clean = url;
  ref.removed = {"fragment #.X88gt1UzbIU (AddThis)"};
  ref.line = 12;
  t.refs.push_back(ref);
  return t;
}

/// The reference target_for makes, with the curated record of `source`.
inline CitingRef citing(const Source& source, const std::string& field = "link.href") {
  CitingRef ref;
  ref.slug = source.slug;
  ref.file = source.file;
  ref.field = field;
  ref.curated = {source.title, source.description, source.community};
  return ref;
}

/// Request URLs of the run's targets with `flag` (&TargetRecord::is_new / is_fixed), by host
/// then URL.
inline std::vector<std::string> flagged_urls(Store& store, std::int64_t run,
                                             bool TargetRecord::*flag) {
  std::vector<std::string> out;
  for (const TargetRecord& r : store.targets(run)) {
    if (r.*flag) out.push_back(r.request_url);
  }
  return out;
}

inline CheckResult result(const std::string& url, Verdict verdict, const std::string& title = "",
                          const std::string& checked_at = "2026-01-05T03:00:00Z") {
  CheckResult c;
  c.request_url = url;
  c.host = url.substr(8, url.find('/', 8) - 8);
  c.verdict = verdict;
  c.http_status = verdict == Verdict::Ok           ? 200
                  : verdict == Verdict::Broken     ? 404
                  : verdict == Verdict::Redirected ? 301
                                                   : 0;
  c.final_url = url;
  c.checked_at = checked_at;
  c.elapsed_ms = 123.5;
  c.bytes = 40960;
  c.attempts = 1;
  c.content_type = "text/html; charset=utf-8";
  c.etag = "\"abc\"";
  c.last_modified = "Tue, 08 Dec 2020 08:42:21 GMT";
  if (verdict == Verdict::Ok || verdict == Verdict::Redirected) {
    PageMeta page;
    page.title = title;
    page.title_rule = "og:title";
    page.description = "Live description";
    page.description_rule = "og:description";
    page.og_title = title;
    page.canonical = url;
    page.signals = {"article"};
    c.page = page;
  }
  if (verdict == Verdict::Redirected) {
    c.redirects = {{url, 301}, {url + "/moved", 200}};
    c.final_url = url + "/moved";
  }
  if (verdict == Verdict::Timeout) c.error = "timed out after 20 s";
  return c;
}

}  // namespace linkhealth::testdata

#include <filesystem>
#include <random>

namespace linkhealth::testdata {

/// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("linkhealth-store-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace linkhealth::testdata
