#pragma once
// The head of a generated news article as the crawler would read it: what the store benchmarks
// write with every check that has a page.

#include <string>

#include "extract/page_meta.h"

namespace linkhealth::bench {

inline PageMeta article_page(int i, const std::string& url) {
  PageMeta page;
  page.title = "Health system " + std::to_string(i) + " outlines its telehealth strategy";
  page.title_rule = "og:title";
  page.description = "A longer description of article " + std::to_string(i) +
                     " as the publisher wrote it in its og:description tag.";
  page.description_rule = "og:description";
  page.og_title = page.title;
  page.og_description = page.description;
  page.canonical = url;
  page.og_site_name = "Example News";
  return page;
}

}  // namespace linkhealth::bench
