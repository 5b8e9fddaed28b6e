#include "extract/text_hygiene.h"

#include <algorithm>

namespace linkhealth {

namespace {

// Decodes one UTF-8 sequence at i; returns its length (1 for a stray byte, code point -1).
std::size_t decode_at(std::string_view s, std::size_t i, long& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = 1;
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  if ((b & 0xE0) == 0xC0)
    len = 2;
  else if ((b & 0xF0) == 0xE0)
    len = 3;
  else if ((b & 0xF8) == 0xF0)
    len = 4;
  else {
    cp = -1;
    return 1;
  }
  if (i + len > s.size()) {
    cp = -1;
    return 1;
  }
  long value = b & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      cp = -1;
      return 1;
    }
    value = (value << 6) | (c & 0x3F);
  }
  cp = value;
  return len;
}

bool is_unicode_space(long cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

// Controls and invisible format characters that only ever garble a title.
bool is_dropped(long cp) {
  return cp < 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200B || cp == 0xFEFF ||
         cp == 0xAD;
}

}  // namespace

CleanText clean_text(std::string_view utf8, std::size_t max_chars) {
  CleanText out;
  out.text.reserve(utf8.size());
  std::size_t chars = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < utf8.size();) {
    long cp = 0;
    const std::size_t len = decode_at(utf8, i, cp);
    const std::string_view bytes = utf8.substr(i, len);
    i += len;
    if (is_unicode_space(cp)) {
      pending_space = !out.text.empty();
      continue;
    }
    if (is_dropped(cp)) continue;
    if (chars + (pending_space ? 1 : 0) >= max_chars) {
      out.capped = true;
      break;
    }
    if (pending_space) {
      out.text += ' ';
      ++chars;
      pending_space = false;
    }
    out.text.append(bytes);
    ++chars;
  }
  return out;
}

std::size_t remove_control_chars(std::string& text) {
  const auto is_control = [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F;
  };
  const auto end = std::remove_if(text.begin(), text.end(), is_control);
  const auto removed = static_cast<std::size_t>(text.end() - end);
  text.erase(end, text.end());
  return removed;
}

}  // namespace linkhealth
