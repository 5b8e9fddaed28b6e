#include "extract/transcode.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>

#include "extract/encoding_decoders.h"
#include "extract/utf8.h"

namespace linkhealth {

namespace {

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

constexpr char32_t kReplacementCharacter = 0xFFFD;

// iconv writes the machine's byte order, so its output buffer reads as char32_t.
constexpr const char* kUtf32 = std::endian::native == std::endian::little ? "UTF-32LE" : "UTF-32BE";

// Owns an iconv_t conversion descriptor from `from` into UTF-32.
class IconvToUtf32 {
 public:
  explicit IconvToUtf32(const char* from) : cd_(iconv_open(kUtf32, from)) {
    if (cd_ == reinterpret_cast<iconv_t>(-1))
      throw std::logic_error(std::string("iconv cannot open ") + from);
  }
  ~IconvToUtf32() { iconv_close(cd_); }
  IconvToUtf32(const IconvToUtf32&) = delete;
  IconvToUtf32& operator=(const IconvToUtf32&) = delete;

  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// Code points of bytes 0x80-0xFF; 0 where the encoding has none.
using HighByteTable = std::array<char32_t, 128>;

char32_t decode_alone(const IconvToUtf32& cd, unsigned char byte) {
  char in_byte = static_cast<char>(byte);
  char* in = &in_byte;
  std::size_t in_left = 1;
  char32_t cp = 0;
  char* out = reinterpret_cast<char*>(&cp);
  std::size_t out_left = sizeof cp;
  iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);
  if (iconv(cd.get(), &in, &in_left, &out, &out_left) == static_cast<std::size_t>(-1)) return 0;
  // CP1255 and CP1258 hold a base letter back, waiting for a combining mark.
  iconv(cd.get(), nullptr, nullptr, &out, &out_left);
  return out_left == 0 ? cp : 0;
}

// Read byte by byte, so glibc's CP1255/CP1258 do not compose letters with marks, as the
// standard's decoders do not.
HighByteTable read_table(const EncodingDecoder& d) {
  // A machine whose glibc lacks one gconv module must still decode every other encoding (the
  // tables are read together), so a missing one gives a table of U+FFFD, not an exception on
  // every page.
  std::optional<IconvToUtf32> cd;
  try {
    cd.emplace(d.iconv_name);
  } catch (const std::logic_error&) {
  }
  HighByteTable table{};
  for (unsigned b = 0x80; b <= 0xFF; ++b) {
    const char32_t cp = cd ? decode_alone(*cd, static_cast<unsigned char>(b)) : 0;
    // The windows-* gaps: the standard has the C1 control of the same value.
    table[b - 0x80] = (cp == 0 && b <= 0x9F) ? static_cast<char32_t>(b) : cp;
  }
  for (const ByteValue& fix : d.bytes) table[fix.byte - 0x80] = fix.code_point;
  return table;
}

const HighByteTable& table_for(const EncodingDecoder& d) {
  // All read on first use; a function-local static is initialised once, thread-safely.
  static const auto tables = [] {
    std::map<std::string_view, HighByteTable> read;
    for (const EncodingDecoder& e : encoding_decoders())
      if (e.kind == DecoderKind::single_byte) read.emplace(e.name, read_table(e));
    return read;
  }();
  return tables.at(d.name);
}

const HighByteTable& x_user_defined_table() {
  static const HighByteTable table = [] {
    HighByteTable t{};
    for (char32_t i = 0; i < t.size(); ++i) t[i] = 0xF780 + i;
    return t;
  }();
  return table;
}

std::string decode_high_bytes(std::string_view bytes, const HighByteTable& table) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t run = ascii_prefix(bytes.substr(i));
    out.append(bytes.substr(i, run));
    i += run;
    if (i == bytes.size()) break;
    const char32_t cp = table[static_cast<unsigned char>(bytes[i++]) - 0x80];
    append_utf8(out, cp != 0 ? cp : kReplacementCharacter);
  }
  return out;
}

void append_code_points(std::string& out, const char32_t* begin, const char* end,
                        std::span<const CodePointSwap> swaps) {
  const auto* stop = reinterpret_cast<const char32_t*>(end);
  for (const char32_t* p = begin; p < stop; ++p) {
    char32_t cp = *p;
    for (const CodePointSwap& swap : swaps) {
      if (swap.from != cp) continue;
      cp = swap.to;
      break;
    }
    append_utf8(out, cp);
  }
}

char32_t lone_byte_value(const EncodingDecoder& d, char byte) {
  for (const ByteValue& v : d.bytes)
    if (v.byte == static_cast<unsigned char>(byte)) return v.code_point;
  return kReplacementCharacter;
}

std::string decode_with_iconv(std::string_view bytes, const EncodingDecoder& d) {
  const IconvToUtf32 cd(d.iconv_name);
  const bool wide = d.kind == DecoderKind::utf16be || d.kind == DecoderKind::utf16le;
  std::string out;
  out.reserve(bytes.size() * 2 + 16);
  std::array<char32_t, 1024> buffer;
  char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* dst = reinterpret_cast<char*>(buffer.data());
    std::size_t dst_left = sizeof buffer;
    const std::size_t rc = iconv(cd.get(), &in, &in_left, &dst, &dst_left);
    const int error = errno;
    append_code_points(out, buffer.data(), dst, d.swaps);
    if (rc != static_cast<std::size_t>(-1) || error == E2BIG) continue;
    if (error == EINVAL) {  // the text ends inside a sequence: one error, as in the standard
      append_utf8(out, kReplacementCharacter);
      break;
    }
    // An ill-formed unit: one U+FFFD, as browsers do, unless the standard reads the byte alone.
    append_utf8(out, lone_byte_value(d, *in));
    const std::size_t skip = std::min<std::size_t>(wide ? 2 : 1, in_left);
    in += skip;
    in_left -= skip;
  }
  char* dst = reinterpret_cast<char*>(buffer.data());
  std::size_t dst_left = sizeof buffer;
  iconv(cd.get(), nullptr, nullptr, &dst, &dst_left);  // what a stateful converter still holds
  append_code_points(out, buffer.data(), dst, d.swaps);
  return out;
}

}  // namespace

std::string to_utf8(std::string_view bytes, std::string_view encoding) {
  const EncodingDecoder* d = decoder_for(encoding);
  if (d == nullptr) throw std::logic_error("no decoder for encoding " + std::string(encoding));
  switch (d->kind) {
    case DecoderKind::utf8:
      return sanitize_utf8(bytes);
    case DecoderKind::single_byte:
      return decode_high_bytes(bytes, table_for(*d));
    case DecoderKind::x_user_defined:
      return decode_high_bytes(bytes, x_user_defined_table());
    case DecoderKind::multi_byte:
      return is_ascii(bytes) ? std::string(bytes) : decode_with_iconv(bytes, *d);
    case DecoderKind::iso_2022:
    case DecoderKind::utf16be:
    case DecoderKind::utf16le:
      return decode_with_iconv(bytes, *d);
    case DecoderKind::replacement:
      return bytes.empty() ? std::string() : std::string(kReplacement);
  }
  return std::string(bytes);
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
