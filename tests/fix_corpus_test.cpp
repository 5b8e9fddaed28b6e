// The rewriter over the real corpora (shared/corpus, 4,540 files with YAML and TOML front
// matter): a plan without edits writes nothing, and every editable value can be rewritten to a
// new URL with exactly that value read back and every other byte kept.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "extract/front_matter_edit.h"
#include "extract/scan.h"
#include "extract/source_reader.h"
#include "reports/content_fixes.h"
#include "store/fix_evidence.h"
#include "store/store.h"

using namespace linkhealth;

namespace {

const std::string kCorpus = LINKHEALTH_CORPUS_DIR;

std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ScanOptions fix_reading() {
  ScanOptions options;
  options.url_fields = fix_fields();
  return options;
}

/// Every field the source reader sees, with its value and line.
std::map<std::string, std::string> fields_of(const Source& source) {
  std::map<std::string, std::string> out;
  for (const UrlField& u : source.urls) out[u.field] = u.raw;
  out["title"] = source.title;
  out["slug"] = source.slug;
  out["description"] = source.description;
  out["date"] = source.date;
  return out;
}

}  // namespace

TEST_CASE("corpus: with nothing confirmed, fix plans no edit and every byte stays",
          "[corpus][fix]") {
  for (const char* tree : {"medigy", "healthcareguys"}) {
    const FixPlan plan =
        plan_content_fixes(kCorpus + "/" + tree, FixEvidence{},
                           FixOptions{{FixKind::Redirect, FixKind::Relocation}, nullptr});
    CHECK(plan.files_read > 500);
    CHECK(plan.edits.empty());
    CHECK(plan.files.empty());
    CHECK(plan.notes.empty());
  }
}

TEST_CASE("corpus: every editable value rewrites to a new URL and back, byte for byte",
          "[corpus][fix]") {
  const ScanOptions options = fix_reading();
  std::size_t files = 0;
  std::size_t values = 0;
  std::size_t quoted = 0;
  for (const char* tree : {"medigy", "healthcareguys"}) {
    const std::filesystem::path root = kCorpus + "/" + tree;
    for (const std::filesystem::path& relative : content_files(root)) {
      ++files;
      const std::string original = bytes_of(root / relative);
      const SourceRead read = source_from_text(original, relative, options);
      if (!read.source || read.source->urls.empty()) continue;
      INFO(relative.string());
      std::vector<ValueEdit> there;
      std::vector<ValueEdit> back;
      std::map<std::string, std::string> expected = fields_of(*read.source);
      for (const UrlField& url : read.source->urls) {
        const std::string moved = "https://fix.example/" + std::to_string(values++) + "?a=b#c";
        there.push_back({url.field, url.raw, moved});
        back.push_back({url.field, moved, url.raw});
        expected[url.field] = moved;
      }
      const FrontMatterEdits edited = edit_front_matter(original, there);
      for (const RefusedEdit& r : edited.refused) FAIL_CHECK(r.edit.field << ": " << r.reason);
      REQUIRE(edited.applied.size() == there.size());
      // Every other byte is the original's: the text is the original with the splices applied,
      // and each splice covers only the value it rewrote.
      std::string rebuilt;
      std::size_t at = 0;
      for (const AppliedEdit& a : edited.applied) {
        const std::string old_bytes =
            original.substr(a.splice.begin, a.splice.end - a.splice.begin);
        CHECK(old_bytes.find(a.edit.old_value.substr(0, 8)) != std::string::npos);
        quoted += old_bytes.front() == '"' || old_bytes.front() == '\'';
        rebuilt += original.substr(at, a.splice.begin - at) + a.splice.text;
        at = a.splice.end;
      }
      CHECK(rebuilt + original.substr(at) == edited.text);
      // The production reader (its fast path, independent of the rewriter's full parse) reads
      // exactly the new values and the same everything else.
      const SourceRead reread = source_from_text(edited.text, relative, options);
      REQUIRE(reread.source);
      CHECK(fields_of(*reread.source) == expected);
      // And back: the original bytes again.
      const FrontMatterEdits restored = edit_front_matter(edited.text, back);
      CHECK(restored.refused.empty());
      CHECK(restored.text == original);
    }
  }
  CHECK(files == 4540);  // 4,020 medigy + 520 healthcareguys
  // Non-blank string values of the four fields; PyYAML over the same files counts the same
  // (1,084 link.href, 969 cleanUrl, 970 sourceUrl, 9 videoUrl).
  CHECK(values == 3032);
  CHECK(quoted > 0);
}

TEST_CASE("corpus: a crawl's plan reads only the files its store names, and plans the same",
          "[corpus][fix]") {
  std::size_t edits = 0;
  for (const char* tree : {"medigy", "healthcareguys"}) {
    const std::filesystem::path root = kCorpus + "/" + tree;
    Store store = Store::open(":memory:");
    const std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
    const ScanResult scan = scan_content(root, ScanOptions{});
    store.record_sources(run, scan.sources, scan.targets);
    const FixEvidence evidence = load_fix_evidence(store.database(), 2);
    CHECK_FALSE(evidence.tracking_files.empty());
    FixOptions options{{FixKind::Redirect, FixKind::Tracking}, nullptr};
    const FixPlan every = plan_content_fixes(root, evidence, options);
    options.evidence_files_only = true;
    const FixPlan named = plan_content_fixes(root, evidence, options);
    INFO(tree);
    edits += every.edits.size();
    CHECK(named.edits == every.edits);
    CHECK(named.notes == every.notes);
    CHECK(named.files.size() == every.files.size());
    options.keep_texts = false;
    const FixPlan listed = plan_content_fixes(root, evidence, options);
    CHECK(listed.edits == every.edits);
    CHECK(listed.files.empty());
    CHECK(named.files_read == evidence.tracking_files.size());
    CHECK(named.files_read < every.files_read / 4);
  }
  CHECK(edits == 168);  // the tracking leftovers of the corpus (59 files)
}

TEST_CASE("corpus: the plain reader's edits are the parser's, byte for byte",
          "[corpus][fix][plain_yaml]") {
  const ScanOptions options = fix_reading();
  // New values written plain, double-quoted (a " #"), single-quoted ('') and with a backslash
  // escape (left to yaml-cpp after the edit).
  const std::vector<std::string> values = {"https://fix.example/a?b=c#d",
                                           "https://fix.example/a #d", "https://fix.example/it's",
                                           "https://fix.example/\"q\""};
  std::size_t files = 0;
  std::size_t decided = 0;
  for (const char* tree : {"medigy", "healthcareguys"}) {
    const std::filesystem::path root = kCorpus + "/" + tree;
    for (const std::filesystem::path& relative : content_files(root)) {
      const std::string original = bytes_of(root / relative);
      const SourceRead read = source_from_text(original, relative, options);
      if (!read.source || read.source->urls.empty()) continue;
      INFO(relative.string());
      ++files;
      bool plain = false;
      for (const std::string& value : values) {
        std::vector<ValueEdit> edits;
        for (const UrlField& url : read.source->urls) edits.push_back({url.field, url.raw, value});
        const auto fast = plain_front_matter_edits(original, edits);
        const FrontMatterEdits parsed = parsed_front_matter_edits(original, edits);
        if (fast) CHECK(*fast == parsed);
        CHECK(edit_front_matter(original, edits) == parsed);
        plain = plain || fast;
        // One field alone, in case the others hide a difference.
        const std::vector<ValueEdit> one(edits.end() - 1, edits.end());
        if (const auto alone = plain_front_matter_edits(original, one)) {
          CHECK(*alone == parsed_front_matter_edits(original, one));
        }
      }
      decided += plain;
    }
  }
  CHECK(files == 1085);
  // The files whose whole block is the plain layout (the scan's selection of entries is plain
  // for more: some carry lists of maps an edit must keep as they are). Fewer would still edit
  // right, only slower: this pins the speed-up.
  CHECK(decided == 966);
}
