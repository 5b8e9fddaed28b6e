#pragma once
// Gumbo spends most of a page head's parse time on the raw text of inline <script> and <style>
// elements, one character token at a time, and we never read that text as markup. The skimmer
// hands Gumbo the page without those element bodies, so the parse tree is the same for
// everything we read, at a fraction of the cost. JSON-LD bodies are lifted out too (they are
// parsed as JSON, not HTML) and their script tags marked with the index of their text.
// <link> elements other than rel=canonical are dropped whole: stylesheets and preloads are a
// large share of a head's tags and nothing reads them (reading another rel means changing this).
// Past <body> (or </head>) text outside <h1> is dropped too: only the first headings are read
// there, and body text costs Gumbo about ten times more per byte than the skimmed head. So are
// the tags of inert body elements (p, a, li, div, ...) and whole <script>/<style> elements
// that nothing reads but their text: Gumbo's cost is per element as much as per byte.
// The rule for every cut: read_page_meta gives the same PageMeta as on the whole page
// (tests/markup_skim_test.cpp checks it on the fixture pages and on tricky markup).

#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

/// Attribute added to a JSON-LD <script> whose body was lifted out; its value is the index
/// into SkimmedHtml::json_ld_texts.
inline constexpr const char* kSkimmedJsonLdAttribute = "data-linkhealth-json-ld";

struct SkimmedHtml {
  std::string html;                             ///< the page minus skipped raw-text bodies
  std::vector<std::string_view> script_texts;   ///< removed bodies of scripts without a src
  std::vector<std::string_view> json_ld_texts;  ///< removed JSON-LD bodies (views of input)
};

/// Removes the bodies of inline <script> and <style> elements (the whole element unless it has
/// an id, or a src of a challenge platform or a parking service), non-canonical <link>s, body
/// text outside <h1> and the tags of inert body elements without an id. Other tags, comments,
/// head text, <title>/<textarea> text and SVG/MathML content pass through unchanged; a script
/// that contains "<!--" (whose end tokenizers find differently) is kept whole.
SkimmedHtml skim_raw_text(std::string_view html);

}  // namespace linkhealth
