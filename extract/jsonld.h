#pragma once
// Reads article metadata from <script type="application/ld+json"> blocks: strict JSON only
// (broken blocks are ignored, not repaired), @graph flattened, top-level arrays, and only the
// node types that describe the page itself (articles first, then WebPage). A block wrapped the
// XHTML way (`<![CDATA[ ... ]]>`, `<!-- ... -->`, `//<![CDATA[ ... //]]>`) is read inside its
// wrapper: the wrapper is markup convention, not broken JSON, and WordPress themes emit it.

#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

/// One field's candidate values from article-like nodes, best first.
struct JsonLdFields {
  std::vector<std::string> headlines;
  std::vector<std::string> descriptions;
  std::vector<std::string> dates_published;
  /// Names of the site: WebSite and Organization nodes, and the publisher of article nodes.
  std::vector<std::string> site_names;
};

/// The JSON text of a script block: surrounding whitespace and XHTML-era wrappers removed
/// (`<![CDATA[`/`]]>`, `<!--`/`-->`, each optionally behind `//` or inside `/* */`).
std::string_view unwrap_script_text(std::string_view script_text);

/// Collects the JSON-LD article fields of every block, in document order.
class JsonLdReader {
 public:
  /// Reads one script block; returns false (and reads nothing) when, unwrapped, it is not
  /// strict JSON.
  bool add_block(std::string_view script_text);

  /// Candidates from article nodes (NewsArticle, Article, BlogPosting, ...) before WebPage nodes.
  /// String values are HTML-entity-decoded once.
  JsonLdFields fields() const;

 private:
  JsonLdFields articles_;
  JsonLdFields pages_;
  std::vector<std::string> site_names_;
};

}  // namespace linkhealth
