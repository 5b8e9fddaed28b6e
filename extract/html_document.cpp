#include "extract/html_document.h"

#include <cstddef>
#include <stdexcept>
#include <utility>

namespace linkhealth {

namespace {

// Small enough to stay off mmap; the arena grows geometrically for big pages.
constexpr std::size_t kArenaStart = 32 * 1024;

void* arena_allocate(void* arena, std::size_t size) {
  return static_cast<std::pmr::memory_resource*>(arena)->allocate(size == 0 ? 1 : size,
                                                                  alignof(std::max_align_t));
}

void arena_deallocate(void* /*arena*/, void* /*ptr*/) {}  // the arena frees everything at once

void append_text(const GumboNode& node, std::string& out) {
  std::vector<const GumboNode*> stack{&node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      out += n->v.text.text;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
}

}  // namespace

HtmlDocument::HtmlDocument(std::string utf8)
    : utf8_(std::move(utf8)), arena_(kArenaStart), output_(nullptr) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = arena_allocate;
  options.deallocator = arena_deallocate;
  options.userdata = &arena_;
  options.max_errors = 0;  // nobody reads parse errors; recording them costs time
  output_ = gumbo_parse_with_options(&options, utf8_.data(), utf8_.size());
  if (output_ == nullptr) throw std::runtime_error("gumbo_parse failed");
}

// gumbo_destroy_output would only walk the tree calling the no-op deallocator; the arena
// member releases the output when it is destroyed.
HtmlDocument::~HtmlDocument() = default;

std::string_view attribute(const GumboNode& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.v.element.attributes, name);
  return attr != nullptr ? std::string_view(attr->value) : std::string_view();
}

bool has_attribute(const GumboNode& element, const char* name) {
  return gumbo_get_attribute(&element.v.element.attributes, name) != nullptr;
}

std::string text_content(const GumboNode& element) {
  std::string out;
  append_text(element, out);
  return out;
}

bool is_html(const GumboNode& element, GumboTag tag) {
  return element.v.element.tag == tag && element.v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

std::string decode_html_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  // A <textarea> is RCDATA: Gumbo decodes references there and treats nothing else as markup
  // except its end tag, which cannot appear once '<' is written as a reference. The leading
  // newline is the one the parser drops after <textarea>.
  std::string html = "<textarea>\n";
  for (char c : text) {
    if (c == '<')
      html += "&lt;";
    else
      html += c;
  }
  const HtmlDocument doc(std::move(html));
  std::string out;
  doc.for_each_element([&](const GumboNode& node) {
    if (out.empty() && is_html(node, GUMBO_TAG_TEXTAREA)) append_text(node, out);
  });
  return out;
}

}  // namespace linkhealth
