#include "extract/markup_skim.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>

#include "extract/meta_keys.h"
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
constexpr bool is_raw_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

// The tags the skimmer tells apart, by name. A look in the few names of a tag's first letter
// costs a fraction of gumbo_tagn_enum, and Gumbo 0.10 has no GumboTag for <picture>.
struct KnownTag {
  std::string_view name;
  GumboTag tag;
  // A body element that holds no text we read and shapes no part of the tree we read: its tags
  // can go (its text already does, outside <h1>) without moving any <meta>, <title>, <h1>,
  // <script>, <form> or <iframe> to another place or changing its text. Navigation lists,
  // paragraphs and links are most of the tags of an article body.
  bool inert = false;
};

constexpr KnownTag kKnownTags[] = {
    // sorted by name
    {"a", GUMBO_TAG_A, true},
    {"abbr", GUMBO_TAG_ABBR, true},
    {"article", GUMBO_TAG_ARTICLE, true},
    {"aside", GUMBO_TAG_ASIDE, true},
    {"b", GUMBO_TAG_B, true},
    {"bdi", GUMBO_TAG_BDI, true},
    {"bdo", GUMBO_TAG_BDO, true},
    {"blockquote", GUMBO_TAG_BLOCKQUOTE, true},
    {"body", GUMBO_TAG_BODY},
    {"br", GUMBO_TAG_BR, true},
    {"cite", GUMBO_TAG_CITE, true},
    {"code", GUMBO_TAG_CODE, true},
    {"data", GUMBO_TAG_DATA, true},
    {"dd", GUMBO_TAG_DD, true},
    {"del", GUMBO_TAG_DEL, true},
    {"dfn", GUMBO_TAG_DFN, true},
    {"div", GUMBO_TAG_DIV, true},
    {"dl", GUMBO_TAG_DL, true},
    {"dt", GUMBO_TAG_DT, true},
    {"em", GUMBO_TAG_EM, true},
    {"figcaption", GUMBO_TAG_FIGCAPTION, true},
    {"figure", GUMBO_TAG_FIGURE, true},
    {"footer", GUMBO_TAG_FOOTER, true},
    {"h1", GUMBO_TAG_H1},
    {"head", GUMBO_TAG_HEAD},
    {"header", GUMBO_TAG_HEADER, true},
    {"hr", GUMBO_TAG_HR, true},
    {"i", GUMBO_TAG_I, true},
    {"iframe", GUMBO_TAG_IFRAME},
    {"img", GUMBO_TAG_IMG, true},
    {"ins", GUMBO_TAG_INS, true},
    {"kbd", GUMBO_TAG_KBD, true},
    {"li", GUMBO_TAG_LI, true},
    {"link", GUMBO_TAG_LINK},
    {"main", GUMBO_TAG_MAIN, true},
    {"mark", GUMBO_TAG_MARK, true},
    {"math", GUMBO_TAG_MATH},
    {"meta", GUMBO_TAG_META},
    {"nav", GUMBO_TAG_NAV, true},
    {"noembed", GUMBO_TAG_NOEMBED},
    {"noframes", GUMBO_TAG_NOFRAMES},
    {"ol", GUMBO_TAG_OL, true},
    {"p", GUMBO_TAG_P, true},
    {"picture", GUMBO_TAG_UNKNOWN, true},
    {"plaintext", GUMBO_TAG_PLAINTEXT},
    {"q", GUMBO_TAG_Q, true},
    {"s", GUMBO_TAG_S, true},
    {"samp", GUMBO_TAG_SAMP, true},
    {"script", GUMBO_TAG_SCRIPT},
    {"section", GUMBO_TAG_SECTION, true},
    {"small", GUMBO_TAG_SMALL, true},
    {"span", GUMBO_TAG_SPAN, true},
    {"strong", GUMBO_TAG_STRONG, true},
    {"style", GUMBO_TAG_STYLE},
    {"sub", GUMBO_TAG_SUB, true},
    {"sup", GUMBO_TAG_SUP, true},
    {"svg", GUMBO_TAG_SVG},
    {"textarea", GUMBO_TAG_TEXTAREA},
    {"time", GUMBO_TAG_TIME, true},
    {"title", GUMBO_TAG_TITLE},
    {"u", GUMBO_TAG_U, true},
    {"ul", GUMBO_TAG_UL, true},
    {"wbr", GUMBO_TAG_WBR, true},
    {"xmp", GUMBO_TAG_XMP},
};

static_assert(std::is_sorted(std::begin(kKnownTags), std::end(kKnownTags),
                             [](const KnownTag& a, const KnownTag& b) { return a.name < b.name; }));

// Where the names of each first letter start in kKnownTags; [26] is the end.
constexpr std::array<std::size_t, 27> kFirstOfLetter = [] {
  std::array<std::size_t, 27> first{};
  std::size_t k = 0;
  for (std::size_t letter = 0; letter < first.size(); ++letter) {
    while (k < std::size(kKnownTags) &&
           static_cast<std::size_t>(kKnownTags[k].name[0] - 'a') < letter)
      ++k;
    first[letter] = k;
  }
  return first;
}();

// The entry for a lowercase tag name, or nullptr.
const KnownTag* known_tag(std::string_view name) {
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return nullptr;
  const auto letter = static_cast<std::size_t>(name[0] - 'a');
  for (std::size_t k = kFirstOfLetter[letter]; k < kFirstOfLetter[letter + 1]; ++k)
    if (kKnownTags[k].name == name) return &kKnownTags[k];
  return nullptr;
}

bool is_all_html_space(std::string_view text) {
  for (char c : text)
    if (!is_html_space(c)) return false;
  return true;
}

// True when a name= or property= value may name a key the page metadata reads: it contains
// one (tokens and case aside), or a character reference that Gumbo decodes into who knows what.
bool may_name_meta_key(std::string_view value) {
  if (value.find('&') != std::string_view::npos) return true;
  for (std::string_view key : kMetaKeys)
    if (value.find(key) != std::string_view::npos) return true;
  return false;
}

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

// True when Gumbo's text for these raw-text bytes (valid UTF-8) is the bytes themselves: it
// turns CR and CRLF into LF, and control characters (but tab, LF and FF), DEL, C1 controls and
// noncharacters into U+FFFD. A script body lifted out is read as Gumbo would give it only then.
bool reads_as_written(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighs = 0x8080808080808080;
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      // Eight printable ASCII bytes at once (a byte below 0x20, or above 0x7E, flags them).
      std::uint64_t x = 0;
      std::memcpy(&x, p + i, 8);
      if (((((x - kOnes * 0x20) & ~x) | ((x + kOnes) | x)) & kHighs) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    const std::size_t left = n - i;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\f') return false;
    if (c == 0x7F) return false;
    if (c == 0xC2 && left > 1 && p[i + 1] < 0xA0) return false;  // U+0080..U+009F
    if (c == 0xEF && left > 2 &&
        ((p[i + 1] == 0xB7 && p[i + 2] >= 0x90 && p[i + 2] <= 0xAF) ||  // U+FDD0..U+FDEF
         (p[i + 1] == 0xBF && p[i + 2] >= 0xBE)))                       // U+FFFE, U+FFFF
      return false;
    if (c >= 0xF0 && left > 3 && (p[i + 1] & 0x0F) == 0x0F && p[i + 2] == 0xBF &&
        p[i + 3] >= 0xBE)  // U+1FFFE, U+1FFFF, ... U+10FFFF
      return false;
    ++i;
  }
  return true;
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
  // A tag or doctype came before: dropping a tag can no longer make another one the first,
  // which would decide quirks mode instead of the doctype after it.
  bool past_first_tag = false;
  while (true) {
    std::size_t lt = s.find('<', i);
    const std::size_t run_end = lt == std::string_view::npos ? s.size() : lt;
    // Drop the text run before this tag: Gumbo tokenizes text one character at a time. In the
    // body, text outside <h1> is never read, and a few KB of paragraphs cost more than the
    // whole skimmed head. Before it only whitespace goes (the newlines between head tags):
    // other text ends the head, and whitespace never changes the insertion mode.
    if (!in_h1 && foreign_depth == 0 && run_end > i &&
        (in_body || is_all_html_space(s.substr(i, run_end - i)))) {
      out.html.append(s.substr(copied, i - copied));
      copied = run_end;
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
      const bool bogus = s[i + 1] == '!' || s[i + 1] == '?' || end_tag;
      past_first_tag = past_first_tag || bogus;
      i = bogus ? skip_to_gt(s, i) : i + 1;
      continue;
    }
    std::size_t j = name_at;
    name.clear();
    while (j < s.size() && !is_html_space(s[j]) && s[j] != '/' && s[j] != '>')
      name += lower(s[j++]);
    const std::string_view tag_name = name;
    const KnownTag* known = known_tag(name);
    const GumboTag tag = known != nullptr ? known->tag : GUMBO_TAG_UNKNOWN;
    bool json_ld = false;
    bool canonical = false;
    bool has_id = false;     // page signals read element ids (challenge forms)
    bool src_read = false;   // a script src that page signals would read, or might
    bool has_src = false;    // a script with a src runs that, never its own text
    bool meta_read = false;  // a <meta> the page metadata may read
    while (next_tag_attribute(s, j, attr)) {
      // string_view comparisons test the length first; std::string == "literal" calls strlen
      // and memcmp on every tag and attribute of a 20 KB head.
      const std::string_view attr_name = attr.name;
      if (attr_name == "type") json_ld = attr.value.rfind("application/ld+json", 0) == 0;
      if (attr_name == "rel") canonical = attr.value.find("canonical") != std::string::npos;
      if (attr_name == "id") has_id = true;
      if (attr_name == "src" && tag == GUMBO_TAG_SCRIPT) {
        // Gumbo decodes character references in the value; a raw '&' could hide a match.
        src_read = is_challenge_script_src(attr.value) || is_parking_script_src(attr.value) ||
                   attr.value.find('&') != std::string::npos;
        has_src = !attr.value.empty();
      }
      if (tag == GUMBO_TAG_META)
        meta_read =
            meta_read || attr_name == "http-equiv" ||
            ((attr_name == "name" || attr_name == "property") && may_name_meta_key(attr.value));
    }
    const bool first_tag = !past_first_tag;
    past_first_tag = true;
    const bool self_closing = j < s.size() && s[j - 1] == '/';
    const std::size_t tag_end = j;  // at '>' (or the end of input)
    i = j < s.size() ? j + 1 : s.size();
    // Gumbo reads a NUL in a tag its own way (before an attribute name it skips it: "\0id=x"
    // is id=x): such a tag is never dropped, nor the text of its script or style.
    const bool sure =
        tag_end < s.size() && s.substr(lt, tag_end - lt).find('\0') == std::string_view::npos;
    if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) {
      if (end_tag && foreign_depth > 0) --foreign_depth;
      if (!end_tag && !self_closing) ++foreign_depth;
      continue;
    }
    if (foreign_depth > 0) continue;
    if (tag == GUMBO_TAG_H1) in_h1 = !end_tag;
    if ((tag == GUMBO_TAG_BODY && !end_tag) || (tag == GUMBO_TAG_HEAD && end_tag)) in_body = true;
    if (in_body && !has_id && sure && known != nullptr && known->inert) {
      out.html.append(s.substr(copied, lt - copied));
      copied = i;
      continue;
    }
    if (end_tag) continue;
    // Void elements that shape no other part of the tree: only rel=canonical and the <meta>
    // keys of extract/meta_keys.h (and http-equiv, and ids for page signals) are read.
    const bool unread_void =
        (tag == GUMBO_TAG_LINK && !canonical) || (tag == GUMBO_TAG_META && !meta_read && !has_id);
    if (unread_void && !first_tag && sure) {
      out.html.append(s.substr(copied, lt - copied));
      copied = i;
      continue;
    }
    if (tag == GUMBO_TAG_PLAINTEXT) break;  // everything after it is text
    if (!is_raw_text(tag)) continue;
    const std::size_t end = find_end_tag(s, tag_name, i);
    const std::size_t body_end = end == std::string_view::npos ? s.size() : end;
    const std::string_view body = s.substr(i, body_end - i);
    // Inside <h1> the text of a script or style is part of the heading's text: Gumbo keeps it.
    const bool drop =
        (tag == GUMBO_TAG_STYLE || (tag == GUMBO_TAG_SCRIPT && reads_as_written(body))) && !in_h1 &&
        sure && body.find("<!--") == std::string_view::npos;
    if (drop && json_ld) {
      // Mark the tag so the JSON-LD reader finds its text: <script ... data-...="N">.
      const std::size_t mark_at = self_closing ? tag_end - 1 : tag_end;
      out.html.append(s.substr(copied, mark_at - copied));
      out.html += std::string(" ") + kSkimmedJsonLdAttribute + "=\"" +
                  std::to_string(out.json_ld_texts.size()) + "\"";
      out.html.append(s.substr(mark_at, i - mark_at));
      out.json_ld_texts.push_back(body);
      // Page signals read every inline script's text, JSON-LD too (a challenge marker in it).
      if (!has_src) out.script_texts.push_back(body);
      copied = body_end;
    } else if (drop) {
      if (tag == GUMBO_TAG_SCRIPT && !has_src) out.script_texts.push_back(body);
      const bool read = has_id || (tag == GUMBO_TAG_SCRIPT && src_read);
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
