#include "extract/transcode.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace linkhealth {

namespace {

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

}  // namespace

std::string to_utf8(std::string_view bytes, const std::string& name) {
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

bool transcoder_knows(std::string_view encoding) {
  return IconvToUtf8(encoding).ok();
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

}  // namespace linkhealth
