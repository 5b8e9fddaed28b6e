#pragma once
// The realistic page heads of tests/fixtures/pages/ for the long-tail verdict tests: read as
// bytes, or as the PageMeta the crawler would get for them at a given URL.

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "extract/page_meta.h"

namespace linkhealth::testing {

inline std::string fixture_page(const std::string& name) {
  const std::string path = std::string(LINKHEALTH_FIXTURES_DIR) + "/pages/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline PageMeta fixture_meta(const std::string& name,
                             const std::string& url = "https://news.example.com/2020/05/story") {
  return read_page_meta(fixture_page(name), "text/html; charset=utf-8", url);
}

inline bool has_signal(const PageMeta& page, std::string_view signal) {
  for (const std::string& s : page.signals)
    if (s == signal) return true;
  return false;
}

}  // namespace linkhealth::testing
