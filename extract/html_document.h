#pragma once
// A parsed HTML document: owns the GumboOutput* (and the UTF-8 buffer it points into) and
// walks elements in document order. Gumbo has already decoded character references in text
// and attribute values, so callers must not decode them again.

#include <gumbo.h>

#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

class HtmlDocument {
 public:
  /// Parses UTF-8 HTML (a whole page or a head cut off anywhere).
  explicit HtmlDocument(std::string utf8);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const { return output_->root; }

  /// Calls visit(const GumboNode&) for every element, in document (pre-)order. The content of
  /// a <template> is not part of the document (document.title ignores it), so it is skipped.
  template <class Visit>
  void for_each_element(Visit&& visit) const {
    std::vector<const GumboNode*> stack{output_->root};
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      if (node->type == GUMBO_NODE_TEMPLATE) visit(*node);
      if (node->type != GUMBO_NODE_ELEMENT) continue;
      visit(*node);
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i > 0; --i)
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }

 private:
  std::string utf8_;  // Gumbo's output points into this buffer
  // Every Gumbo allocation comes from this arena: parsing is malloc-bound otherwise, and
  // releasing the arena frees the whole output at once.
  std::pmr::monotonic_buffer_resource arena_;
  GumboOutput* output_;
};

/// The value of attribute `name` (lowercase) of an element, "" when absent.
std::string_view attribute(const GumboNode& element, const char* name);

/// True when the element has attribute `name`.
bool has_attribute(const GumboNode& element, const char* name);

/// Concatenated text of every text/whitespace/CDATA descendant, in document order.
std::string text_content(const GumboNode& element);

/// True for an element in the HTML namespace with the given tag.
bool is_html(const GumboNode& element, GumboTag tag);

/// Decodes HTML character references exactly once, for raw text that Gumbo did not decode
/// (JSON-LD string values); uses Gumbo's own entity table and numeric-reference rules.
std::string decode_html_entities(std::string_view text);

}  // namespace linkhealth
