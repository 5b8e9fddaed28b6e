// The real corpora (shared/corpus, see its README). The numbers pinned here were checked by
// hand: an independent Python pass over the files (PyYAML + urllib, same rules) gives the same
// counts, and the README's own figures are derived below from the scan result.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "extract/scan.h"
#include "extract/source_reader.h"
#include "tests/fuzz/fuzz_checks.h"

using linkhealth::ScanResult;

namespace {

const std::string kCorpus = LINKHEALTH_CORPUS_DIR;

std::map<std::string, std::size_t> findings_by_kind(const ScanResult& r) {
  std::map<std::string, std::size_t> out;
  for (const auto& f : r.findings) ++out[std::string(to_string(f.kind))];
  return out;
}

std::size_t files_with_kind(const ScanResult& r, const std::string& kind) {
  std::set<std::string> files;
  for (const auto& f : r.findings) {
    if (to_string(f.kind) == kind) files.insert(f.file);
  }
  return files.size();
}

/// Files where cleaning some URL field noted `what`.
std::size_t files_where_removed(const ScanResult& r, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    const auto& refs = r.source_refs[i];
    n += std::any_of(refs.begin(), refs.end(), [&](const linkhealth::ScannedRef& ref) {
      return std::any_of(ref.cleaned.removed.begin(), ref.cleaned.removed.end(),
                         [&](const std::string& s) { return s.find(what) != std::string::npos; });
    });
  }
  return n;
}

const ScanResult& medigy() {
  static const ScanResult result = linkhealth::scan_content(kCorpus + "/medigy", {});
  return result;
}

}  // namespace

TEST_CASE("medigy: every file is read and counted", "[corpus][medigy]") {
  const auto& c = medigy().counts;
  CHECK(c.files_read == 4020);
  CHECK(c.parse_errors == 0);  // the 14 shahid-shah profile pages use TOML (+++) front matter
  CHECK(c.files_without_front_matter == 0);
  CHECK(c.sources == 4020);
  CHECK(c.sources_with_links == 1085);
  CHECK(c.references == 4212);
  CHECK(c.unusable_references == 0);
  CHECK(c.unique_targets == 1095);
  CHECK(c.hosts == 327);
}

TEST_CASE("medigy: findings per kind", "[corpus][medigy]") {
  const std::map<std::string, std::size_t> expected = {
      {"no_url", 146},        {"no_scheme", 16},  {"whitespace", 12},    {"clean_url_mismatch", 10},
      {"cookie_wall_url", 6}, {"mobile_host", 4}, {"tracking_left", 54}, {"duplicate_slug", 19}};
  // tracking_left counts the Forbes ?sh= view id stored in one cleanUrl (7efd6976-...).
  CHECK(findings_by_kind(medigy()) == expected);
}

TEST_CASE("medigy: the corpus README's figures", "[corpus][medigy]") {
  const auto& r = medigy();
  std::size_t curated = 0;
  std::size_t with_href = 0;
  std::set<std::string> href_hosts;
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    if (r.sources[i].kind != "open-project-curations") continue;
    ++curated;
    for (const auto& ref : r.source_refs[i]) {
      if (ref.field.field != "link.href") continue;
      ++with_href;
      href_hosts.insert(ref.cleaned.host);
    }
  }
  CHECK(curated == 1115);
  CHECK(with_href == 969);
  CHECK(href_hosts.size() == 317);  // the README counts hosts of curated link.href only
  CHECK(files_with_kind(r, "no_url") == 146);
  CHECK(files_where_removed(r, "AddThis share fragment") == 28);
  CHECK(files_where_removed(r, "dropped dangling ?") == 3);
  CHECK(files_with_kind(r, "no_scheme") == 4);
  CHECK(files_with_kind(r, "whitespace") == 3);
  // The README says 2 cookie-wall captures: the two /action/cookieAbsent pages. The third is
  // nature.com's ?error=cookies_not_supported, which the issue also names as a capture.
  CHECK(files_with_kind(r, "cookie_wall_url") == 3);
  CHECK(files_with_kind(r, "mobile_host") == 2);
}

TEST_CASE("medigy: the hitconsultant article cleans to one target", "[corpus][medigy]") {
  const auto& r = medigy();
  const auto it = std::find_if(r.targets.begin(), r.targets.end(), [](const auto& t) {
    return t.request_url ==
           "https://hitconsultant.net/2020/12/07/"
           "healthcare-providers-interoperability-excellence-steps/";
  });
  REQUIRE(it != r.targets.end());
  CHECK(it->host == "hitconsultant.net");
  CHECK(it->refs.size() == 4);  // href, original, cleanUrl, sourceUrl of one file
  for (const auto& ref : it->refs) {
    CHECK(ref.raw.ends_with("#.X88gt1UzbIU"));
    CHECK(ref.slug ==
          "hitconsultant-5-steps-for-interoperability-excellence-for-healthcare-providers");
  }
}

TEST_CASE("healthcareguys: the older scalar link schema", "[corpus][healthcareguys]") {
  const ScanResult r = linkhealth::scan_content(kCorpus + "/healthcareguys", {});
  CHECK(r.counts.files_read == 520);
  CHECK(r.counts.parse_errors == 0);
  CHECK(r.counts.sources_with_links == 520);
  CHECK(r.counts.references == 520);
  CHECK(r.counts.unique_targets == 520);
  CHECK(r.counts.hosts == 102);
  for (const auto& s : r.sources) {
    REQUIRE(s.urls.size() == 1);
    CHECK(s.urls[0].field == "link");
  }
  const std::map<std::string, std::size_t> expected = {{"cookie_wall_url", 3}};
  CHECK(findings_by_kind(r) == expected);
}

TEST_CASE("medigy: parsing only the needed entries gives the same result as a full parse",
          "[corpus][medigy]") {
  linkhealth::ScanOptions strict;
  strict.full_yaml_check = true;
  const ScanResult full = linkhealth::scan_content(kCorpus + "/medigy", strict);
  const ScanResult& fast = medigy();
  REQUIRE(full.sources.size() == fast.sources.size());
  for (std::size_t i = 0; i < full.sources.size(); ++i) {
    const auto& a = full.sources[i];
    const auto& b = fast.sources[i];
    INFO(a.file);
    CHECK(a.slug == b.slug);
    CHECK(a.title == b.title);
    CHECK(a.description == b.description);
    CHECK(a.date == b.date);
    REQUIRE(a.urls.size() == b.urls.size());
    for (std::size_t k = 0; k < a.urls.size(); ++k) {
      CHECK(a.urls[k].raw == b.urls[k].raw);
      CHECK(a.urls[k].line == b.urls[k].line);
    }
  }
  CHECK(findings_by_kind(full) == findings_by_kind(fast));
  CHECK(full.targets.size() == fast.targets.size());
}

TEST_CASE("every corpus URL cleans idempotently and keeps its kept bytes as written",
          "[corpus][url_cleaner]") {
  // The default URL fields plus the healthcareguys ones that hold URLs too (signed CDN
  // images with Expires=/Signature= queries among them).
  linkhealth::ScanOptions options;
  for (const char* field : {"featuredImage", "dropmark.editURL", "source.apiendpoint"}) {
    options.url_fields.push_back(field);
  }
  std::size_t checked = 0;
  std::size_t cleaned = 0;
  for (const char* tree : {"/medigy", "/healthcareguys"}) {
    const ScanResult r = linkhealth::scan_content(kCorpus + tree, options);
    for (const auto& refs : r.source_refs) {
      for (const auto& ref : refs) {
        INFO(ref.field.raw);
        CHECK(linkhealth::fuzz::check_url_cleaner(ref.field.raw).value_or("ok") == "ok");
        ++checked;
        cleaned += ref.cleaned.ok;
      }
    }
  }
  CHECK(checked == 5806);
  CHECK(cleaned == 5258);  // the other 548 are featuredImage paths, which have no scheme
}

TEST_CASE("corpus: every file reads the same with and without the plain front matter reader",
          "[corpus][plain_yaml]") {
  const std::filesystem::path corpus = LINKHEALTH_CORPUS_DIR;
  std::size_t files = 0;
  std::size_t plain = 0;
  linkhealth::ScanOptions fast;
  linkhealth::ScanOptions judged;
  judged.plain_yaml_reader = false;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto relative = std::filesystem::relative(entry.path(), corpus);
    ++files;
    const auto split = linkhealth::split_front_matter(text);
    plain += split.block && linkhealth::plain_front_matter(*split.block, fast);
    INFO(relative.string());
    CHECK(linkhealth::fuzz::describe_read(linkhealth::source_from_text(text, relative, fast)) ==
          linkhealth::fuzz::describe_read(linkhealth::source_from_text(text, relative, judged)));
  }
  CHECK(files == 4540);
  // The others: 14 TOML blocks and 53 YAML ones outside the plain layout (lists of maps where
  // the selection of top-level entries fails, backslash escapes, comments after values, an
  // anchor). Fewer would still read right, only slower: this pins the speed-up.
  CHECK(plain == 4473);
}

TEST_CASE("corpus: the content walk lists the files in the order of a whole-tree sort",
          "[corpus]") {
  std::vector<std::filesystem::path> listed;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpus)) {
    if (entry.path().extension() == ".md" && !entry.is_directory()) {
      listed.push_back(entry.path().lexically_relative(kCorpus));
    }
  }
  std::sort(listed.begin(), listed.end());
  CHECK(listed.size() == 4541);  // the corpus README.md too
  CHECK(linkhealth::content_files(kCorpus) == listed);
}
