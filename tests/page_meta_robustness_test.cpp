// read_page_meta on damaged pages: truncated anywhere, bytes flipped. Fixed seed, so any
// failure reproduces; run under ASan/UBSan by scripts/test.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "extract/page_meta.h"
#include "extract/text_hygiene.h"
#include "extract/transcode.h"

namespace {

std::vector<std::string> all_fixture_pages() {
  std::vector<std::string> pages;
  const auto dir = std::filesystem::path(LINKHEALTH_FIXTURES_DIR) / "pages";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    pages.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return pages;
}

void check_sane(const linkhealth::PageMeta& m) {
  CHECK_FALSE(m.encoding_used.empty());
  for (const std::string* text : {&m.title, &m.description, &m.html_title, &m.og_title}) {
    CHECK(linkhealth::is_valid_utf8(*text));
    CHECK(text->size() <= 4 * linkhealth::kMaxTextChars);
  }
}

}  // namespace

TEST_CASE("damaged pages never crash and give valid UTF-8", "[page_meta][robustness]") {
  const std::vector<std::string> pages = all_fixture_pages();
  REQUIRE(pages.size() >= 15);
  std::mt19937 rng(20240501);
  const std::vector<std::string> content_types = {"",
                                                  "text/html; charset=utf-8",
                                                  "text/html; charset=windows-1252",
                                                  "text/html; charset=utf-16le",
                                                  "text/html; charset=bogus",
                                                  "text/html; charset=gb18030",
                                                  "text/html; charset=shift_jis",
                                                  "text/html; charset=big5",
                                                  "text/html; charset=iso-2022-jp",
                                                  "text/html; charset=x-user-defined",
                                                  "text/html; charset=iso-2022-kr"};
  for (int round = 0; round < 200; ++round) {
    std::string page = pages[rng() % pages.size()];
    if (!page.empty()) page.resize(rng() % (page.size() + 1));  // cut anywhere
    for (int flips = static_cast<int>(rng() % 6); flips > 0 && !page.empty(); --flips)
      page[rng() % page.size()] = static_cast<char>(rng() % 256);
    check_sane(linkhealth::read_page_meta(page, content_types[rng() % content_types.size()],
                                          round % 2 ? "https://news.example.com/a/b" : ""));
  }
}
