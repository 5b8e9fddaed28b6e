#pragma once
// Which of a page's titles is *the* title: the one drift compares with the curated title, so a
// wrong pick is a false title_mismatch. og:title and twitter:title are written for sharing and
// win; a JSON-LD headline comes next only when it is the page's own name (see choose_title);
// else the <title>.

#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

/// The cleaned candidates of one page ("" when the page has none).
struct TitleCandidates {
  std::string_view og_title;
  std::string_view twitter_title;
  std::string_view jsonld_headline;
  std::string_view html_title;
  std::vector<std::string_view> site_names;  ///< og:site_name, JSON-LD WebSite/Organization names
};

struct TitleChoice {
  std::string title;
  std::string rule;  ///< "og:title" | "twitter:title" | "jsonld:headline" | "title" | ""
  std::string note;  ///< why a JSON-LD headline was passed over, "" otherwise
};

/// og:title → twitter:title → JSON-LD headline, if it names the page → <title>.
/// The headline names the page when at least three quarters of its words are in the <title>
/// (the title without its site suffix, as Yoast writes it), or the <title> is empty or only
/// the site's name (a single-page app's static title). Wikipedia's headline, a Wikidata
/// description such as "American politician", shares no words with "Barack Obama -
/// Wikipedia", so the <title> wins there although the node is typed Article.
TitleChoice choose_title(const TitleCandidates& candidates);

/// True when at least three quarters of the (distinct) words of `headline` are words of `title`
/// and the headline has at least half as many words as `title`; or `title` starts with it and
/// it is at least half of `title` (scripts without spaces). ASCII case is folded. Words are
/// ASCII-lowercased; punctuation (ASCII, dashes, curly quotes, no-break space, fullwidth bar)
/// separates them.
bool headline_fits_title(std::string_view headline, std::string_view title);

}  // namespace linkhealth
