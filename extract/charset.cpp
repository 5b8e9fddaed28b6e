#include "extract/charset.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "extract/tag_scan.h"

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

std::string iconv_name(std::string_view name) {
  if (name == "windows-1252") return "CP1252";
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; });
  return out;
}

// Owns an iconv_t conversion descriptor into UTF-8.
class IconvToUtf8 {
 public:
  explicit IconvToUtf8(std::string_view from)
      : cd_(iconv_open("UTF-8", iconv_name(from).c_str())) {}
  ~IconvToUtf8() {
    if (ok()) iconv_close(cd_);
  }
  IconvToUtf8(const IconvToUtf8&) = delete;
  IconvToUtf8& operator=(const IconvToUtf8&) = delete;

  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  unsigned min = 0;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF)
    len = 2, min = 0x80;
  else if (b >= 0xE0 && b <= 0xEF)
    len = 3, min = 0x800;
  else if (b >= 0xF0 && b <= 0xF4)
    len = 4, min = 0x10000;
  else
    return 0;
  if (i + len > s.size()) return 0;
  unsigned cp = b & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Length of the all-ASCII prefix of s, checked eight bytes at a time.
std::size_t ascii_prefix(std::string_view s) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (std::uint64_t word = 0; i + 8 <= s.size(); i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if ((word & kHighBits) != 0) break;
  }
  while (i < s.size() && (s[i] & 0x80) == 0) ++i;
  return i;
}

bool is_ascii(std::string_view s) {
  return ascii_prefix(s) == s.size();
}

// Copies UTF-8, replacing each ill-formed byte with U+FFFD.
std::string sanitize_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

// The content guess before the windows-1252 fallback: well-formed UTF-8 holding at least one
// multi-byte character; the last sequence may be cut off (fetched heads stop mid-stream).
bool looks_like_utf8(std::string_view s) {
  bool multibyte = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) return multibyte && s.size() - i < 4 && static_cast<unsigned char>(s[i]) >= 0xC2;
    multibyte = multibyte || len > 1;
    i += len;
  }
  return multibyte;
}

std::string convert(std::string_view bytes, const std::string& name) {
  if (name == "utf-8") return sanitize_utf8(bytes);
  const bool wide = name.rfind("utf-16", 0) == 0;
  if (!wide && name.rfind("iso-2022", 0) != 0 && is_ascii(bytes)) return std::string(bytes);
  IconvToUtf8 cd(name);
  if (!cd.ok()) throw std::logic_error("iconv cannot open known encoding " + name);
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char* dst = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t rc = iconv(cd.get(), &in, &in_left, &dst, &out_left);
    written = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // Ill-formed or cut-off input: one U+FFFD per bad unit, as browsers do. (glibc's CP1252
    // leaves five bytes undefined that WHATWG maps to C1 controls; Gumbo would turn those
    // into U+FFFD anyway.)
    if (out.size() - written < kReplacement.size()) out.resize(out.size() * 2);
    out.replace(written, kReplacement.size(), kReplacement);
    written += kReplacement.size();
    const std::size_t skip = std::min<std::size_t>(wide ? 2 : 1, in_left);
    in += skip;
    in_left -= skip;
    iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);
  }
  out.resize(written);
  return out;
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
  IconvToUtf8 probe(key);
  return probe.ok() ? key : "";
}

bool is_valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    if ((bytes[i] & 0x80) == 0) {  // ASCII runs dominate real pages
      i += ascii_prefix(bytes.substr(i));
      continue;
    }
    const std::size_t len = utf8_sequence_length(bytes, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
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
    page.utf8 = convert(body.substr(bom.bytes.size()), page.used);
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
  page.utf8 = convert(body, page.used);
  return page;
}

}  // namespace linkhealth
