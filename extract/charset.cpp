#include "extract/charset.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <utility>

#include "extract/tag_scan.h"
#include "extract/transcode.h"

namespace linkhealth {

namespace {

constexpr std::size_t kPrescanBytes = 1024;

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_html_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_html_space(s.back())) s.remove_suffix(1);
  return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

// WHATWG "extracting a character encoding from a meta element"; also fits Content-Type values.
std::string charset_parameter(std::string_view s) {
  for (std::size_t pos = 0; pos + 7 <= s.size(); ++pos) {
    if (!starts_with_ci(s.substr(pos), "charset")) continue;
    std::size_t i = pos + 7;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i >= s.size()) return "";
    if (s[i] == '"' || s[i] == '\'') {
      const std::size_t end = s.find(s[i], i + 1);
      if (end == std::string_view::npos) return "";
      return to_lower(trim(s.substr(i + 1, end - i - 1)));
    }
    std::size_t end = i;
    while (end < s.size() && !is_html_space(s[end]) && s[end] != ';') ++end;
    return to_lower(s.substr(i, end - i));
  }
  return "";
}

// Reads the attributes of a <meta> starting at i; returns the charset label it declares.
std::string meta_charset(std::string_view s, std::size_t& i) {
  TagAttribute attr;
  std::string charset;
  std::string content_charset;
  bool http_equiv_content_type = false;
  while (next_tag_attribute(s, i, attr)) {
    if (attr.name == "charset" && charset.empty()) charset = std::string(trim(attr.value));
    if (attr.name == "http-equiv" && attr.value == "content-type") http_equiv_content_type = true;
    if (attr.name == "content" && content_charset.empty())
      content_charset = charset_parameter(attr.value);
  }
  if (!charset.empty()) return charset;
  return http_equiv_content_type ? content_charset : "";
}

struct Label {
  std::string_view label;
  std::string_view name;
};

// The WHATWG labels that matter for news pages; other labels pass through when iconv knows them.
constexpr Label kLabels[] = {
    {"unicode-1-1-utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"utf-8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"ascii", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"cp819", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso88591", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"},
    {"l1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"windows-1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"tis-620", "windows-874"},
    {"iso-8859-11", "windows-874"},
    {"gb2312", "gbk"},
    {"gbk", "gbk"},
    {"x-gbk", "gbk"},
    {"shift_jis", "shift_jis"},
    {"sjis", "shift_jis"},
    {"x-sjis", "shift_jis"},
    {"windows-31j", "shift_jis"},
    {"ks_c_5601-1987", "euc-kr"},
    {"euc-kr", "euc-kr"},
    {"csunicode", "utf-16le"},
    {"iso-10646-ucs-2", "utf-16le"},
    {"ucs-2", "utf-16le"},
    {"unicode", "utf-16le"},
    {"unicodefeff", "utf-16le"},
    {"utf-16", "utf-16le"},
    {"utf-16le", "utf-16le"},
    {"unicodefffe", "utf-16be"},
    {"utf-16be", "utf-16be"},
};

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

std::string prescan_meta_charset(std::string_view bytes) {
  const std::string_view s = bytes.substr(0, kPrescanBytes);
  TagAttribute ignored;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '<') {
      ++i;
      continue;
    }
    const std::string_view rest = s.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = s.find("-->", i + 2);
      if (end == std::string_view::npos) return "";
      i = end + 3;
    } else if (starts_with_ci(rest, "<meta") && rest.size() > 5 &&
               (is_html_space(rest[5]) || rest[5] == '/')) {
      i += 5;
      std::string label = meta_charset(s, i);
      if (!label.empty()) return label;
    } else if (rest.size() > 1 && (std::isalpha(static_cast<unsigned char>(rest[1])) ||
                                   (rest[1] == '/' && rest.size() > 2 &&
                                    std::isalpha(static_cast<unsigned char>(rest[2]))))) {
      i += 2;
      while (i < s.size() && !is_html_space(s[i]) && s[i] != '>') ++i;
      while (next_tag_attribute(s, i, ignored)) {
      }
    } else if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '/' || rest[1] == '?')) {
      const std::size_t end = s.find('>', i + 1);
      if (end == std::string_view::npos) return "";
      i = end + 1;
    } else {
      ++i;
    }
  }
  return "";
}

std::string canonical_encoding(std::string_view label) {
  const std::string key = to_lower(trim(label));
  if (key.empty()) return "";
  for (const Label& l : kLabels)
    if (l.label == key) return std::string(l.name);
  if (key == "replacement" || key == "x-user-defined") return "";
  return transcoder_knows(key) ? key : "";
}

DecodedPage decode_page(std::string_view body, std::string_view content_type) {
  DecodedPage page;
  const std::string http_label = charset_from_content_type(content_type);
  const std::string meta_label = prescan_meta_charset(body);
  page.declared = !http_label.empty() ? http_label : meta_label;
  std::string http = canonical_encoding(http_label);
  std::string meta = canonical_encoding(meta_label);
  // A page that reached a byte parser cannot really be UTF-16 (WHATWG prescan rule).
  if (meta == "utf-16le" || meta == "utf-16be") meta = "utf-8";

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
    if (!meta.empty() && meta != http)
      page.note = "encoding: HTTP charset " + http_label + " overrides page charset " + meta_label;
  } else if (!meta.empty()) {
    page.used = meta;
  } else {
    page.used = looks_like_utf8(body) ? "utf-8" : "windows-1252";
  }
  if (http.empty() && !http_label.empty())
    page.note = "encoding: unknown HTTP charset label '" + http_label + "' ignored";
  else if (http.empty() && meta.empty() && !meta_label.empty())
    page.note = "encoding: unknown page charset label '" + meta_label + "' ignored";
  page.utf8 = to_utf8(body, page.used);
  return page;
}

}  // namespace linkhealth
