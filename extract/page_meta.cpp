#include "extract/page_meta.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <utility>

#include "extract/ascii.h"
#include "extract/charset.h"
#include "extract/html_document.h"
#include "extract/jsonld.h"
#include "extract/markup_skim.h"
#include "extract/page_signals.h"
#include "extract/text_hygiene.h"
#include "extract/title_choice.h"
#include "extract/url_resolution.h"

namespace linkhealth {

namespace {

// The <meta name|property=...> keys we read, in the order of kMetaKeys.
enum MetaKey : std::size_t {
  kOgTitle,
  kOgDescription,
  kOgUrl,
  kOgSiteName,
  kOgImage,
  kOgType,
  kPublishedTime,
  kTwitterTitle,
  kTwitterDescription,
  kDescription,
  kMetaKeyCount
};

constexpr std::array<std::string_view, kMetaKeyCount> kMetaKeys = {
    "og:title", "og:description",         "og:url",        "og:site_name",        "og:image",
    "og:type",  "article:published_time", "twitter:title", "twitter:description", "description"};

constexpr std::size_t kMaxHeadings = 3;

std::string ascii_lower_trimmed(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Everything the document walk collects, raw (Gumbo-decoded, not yet cleaned).
struct RawHead {
  std::array<std::vector<std::string>, kMetaKeyCount> meta;
  std::vector<std::string> titles;  // only the first HTML <title> is used; kept for the note
  std::vector<std::string> headings;
  std::string canonical;
  std::string base_href;
  std::string refresh;
  std::optional<std::string> lang;
  JsonLdReader jsonld;
  int jsonld_blocks = 0;
  std::vector<int> broken_jsonld;  // 1-based block numbers
  PageEvidence evidence;
};

// Splits an attribute value into its space-separated tokens, ASCII-lowercased.
std::vector<std::string> tokens(std::string_view list) {
  const std::string folded = ascii_lower_trimmed(list);
  const std::vector<std::string_view> all = split_nonempty(folded, " \t\n\r\f");
  return {all.begin(), all.end()};
}

bool has_token(std::string_view list, std::string_view token) {
  const std::vector<std::string> all = tokens(list);
  return std::find(all.begin(), all.end(), token) != all.end();
}

bool inside_noscript(const GumboNode& e) {
  for (const GumboNode* n = e.parent; n != nullptr; n = n->parent) {
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_NOSCRIPT) return true;
  }
  return false;
}

void read_meta(const GumboNode& e, RawHead& head) {
  const std::string_view content = attribute(e, "content");
  if (ascii_lower_trimmed(attribute(e, "http-equiv")) == "refresh") {
    // A refresh inside <noscript> is for browsers without JavaScript ("?nojs=1"); every
    // other browser stays on the page, so it says nothing about the page being gone.
    if (head.refresh.empty() && !inside_noscript(e)) head.refresh = std::string(content);
    return;
  }
  if (!has_attribute(e, "content")) return;
  // RDFa's property holds a space-separated list ("og:title twitter:title"), each name counts;
  // name= is one name. A key named twice on one tag counts once.
  std::vector<std::string> keys = tokens(attribute(e, "property"));
  keys.push_back(ascii_lower_trimmed(attribute(e, "name")));
  for (std::size_t k = 0; k < kMetaKeyCount; ++k)
    if (std::find(keys.begin(), keys.end(), kMetaKeys[k]) != keys.end())
      head.meta[k].emplace_back(content);
}

void read_script(const GumboNode& e, const SkimmedHtml& skimmed, RawHead& head) {
  const std::string type = ascii_lower_trimmed(attribute(e, "type"));
  if (type.rfind("application/ld+json", 0) != 0) return;
  ++head.jsonld_blocks;
  // The skimmer lifted most JSON-LD bodies out of the HTML; the marker says which one.
  std::string text;
  const std::string_view mark = attribute(e, kSkimmedJsonLdAttribute);
  std::size_t index = 0;
  const auto [end, ec] = std::from_chars(mark.data(), mark.data() + mark.size(), index);
  if (!mark.empty() && ec == std::errc() && end == mark.data() + mark.size() &&
      index < skimmed.json_ld_texts.size())
    text = std::string(skimmed.json_ld_texts[index]);
  else
    text = text_content(e);
  if (!head.jsonld.add_block(text)) head.broken_jsonld.push_back(head.jsonld_blocks);
}

void visit(const GumboNode& e, const SkimmedHtml& skimmed, RawHead& head) {
  observe_element(e, head.evidence);
  if (e.v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
  switch (e.v.element.tag) {
    case GUMBO_TAG_META:
      read_meta(e, head);
      break;
    case GUMBO_TAG_TITLE:
      head.titles.push_back(text_content(e));
      break;
    case GUMBO_TAG_H1:
      if (head.headings.size() < kMaxHeadings) head.headings.push_back(text_content(e));
      break;
    case GUMBO_TAG_LINK:
      if (head.canonical.empty() && has_token(attribute(e, "rel"), "canonical"))
        head.canonical = std::string(attribute(e, "href"));
      break;
    case GUMBO_TAG_BASE:
      if (head.base_href.empty()) head.base_href = std::string(attribute(e, "href"));
      break;
    case GUMBO_TAG_HTML:
      if (!head.lang && has_attribute(e, "lang")) head.lang = std::string(attribute(e, "lang"));
      if (!head.lang && has_attribute(e, "xml:lang"))
        head.lang = std::string(attribute(e, "xml:lang"));
      break;
    case GUMBO_TAG_SCRIPT:
      read_script(e, skimmed, head);
      break;
    default:
      break;
  }
}

// True when decoded text still contains something like "&amp;" or "&#8217;".
bool looks_double_encoded(std::string_view text) {
  for (std::size_t amp = text.find('&'); amp != std::string_view::npos;
       amp = text.find('&', amp + 1)) {
    std::size_t i = amp + 1;
    if (i < text.size() && text[i] == '#') {
      ++i;
      if (i < text.size() && (text[i] == 'x' || text[i] == 'X')) ++i;
    }
    const std::size_t start = i;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start && i < text.size() && text[i] == ';') return true;
  }
  return false;
}

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

// First non-empty cleaned value (OGP: first tag wins); differing later values become a note.
std::string pick(std::string_view field, const std::vector<std::string>& raw,
                 std::vector<std::string>& notes) {
  std::string kept;
  std::vector<std::string> others;
  for (const std::string& value : raw) {
    CleanText clean = clean_text(value);
    if (clean.text.empty()) continue;
    if (kept.empty()) {
      if (clean.capped)
        notes.push_back(std::string(field) + ": capped at " + std::to_string(kMaxTextChars) +
                        " characters");
      kept = std::move(clean.text);
      continue;
    }
    if (clean.text != kept && std::find(others.begin(), others.end(), clean.text) == others.end())
      others.push_back(std::move(clean.text));
  }
  if (looks_double_encoded(kept))
    notes.push_back(std::string(field) + ": still holds an HTML entity after decoding once " +
                    "(double-encoded by the site?); kept as is");
  if (!others.empty()) {
    std::string note = "duplicate " + std::string(field) + ": kept " + quoted(kept) + ", ignored";
    for (std::size_t i = 0; i < others.size(); ++i) note += (i ? ", " : " ") + quoted(others[i]);
    notes.push_back(std::move(note));
  }
  return kept;
}

std::string pick_one(std::string_view field, const std::string& raw,
                     std::vector<std::string>& notes) {
  return pick(field, std::vector<std::string>{raw}, notes);
}

// `raw` made absolute against `base`; kept as written (with a note) when that is impossible.
std::string absolute(std::string_view field, const std::string& raw, const std::string& base,
                     std::vector<std::string>& notes) {
  if (raw.empty()) return raw;
  if (std::optional<std::string> url = resolve_url(base, raw)) return *std::move(url);
  notes.push_back(std::string(field) + ": cannot resolve " + quoted(raw) +
                  (base.empty() ? " (no page URL given)" : " against " + quoted(base)));
  return raw;
}

struct Refresh {
  int delay_s = 0;
  std::string url;  // "" if none
};

// A refresh value such as `0; url='https://example.com/'`: its delay and URL part.
Refresh refresh_target(std::string_view content) {
  Refresh refresh;
  std::size_t i = 0;
  while (i < content.size() && content[i] == ' ') ++i;
  while (i < content.size() && content[i] >= '0' && content[i] <= '9') {
    // Saturates: a 20-digit delay is a long one, not an overflow.
    refresh.delay_s = std::min(refresh.delay_s * 10 + (content[i] - '0'), 1000000);
    ++i;
  }
  while (i < content.size() &&
         (content[i] == ' ' || (content[i] >= '0' && content[i] <= '9') || content[i] == '.'))
    ++i;
  if (i >= content.size() || (content[i] != ';' && content[i] != ',')) return refresh;
  ++i;
  while (i < content.size() && content[i] == ' ') ++i;
  std::string_view rest = content.substr(i);
  if (ascii_lower_trimmed(rest.substr(0, 3)) == "url") {
    std::size_t j = 3;
    while (j < rest.size() && rest[j] == ' ') ++j;
    if (j < rest.size() && rest[j] == '=') {
      rest.remove_prefix(j + 1);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    }
  }
  if (!rest.empty() && (rest.front() == '\'' || rest.front() == '"')) {
    const std::size_t end = rest.find(rest.front(), 1);
    rest = rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
  }
  refresh.url = std::string(rest);
  return refresh;
}

struct Rule {
  std::string_view name;
  const std::string* value;
};

// Applies a fallback chain: the first non-empty value and the name of its rule.
void resolve(std::initializer_list<Rule> chain, std::string& value, std::string& rule) {
  for (const Rule& r : chain) {
    if (r.value->empty()) continue;
    value = *r.value;
    rule = std::string(r.name);
    return;
  }
}

}  // namespace

PageMeta read_page_meta(std::string_view body, std::string_view content_type,
                        std::string_view final_url, MarkupPass pass) {
  PageMeta m;
  DecodedPage page = decode_page(body, content_type);
  m.encoding_declared = std::move(page.declared);
  m.encoding_used = std::move(page.used);
  if (!page.note.empty()) m.notes.push_back(std::move(page.note));

  RawHead head;
  SkimmedHtml skimmed =
      pass == MarkupPass::Skimmed ? skim_raw_text(page.utf8) : SkimmedHtml{page.utf8, {}, {}};
  for (std::string_view script : skimmed.script_texts) observe_script_text(script, head.evidence);
  const HtmlDocument doc(std::move(skimmed.html));  // the views still point into page.utf8
  doc.for_each_element([&](const GumboNode& e) { visit(e, skimmed, head); });

  std::vector<std::string>& notes = m.notes;
  m.og_title = pick("og:title", head.meta[kOgTitle], notes);
  m.og_description = pick("og:description", head.meta[kOgDescription], notes);
  m.og_site_name = pick("og:site_name", head.meta[kOgSiteName], notes);
  m.og_type = pick("og:type", head.meta[kOgType], notes);
  m.twitter_title = pick("twitter:title", head.meta[kTwitterTitle], notes);
  m.twitter_description = pick("twitter:description", head.meta[kTwitterDescription], notes);
  m.meta_description = pick("meta:description", head.meta[kDescription], notes);
  if (!head.titles.empty()) m.html_title = pick_one("title", head.titles.front(), notes);
  if (head.lang) m.lang = pick_one("lang", *head.lang, notes);

  const JsonLdFields ld = head.jsonld.fields();
  m.jsonld_headline = pick("jsonld:headline", ld.headlines, notes);
  m.jsonld_description = pick("jsonld:description", ld.descriptions, notes);
  for (int block : head.broken_jsonld)
    notes.push_back("jsonld: block " + std::to_string(block) + " is not valid JSON; ignored");

  m.published = pick("article:published_time", head.meta[kPublishedTime], notes);
  if (m.published.empty()) m.published = pick("jsonld:datePublished", ld.dates_published, notes);

  // Relative URLs resolve against <base href> (itself relative to the final URL), else the
  // final URL, as a browser would.
  std::string base(final_url);
  const std::string base_href = pick_one("base", head.base_href, notes);
  if (!base_href.empty()) base = absolute("base", base_href, base, notes);
  m.og_url = absolute("og:url", pick("og:url", head.meta[kOgUrl], notes), base, notes);
  m.og_image = absolute("og:image", pick("og:image", head.meta[kOgImage], notes), base, notes);
  m.canonical = absolute("canonical", pick_one("canonical", head.canonical, notes), base, notes);
  const Refresh refresh = refresh_target(head.refresh);
  m.refresh_url = absolute("refresh", pick_one("refresh", refresh.url, notes), base, notes);
  if (!m.refresh_url.empty()) m.refresh_delay_s = refresh.delay_s;
  m.script_redirect_url =
      absolute("script redirect", pick_one("script redirect", head.evidence.script_redirect, notes),
               base, notes);

  TitleCandidates titles{m.og_title, m.twitter_title, m.jsonld_headline, m.html_title, {}};
  if (!m.og_site_name.empty()) titles.site_names.emplace_back(m.og_site_name);
  for (const std::string& name : ld.site_names) titles.site_names.emplace_back(name);
  TitleChoice title = choose_title(titles);
  m.title = std::move(title.title);
  m.title_rule = std::move(title.rule);
  if (!title.note.empty()) notes.push_back(std::move(title.note));
  resolve({{"og:description", &m.og_description},
           {"twitter:description", &m.twitter_description},
           {"meta:description", &m.meta_description},
           {"jsonld:description", &m.jsonld_description}},
          m.description, m.description_rule);

  head.evidence.title = m.html_title;
  for (const std::string& h : head.headings) {
    std::string clean = clean_text(h).text;
    if (!clean.empty()) head.evidence.headings.push_back(std::move(clean));
  }
  head.evidence.refresh_url = m.refresh_url;
  m.signals = page_signals(head.evidence);
  return m;
}

}  // namespace linkhealth
