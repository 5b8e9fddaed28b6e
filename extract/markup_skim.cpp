#include "extract/markup_skim.h"

#include <array>
#include <string>

#include "extract/page_signals.h"
#include "extract/parked_domain.h"
#include "extract/tag_scan.h"

namespace linkhealth {

namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Elements whose content the tokenizer reads as text up to the matching end tag.
constexpr std::array<std::string_view, 8> kRawTextTags = {
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"};

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  for (std::string_view n : names)
    if (name == n) return true;
  return false;
}

// Body elements that hold no text we read and shape no part of the tree we read: their tags
// can go (their text already does, outside <h1>) without moving any <meta>, <title>, <h1>,
// <script>, <form> or <iframe> to another place or changing its text. Navigation lists,
// paragraphs and links are most of the tags of an article body.
constexpr std::array<std::string_view, 48> kInertBodyTags = {
    "a",    "abbr",   "article", "aside",      "b",      "bdi",    "bdo",     "blockquote",
    "br",   "cite",   "code",    "data",       "dd",     "del",    "dfn",     "div",
    "dl",   "dt",     "em",      "figcaption", "figure", "footer", "header",  "hr",
    "i",    "img",    "ins",     "kbd",        "li",     "main",   "mark",    "nav",
    "ol",   "p",      "picture", "q",          "s",      "samp",   "section", "small",
    "span", "strong", "sub",     "sup",        "time",   "u",      "ul",      "wbr"};

// Position of the end tag `</name` (followed by space, '/' or '>') from `from`, or npos.
std::size_t find_end_tag(std::string_view s, std::string_view name, std::size_t from) {
  for (std::size_t at = s.find("</", from); at != std::string_view::npos;
       at = s.find("</", at + 2)) {
    const std::size_t after = at + 2 + name.size();
    if (after > s.size()) return std::string_view::npos;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k) same = lower(s[at + 2 + k]) == name[k];
    if (same &&
        (after == s.size() || is_html_space(s[after]) || s[after] == '/' || s[after] == '>'))
      return at;
  }
  return std::string_view::npos;
}

// Index just past the '>' that closes the construct starting with `<` at i, or s.size().
std::size_t skip_to_gt(std::string_view s, std::size_t i) {
  const std::size_t gt = s.find('>', i);
  return gt == std::string_view::npos ? s.size() : gt + 1;
}

std::size_t skip_comment(std::string_view s, std::size_t i) {
  std::size_t body = i + 4;
  if (s.compare(body, 1, ">") == 0) return body + 1;   // "<!-->"
  if (s.compare(body, 2, "->") == 0) return body + 2;  // "<!--->"
  const std::size_t end = s.find("-->", body);
  return end == std::string_view::npos ? s.size() : end + 3;
}

}  // namespace

SkimmedHtml skim_raw_text(std::string_view s) {
  SkimmedHtml out;
  out.html.reserve(s.size());
  int foreign_depth = 0;  // inside <svg>/<math>, <script>/<style> are ordinary markup
  TagAttribute attr;
  std::string name;
  std::size_t copied = 0;  // s[copied, i) is still to be copied
  std::size_t i = 0;
  bool in_body = false;  // past <body> or </head>: text outside <h1> is never read
  bool in_h1 = false;
  while (true) {
    std::size_t lt = s.find('<', i);
    if (in_body && !in_h1 && foreign_depth == 0) {
      // Drop the text run before this tag: Gumbo tokenizes body text one character at a time,
      // and a few KB of paragraphs cost more than the whole skimmed head.
      const std::size_t run_end = lt == std::string_view::npos ? s.size() : lt;
      if (run_end > i) {
        out.html.append(s.substr(copied, i - copied));
        copied = run_end;
      }
    }
    if (lt == std::string_view::npos || lt + 1 >= s.size()) break;
    i = lt;
    if (s[i + 1] == '!' && s.compare(i, 4, "<!--") == 0) {
      i = skip_comment(s, i);
      continue;
    }
    const bool end_tag = s[i + 1] == '/';
    const std::size_t name_at = i + (end_tag ? 2 : 1);
    if (name_at >= s.size() || !is_alpha(s[name_at])) {
      i = (s[i + 1] == '!' || s[i + 1] == '?' || end_tag) ? skip_to_gt(s, i) : i + 1;
      continue;
    }
    std::size_t j = name_at;
    name.clear();
    while (j < s.size() && !is_html_space(s[j]) && s[j] != '/' && s[j] != '>')
      name += lower(s[j++]);
    bool json_ld = false;
    bool canonical = false;
    bool has_id = false;    // page signals read element ids (challenge forms)
    bool src_read = false;  // a script src that page signals would read, or might
    bool has_src = false;   // a script with a src runs that, never its own text
    // string_view comparisons test the length first; std::string == "literal" calls strlen
    // and memcmp on every tag and attribute of a 20 KB head.
    const std::string_view tag = name;
    while (next_tag_attribute(s, j, attr)) {
      const std::string_view attr_name = attr.name;
      if (attr_name == "type") json_ld = attr.value.rfind("application/ld+json", 0) == 0;
      if (attr_name == "rel") canonical = attr.value.find("canonical") != std::string::npos;
      if (attr_name == "id") has_id = true;
      if (attr_name == "src" && tag == "script") {
        // Gumbo decodes character references in the value; a raw '&' could hide a match.
        src_read = is_challenge_script_src(attr.value) || is_parking_script_src(attr.value) ||
                   attr.value.find('&') != std::string::npos;
        has_src = !attr.value.empty();
      }
    }
    const bool self_closing = j < s.size() && s[j - 1] == '/';
    const std::size_t tag_end = j;  // at '>' (or the end of input)
    i = j < s.size() ? j + 1 : s.size();
    if (tag == "svg" || tag == "math") {
      if (end_tag && foreign_depth > 0) --foreign_depth;
      if (!end_tag && !self_closing) ++foreign_depth;
      continue;
    }
    if (foreign_depth > 0) continue;
    if (tag == "h1") in_h1 = !end_tag;
    if ((tag == "body" && !end_tag) || (tag == "head" && end_tag)) in_body = true;
    if (in_body && !has_id && tag_end < s.size() && is_one_of(tag, kInertBodyTags)) {
      out.html.append(s.substr(copied, lt - copied));
      copied = i;
      continue;
    }
    if (end_tag) continue;
    if (tag == "link" && !canonical && tag_end < s.size()) {
      // A void element that shapes no other part of the tree; only rel=canonical is read.
      out.html.append(s.substr(copied, lt - copied));
      copied = i;
      continue;
    }
    if (tag == "plaintext") break;  // everything after it is text
    if (!is_one_of(tag, kRawTextTags)) continue;
    const std::size_t end = find_end_tag(s, tag, i);
    const std::size_t body_end = end == std::string_view::npos ? s.size() : end;
    const std::string_view body = s.substr(i, body_end - i);
    const bool drop = (tag == "style" || tag == "script") && tag_end < s.size() &&
                      body.find("<!--") == std::string_view::npos;
    if (drop && json_ld) {
      // Mark the tag so the JSON-LD reader finds its text: <script ... data-...="N">.
      const std::size_t mark_at = self_closing ? tag_end - 1 : tag_end;
      out.html.append(s.substr(copied, mark_at - copied));
      out.html += std::string(" ") + kSkimmedJsonLdAttribute + "=\"" +
                  std::to_string(out.json_ld_texts.size()) + "\"";
      out.html.append(s.substr(mark_at, i - mark_at));
      out.json_ld_texts.push_back(body);
      copied = body_end;
    } else if (drop) {
      if (tag == "script" && !has_src) out.script_texts.push_back(body);
      const bool read = has_id || (tag == "script" && src_read);
      if (!read && end != std::string_view::npos) {
        // Nothing reads this element but its text (kept in script_texts): drop it whole.
        out.html.append(s.substr(copied, lt - copied));
        copied = skip_to_gt(s, body_end);
        i = copied;
        continue;
      }
      out.html.append(s.substr(copied, i - copied));
      copied = body_end;
    }
    i = body_end;
  }
  out.html.append(s.substr(copied));
  return out;
}

}  // namespace linkhealth
