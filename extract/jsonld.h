#pragma once
// Reads article metadata from <script type="application/ld+json"> blocks: strict JSON only
// (broken blocks are ignored, not repaired), @graph flattened, top-level arrays, and only the
// node types that describe the page itself (articles first, then WebPage).

#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

/// One field's candidate values from article-like nodes, best first.
struct JsonLdFields {
  std::vector<std::string> headlines;
  std::vector<std::string> descriptions;
  std::vector<std::string> dates_published;
};

/// Collects the JSON-LD article fields of every block, in document order.
class JsonLdReader {
 public:
  /// Reads one script block; returns false (and reads nothing) when it is not strict JSON.
  bool add_block(std::string_view script_text);

  /// Candidates from article nodes (NewsArticle, Article, BlogPosting, ...) before WebPage nodes.
  /// String values are HTML-entity-decoded once.
  JsonLdFields fields() const;

 private:
  JsonLdFields articles_;
  JsonLdFields pages_;
};

}  // namespace linkhealth
