// Every input a fuzzer crashed on, checked the same way as in the fuzz target (fuzz_checks.h)
// under the normal ASan/UBSan build, plus every seed in tests/fuzz/seeds/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "extract/tracking_rules.h"
#include "extract/url_cleaner.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("fuzz: a stray % in a host no longer grows on every cleaning", "[fuzz][cleaner]") {
  // url_cleaner_fuzz crash-2414f299...: curl 7.88 kept "o%" in the host and re-escaped it on
  // each get, so the request URL was not stable (%25, then %2525, ...).
  const std::string raw = "https://www.ama-assn.orgssn.o%#";
  CHECK_FALSE(linkhealth::fuzz::check_url_cleaner(raw));
  const auto cleaned = linkhealth::clean_url(raw, linkhealth::default_tracking_rules());
  CHECK_FALSE(cleaned.ok);
  CHECK(cleaned.error_kind == linkhealth::FindingKind::InvalidUrl);
  CHECK_THAT(cleaned.error, Catch::Contains("has a character hosts cannot hold"));
}

TEST_CASE("fuzz: a stray % in an internationalised host is refused too", "[fuzz][cleaner]") {
  // url_cleaner_fuzz crash-1ca83d0f...: libidn2 passes '%' through to the punycode host.
  const std::string raw =
      "https://w%w.B\xC3\xBC"
      "cher.de/stra\xC3\x9F"
      "e?q=1";
  CHECK_FALSE(linkhealth::fuzz::check_url_cleaner(raw));
  const auto cleaned = linkhealth::clean_url(raw, linkhealth::default_tracking_rules());
  CHECK_FALSE(cleaned.ok);
  CHECK_THAT(cleaned.error, Catch::Contains("w%w.B"));
}

TEST_CASE("fuzz: yaml-cpp's \\_ and \\N escapes no longer give invalid UTF-8 titles",
          "[fuzz][front_matter]") {
  // front_matter_fuzz crash-e2048812... (seed regress-yaml-cpp-latin1-escape), reduced:
  // yaml-cpp 0.7 writes \_ as the lone byte 0xA0 and \N as 0x85.
  const std::string text = "---\ntitle: \"Ho]pitals \\_ \\N\"\n---\n";
  CHECK(linkhealth::fuzz::check_front_matter(text).value_or("ok") == "ok");
  const auto read = linkhealth::source_from_text(text, "x.md", {});
  REQUIRE(read.source);
  CHECK(read.source->title == "Ho]pitals \xC2\xA0 \xC2\x85");
}

TEST_CASE("fuzz: filling a blank value adds the field the reader skipped before", "[fuzz][fix]") {
  // front_matter_edit_fuzz crash-2b251791... (seed regress-blank-toml-value.md): a blank
  // value is no URL to the reader, so the rewritten one is a field it reads for the first time;
  // the check expected the fields it read before only. The rewrite itself was right.
  const std::string value = "https://news.example/it's";
  const std::string file = "+++\ntitle = 'T'\n[link]\nhref =\"\"\n+++\n";
  CHECK(linkhealth::fuzz::check_front_matter_edit(value + "\n" + file).value_or("ok") == "ok");
  const auto edited = linkhealth::edit_front_matter(file, {{"link.href", "", value}});
  CHECK(edited.text == "+++\ntitle = 'T'\n[link]\nhref =\"" + value + "\"\n+++\n");
}

TEST_CASE("fuzz: a rewritten value at column 0 with an escaped quote reads the same in a scan",
          "[fuzz][fix]") {
  // front_matter_edit_fuzz crash-50bda0bd... (seed regress-escaped-quote-line.md): the scan's
  // selection of top-level entries took the rewritten `"...f\": \"h0..."` line for a key and
  // blanked it (see also front_matter_test.cpp).
  const std::string input =
      read_bytes(std::filesystem::path(LINKHEALTH_SOURCE_DIR) /
                 "tests/fuzz/seeds/front_matter_edit_fuzz/regress-escaped-quote-line.md");
  REQUIRE(input.find("f\": \"h0") != std::string::npos);
  CHECK(linkhealth::fuzz::check_front_matter_edit(input).value_or("ok") == "ok");
}

TEST_CASE("fuzz: every seed input keeps its target's properties", "[fuzz]") {
  const std::filesystem::path seeds =
      std::filesystem::path(LINKHEALTH_SOURCE_DIR) / "tests/fuzz/seeds";
  const std::pair<const char*, std::optional<std::string> (*)(std::string_view)> targets[] = {
      {"url_cleaner_fuzz", linkhealth::fuzz::check_url_cleaner},
      {"front_matter_fuzz", linkhealth::fuzz::check_front_matter},
      {"page_meta_fuzz", linkhealth::fuzz::check_page_meta},
      {"front_matter_edit_fuzz", linkhealth::fuzz::check_front_matter_edit},
      {"sitemap_fuzz", linkhealth::fuzz::check_sitemap},
      {"plain_yaml_fuzz", linkhealth::fuzz::check_plain_yaml_input},
  };
  for (const auto& [name, check] : targets) {
    std::size_t inputs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(seeds / name)) {
      INFO(entry.path().string());
      CHECK(check(read_bytes(entry.path())).value_or("ok") == "ok");
      ++inputs;
    }
    INFO(name);
    CHECK(inputs >= 5);
  }
}
