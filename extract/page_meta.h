#pragma once
// What a live page says about itself: the fields the metadata extractor reads from a page
// head, and the resolved title/description with the rule that picked them.

#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

struct PageMeta {
  std::string title;        ///< resolved title
  std::string title_rule;   ///< "og:title" | "twitter:title" | "jsonld:headline" | "title" | ""
  std::string description;  ///< resolved description
  std::string description_rule;  ///< "og:description" | "twitter:description" |
                                 ///< "meta:description" | "jsonld:description" | ""
  std::string og_title;
  std::string og_description;
  std::string og_url;
  std::string og_site_name;
  std::string og_image;
  std::string og_type;
  std::string twitter_title;
  std::string twitter_description;
  std::string html_title;
  std::string meta_description;
  std::string canonical;
  std::string jsonld_headline;
  std::string jsonld_description;
  std::string published;
  std::string lang;
  std::string refresh_url;           ///< target of <meta http-equiv=refresh>, absolute
  int refresh_delay_s = 0;           ///< its delay in whole seconds (when refresh_url is set)
  std::string script_redirect_url;   ///< target of a redirect-only inline script, absolute
  std::string encoding_declared;     ///< charset the page or HTTP header declared, "" if none
  std::string encoding_used;         ///< charset actually used to decode
  std::vector<std::string> signals;  ///< see extract/page_signals.h for the vocabulary
  std::vector<std::string> notes;    ///< conflicting duplicates, truncations, ...
};

/// What Gumbo parses: the skimmed page, or the whole page (slower, and the same PageMeta; tests
/// compare the two to check the skimmer).
enum class MarkupPass { Skimmed, Whole };

/// Reads a fetched page (whole or cut off after </head>): sniffs and converts its charset,
/// parses it, and fills every field. `content_type` is the HTTP Content-Type value ("" if
/// unknown); `final_url` is the URL after redirects, the base for relative URLs ("" if unknown,
/// then relative URLs stay as written). Never throws on bad input; see PageMeta::notes.
/// Gumbo parses the skimmed page (extract/markup_skim.h) unless `pass` says otherwise.
PageMeta read_page_meta(std::string_view body, std::string_view content_type,
                        std::string_view final_url, MarkupPass pass = MarkupPass::Skimmed);

}  // namespace linkhealth
