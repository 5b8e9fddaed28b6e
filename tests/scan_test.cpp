#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "extract/content_walk.h"
#include "extract/scan.h"
#include "tests/temp_tree.h"

using linkhealth::Finding;
using linkhealth::FindingKind;
using linkhealth::ScanResult;
using linkhealth::to_string;
using linkhealth::testing::TempTree;

namespace {

std::string curated(const std::string& slug, const std::string& href, const std::string& original,
                    const std::string& clean, const std::string& source) {
  return "---\nslug: " + slug + "\nsource: open-project-curations\nlink:\n  href: '" + href +
         "'\n  original: '" + original + "'\nopenProjectCustomFields:\n  cleanUrl: '" + clean +
         "'\n  sourceUrl: '" + source + "'\n---\n";
}

std::vector<Finding> of_kind(const ScanResult& r, const std::string& kind) {
  std::vector<Finding> out;
  std::copy_if(r.findings.begin(), r.findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return to_string(f.kind) == kind; });
  return out;
}

}  // namespace

TEST_CASE("references that differ only by tracking share one target", "[extract][scan]") {
  TempTree tree;
  const std::string with_fragment = "https://hitconsultant.net/2020/12/07/steps/#.X88gt1UzbIU";
  tree.write("a.md", curated("a", with_fragment, with_fragment,
                             "https://hitconsultant.net/2020/12/07/steps/", with_fragment));
  tree.write("b.md", curated("b", "https://hitconsultant.net/2020/12/07/steps/?utm_source=x",
                             "https://hitconsultant.net/2020/12/07/steps/",
                             "https://hitconsultant.net/2020/12/07/steps/",
                             "https://hitconsultant.net/2020/12/07/steps/"));
  const ScanResult r = linkhealth::scan_content(tree.root(), {});
  REQUIRE(r.targets.size() == 1);
  CHECK(r.targets[0].request_url == "https://hitconsultant.net/2020/12/07/steps/");
  CHECK(r.targets[0].host == "hitconsultant.net");
  CHECK(r.targets[0].refs.size() == 8);
  CHECK(r.counts.references == 8);
  CHECK(r.counts.hosts == 1);
  CHECK(r.findings.empty());
}

TEST_CASE("a stored clean URL with tracking or from another page is reported", "[extract][scan]") {
  TempTree tree;
  tree.write("left.md", curated("left", "https://example.org/a", "https://example.org/a",
                                "https://example.org/a?utm_medium=email",
                                "https://example.org/a?utm_medium=email"));
  tree.write("wall.md", curated("wall", "https://catalyst.nejm.org/action/cookieAbsent",
                                "https://catalyst.nejm.org/doi/full/10.1056/CAT.20.0123",
                                "https://catalyst.nejm.org/action/cookieAbsent",
                                "https://catalyst.nejm.org/doi/full/10.1056/CAT.20.0123"));
  const ScanResult r = linkhealth::scan_content(tree.root(), {});
  const auto left = of_kind(r, "tracking_left");
  REQUIRE(left.size() == 1);
  CHECK(left[0].file == "left.md");
  CHECK(left[0].field == "openProjectCustomFields.cleanUrl");
  CHECK_THAT(left[0].detail, Catch::Contains("utm_medium=email"));
  const auto mismatch = of_kind(r, "clean_url_mismatch");
  REQUIRE(mismatch.size() == 1);
  CHECK(mismatch[0].slug == "wall");
  CHECK(of_kind(r, "cookie_wall_url").size() == 2);  // link.href and cleanUrl
}

TEST_CASE("URL value problems each get their finding", "[extract][scan]") {
  TempTree tree;
  tree.write("ws.md", "---\nlink:\n  href: ' https://example.org/x'\n---\n");
  tree.write("www.md", "---\nlink:\n  href: www.medigy.com\n---\n");
  tree.write("bare.md", "---\nlink:\n  href: medigy.com/x\n---\n");
  tree.write("mail.md", "---\nlink:\n  href: mailto:a@example.org\n---\n");
  tree.write("bad.md", "---\nlink:\n  href: https://exa mple.org/\n---\n");
  tree.write("m.md", "---\nlink:\n  href: https://m.youtube.com/watch?v=1\n---\n");
  tree.write("consent.md",
             "---\nlink:\n  href: https://consent.yahoo.com/v2/collectConsent\n---\n");
  const ScanResult r = linkhealth::scan_content(tree.root(), {});
  auto file_of = [&](const std::string& kind) {
    const auto found = of_kind(r, kind);
    return found.size() == 1 ? found[0].file : std::to_string(found.size()) + " findings";
  };
  CHECK(file_of("whitespace") == "ws.md");
  CHECK(of_kind(r, "no_scheme").size() == 2);
  CHECK(file_of("unsupported_scheme") == "mail.md");
  CHECK(file_of("invalid_url") == "bad.md");
  CHECK(file_of("mobile_host") == "m.md");
  CHECK(file_of("cookie_wall_url") == "consent.md");
  CHECK(r.counts.references == 7);
  CHECK(r.counts.unusable_references == 3);  // bare, mail, bad
  CHECK(r.targets.size() == 4);
}

TEST_CASE("curated files without a link and duplicate slugs are reported", "[extract][scan]") {
  TempTree tree;
  tree.write("a/empty.md",
             "---\nslug: same\nsource: open-project-curations\nlink:\n  href: ''\n---\n");
  tree.write("b/other.md", "---\nslug: same\nlink:\n  href: https://example.org/\n---\n");
  tree.write("c/old.md", "---\nlink: ''\n---\n");
  tree.write("d/_index.md", "---\ntitle: section\n---\n");
  tree.write("e/_index.md", "---\ntitle: section\n---\n");
  const ScanResult r = linkhealth::scan_content(tree.root(), {});
  const auto no_url = of_kind(r, "no_url");
  REQUIRE(no_url.size() == 2);
  CHECK(no_url[0].file == "a/empty.md");
  CHECK(no_url[0].field == "link.href");
  CHECK(no_url[1].file == "c/old.md");
  const auto dup = of_kind(r, "duplicate_slug");
  REQUIRE(dup.size() == 1);  // section pages are named after their folder
  CHECK(dup[0].file == "b/other.md");
  CHECK_THAT(dup[0].detail, Catch::Contains("a/empty.md"));
}

TEST_CASE("scan_file reads one file on its own", "[extract][scan]") {
  TempTree tree;
  tree.write("x/one.md", "---\nslug: one\nlink:\n  href: https://example.org/?fbclid=1\n---\n");
  const auto file = linkhealth::scan_file(tree.root(), "x/one.md", {});
  REQUIRE(file.source);
  CHECK(file.source->slug == "one");
  REQUIRE(file.refs.size() == 1);
  CHECK(file.refs[0].cleaned.request_url == "https://example.org/");
  CHECK(file.findings.empty());
}

TEST_CASE("the URL field list is configurable", "[extract][scan]") {
  TempTree tree;
  tree.write("x.md",
             "---\nlink:\n  href: https://example.org/a\nhomepage: https://example.org/b\n"
             "featuredImage:\n  href: picture.png\n---\n");
  linkhealth::ScanOptions options;
  options.url_fields = {"homepage"};
  const ScanResult r = linkhealth::scan_content(tree.root(), options);
  REQUIRE(r.targets.size() == 1);
  CHECK(r.targets[0].request_url == "https://example.org/b");
  CHECK(linkhealth::scan_content(tree.root(), {}).targets.size() == 1);  // not picture.png
}

TEST_CASE("a scan in slices reads what one scan reads", "[extract][scan]") {
  TempTree tree;
  const std::string shared = "https://example.org/shared";
  tree.write("a/one.md", curated("one", shared, shared + "?utm_source=x", shared, shared));
  tree.write("b/two.md", curated("two", "https://example.org/2", "", "", ""));
  tree.write("c/three.md", curated("one", shared + "#.X88gt1UzbIU", "", "", ""));  // slug again
  tree.write("d/bad.md", "---\nslug: [unclosed\n---\n");
  tree.write("e/four.md", curated("four", " https://example.org/4", "", "", ""));
  const ScanResult whole = linkhealth::scan_content(tree.root(), {});

  std::vector<linkhealth::Source> sources;
  std::vector<Finding> findings;
  std::map<std::string, std::size_t> refs_per_url;
  std::vector<std::size_t> slice_sizes;
  const auto counts = linkhealth::scan_in_slices(tree.root(), {}, 2, [&](ScanResult& slice) {
    slice_sizes.push_back(slice.counts.files_read);
    for (auto& s : slice.sources) sources.push_back(s);
    for (auto& f : slice.findings) findings.push_back(f);
    for (auto& t : slice.targets) refs_per_url[t.request_url] += t.refs.size();
  });
  CHECK(slice_sizes == std::vector<std::size_t>{2, 2, 1});
  // Growing slices read the same files: 1, then 2, then the rest.
  std::vector<std::size_t> growing;
  std::size_t growing_sources = 0;
  linkhealth::scan_in_slices(
      tree.root(), {}, 4,
      [&](ScanResult& slice) {
        growing.push_back(slice.counts.files_read);
        growing_sources += slice.sources.size();
      },
      1);
  CHECK(growing == std::vector<std::size_t>{1, 2, 2});
  CHECK(growing_sources == whole.sources.size());
  CHECK(counts.files_read == whole.counts.files_read);
  CHECK(counts.parse_errors == 1);
  CHECK(counts.sources == whole.counts.sources);
  CHECK(counts.references == whole.counts.references);
  CHECK(counts.unusable_references == whole.counts.unusable_references);
  REQUIRE(sources.size() == whole.sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) CHECK(sources[i].file == whole.sources[i].file);
  std::map<std::string, std::size_t> whole_refs;
  for (const auto& t : whole.targets) whole_refs[t.request_url] = t.refs.size();
  CHECK(refs_per_url == whole_refs);  // the shared URL's refs add up over the slices
  const auto key = [](const Finding& f) {
    return std::string(to_string(f.kind)) + "|" + f.file + "|" + f.field + "|" + f.detail;
  };
  std::multiset<std::string> sliced_keys, whole_keys;
  for (const auto& f : findings) sliced_keys.insert(key(f));
  for (const auto& f : whole.findings) whole_keys.insert(key(f));
  CHECK(sliced_keys == whole_keys);
  const auto dup = std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.kind == FindingKind::DuplicateSlug;
  });
  CHECK(dup == 1);
}

TEST_CASE("the content walk gives every .md file in path order, one directory at a time",
          "[scan]") {
  TempTree tree;
  for (const char* file : {"a.md", "a/x.md", "a-b/y.md", "a/b/z.md", "A.md", "b.md", "a/c.txt",
                           "a.md.d/w.md", "index.md", "a/_index.md", "z/deep/er/most.md"}) {
    tree.write(file, "---\ntitle: t\n---\n");
  }
  std::vector<std::filesystem::path> listed;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(tree.root())) {
    if (entry.path().extension() == ".md" && !entry.is_directory()) {
      listed.push_back(entry.path().lexically_relative(tree.root()));
    }
  }
  std::sort(listed.begin(), listed.end());
  REQUIRE(listed.size() == 10);
  std::vector<std::filesystem::path> walked;
  linkhealth::ContentWalk walk(tree.root());
  while (auto file = walk.next()) walked.push_back(*file);
  CHECK(walked == listed);
  CHECK(linkhealth::content_files(tree.root()) == listed);
  CHECK_THROWS_AS(linkhealth::ContentWalk(tree.root() / "missing"), std::runtime_error);
}
