#include "extract/charset.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "extract/ascii.h"
#include "extract/encoding_labels.h"
#include "extract/tag_scan.h"
#include "extract/transcode.h"

namespace linkhealth {

namespace {

constexpr std::size_t kPrescanBytes = 1024;

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_html_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_html_space(s.back())) s.remove_suffix(1);
  return s;
}

// WHATWG "extracting a character encoding from a meta element"; also fits Content-Type values.
std::string charset_parameter(std::string_view s) {
  for (std::size_t pos = 0; pos + 7 <= s.size(); ++pos) {
    if (!starts_with_ignoring_case(s.substr(pos), "charset")) continue;
    std::size_t i = pos + 7;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i >= s.size()) return "";
    if (s[i] == '"' || s[i] == '\'') {
      const std::size_t end = s.find(s[i], i + 1);
      if (end == std::string_view::npos) return "";
      return ascii_lower(trim(s.substr(i + 1, end - i - 1)));
    }
    std::size_t end = i;
    while (end < s.size() && !is_html_space(s[end]) && s[end] != ';') ++end;
    return ascii_lower(s.substr(i, end - i));
  }
  return "";
}

struct MetaTag {
  std::string label;          // the label the tag declares, one the standard knows
  std::string unknown_label;  // a label it gives that the standard lacks
  bool closed = false;        // its '>' came before the input ended
};

// Reads the attributes of a <meta> from s[i] (just past "<meta") as the prescan does: only the
// first attribute of a name counts; the first of charset= and a known label in content= decides;
// content= counts only beside http-equiv=content-type.
MetaTag read_meta(std::string_view s, std::size_t& i) {
  TagAttribute attr;
  std::vector<std::string> seen;
  bool got_pragma = false;
  bool need_pragma = false;
  std::optional<std::string> charset;  // a label, known or not
  std::string unknown_content_label;
  while (next_tag_attribute(s, i, attr)) {
    if (std::find(seen.begin(), seen.end(), attr.name) != seen.end()) continue;
    seen.push_back(attr.name);
    if (attr.name == "http-equiv") {
      got_pragma = attr.value == "content-type";
    } else if (attr.name == "content" && !charset) {
      std::string label = charset_parameter(attr.value);
      if (encoding_for_label(label).empty()) {
        unknown_content_label = std::move(label);
      } else {
        charset = std::move(label);
        need_pragma = true;
      }
    } else if (attr.name == "charset" && !charset) {
      charset = std::string(trim(attr.value));
    }
  }
  MetaTag tag;
  tag.closed = i < s.size();
  if (need_pragma && !got_pragma) return tag;  // content= alone declares nothing
  if (!charset) {
    if (got_pragma) tag.unknown_label = std::move(unknown_content_label);
  } else if (encoding_for_label(*charset).empty()) {
    tag.unknown_label = std::move(*charset);
  } else {
    tag.label = std::move(*charset);
  }
  return tag;
}

struct Bom {
  std::string_view bytes;
  std::string_view name;
};

constexpr Bom kBoms[] = {
    {"\xEF\xBB\xBF", "utf-8"}, {"\xFF\xFE", "utf-16le"}, {"\xFE\xFF", "utf-16be"}};

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
  const std::size_t semi = content_type.find(';');
  if (semi == std::string_view::npos) return "";
  return charset_parameter(content_type.substr(semi + 1));
}

MetaCharset prescan_meta_charset(std::string_view bytes) {
  const std::string_view s = bytes.substr(0, kPrescanBytes);
  MetaCharset found;
  TagAttribute ignored;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '<') {
      ++i;
      continue;
    }
    const std::string_view rest = s.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = s.find("-->", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 3;
    } else if (starts_with_ignoring_case(rest, "<meta") && rest.size() > 5 &&
               (is_html_space(rest[5]) || rest[5] == '/')) {
      i += 5;
      MetaTag tag = read_meta(s, i);
      if (!tag.closed) break;  // running out of bytes ends the prescan with no answer
      if (found.unknown_label.empty()) found.unknown_label = std::move(tag.unknown_label);
      if (tag.label.empty()) continue;
      std::string_view encoding = encoding_for_label(tag.label);
      // The bytes were read as ASCII, so the page is not UTF-16; x-user-defined is legacy.
      if (encoding == "utf-16be" || encoding == "utf-16le") encoding = "utf-8";
      if (encoding == "x-user-defined") encoding = "windows-1252";
      found.encoding = std::string(encoding);
      found.label = std::move(tag.label);
      return found;
    } else if (rest.size() > 1 && (std::isalpha(static_cast<unsigned char>(rest[1])) ||
                                   (rest[1] == '/' && rest.size() > 2 &&
                                    std::isalpha(static_cast<unsigned char>(rest[2]))))) {
      i += 2;
      while (i < s.size() && !is_html_space(s[i]) && s[i] != '>') ++i;
      while (next_tag_attribute(s, i, ignored)) {
      }
    } else if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '/' || rest[1] == '?')) {
      const std::size_t end = s.find('>', i + 1);
      if (end == std::string_view::npos) break;
      i = end + 1;
    } else {
      ++i;
    }
  }
  return found;
}

DecodedPage decode_page(std::string_view body, std::string_view content_type) {
  DecodedPage page;
  const std::string http_label = charset_from_content_type(content_type);
  const std::string http(encoding_for_label(http_label));
  const MetaCharset meta = prescan_meta_charset(body);
  page.declared = !http.empty() ? http : std::string(encoding_for_label(meta.label));

  for (const Bom& bom : kBoms) {
    if (body.substr(0, bom.bytes.size()) != bom.bytes) continue;
    page.used = std::string(bom.name);
    if (!http.empty() && http != page.used)
      page.note =
          "encoding: byte order mark (" + page.used + ") overrides HTTP charset " + http_label;
    page.utf8 = to_utf8(body.substr(bom.bytes.size()), page.used);
    return page;
  }
  if (!http.empty()) {
    page.used = http;
    if (!meta.encoding.empty() && meta.encoding != http)
      page.note = "encoding: HTTP charset " + http_label + " overrides page charset " + meta.label;
  } else if (!meta.encoding.empty()) {
    page.used = meta.encoding;
  } else {
    page.used = looks_like_utf8(body) ? "utf-8" : "windows-1252";
  }
  if (http.empty() && !http_label.empty())
    page.note = "encoding: unknown HTTP charset label '" + http_label + "' ignored";
  else if (http.empty() && meta.encoding.empty() && !meta.unknown_label.empty())
    page.note = "encoding: unknown page charset label '" + meta.unknown_label + "' ignored";
  else if (page.used == "replacement" && page.note.empty())
    page.note = "encoding: charset " + (!http.empty() ? http_label : meta.label) +
                " is not decoded (the Encoding Standard's replacement encoding)";
  page.utf8 = to_utf8(body, page.used);
  return page;
}

}  // namespace linkhealth
