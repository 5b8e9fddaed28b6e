#include "extract/similarity.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <utility>

#include "extract/utf8.h"

namespace linkhealth {
namespace {

constexpr std::array<std::pair<std::string_view, char32_t>, 22> kNamedEntities{{
    {"amp", U'&'},     {"lt", U'<'},      {"gt", U'>'},       {"quot", U'"'},    {"apos", U'\''},
    {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},  {"rdquo", 0x201D}, {"ldquo", 0x201C},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"middot", 0xB7},  {"bull", 0x2022},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"trade", 0x2122},  {"reg", 0xAE},     {"copy", 0xA9},
    {"eacute", 0xE9},  {"shy", 0xAD},
}};

// Value of an entity body ("amp", "#39", "#x2019"); 0 when unknown.
char32_t entity_value(std::string_view body) {
  if (body.size() > 1 && body[0] == '#') {
    bool hex = body[1] == 'x' || body[1] == 'X';
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    std::uint32_t value = 0;
    for (char c : digits) {
      int d = (c >= '0' && c <= '9')          ? c - '0'
              : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10
                                              : -1;
      if (d < 0) return 0;
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    return value > 0 && value <= 0x10FFFF ? value : 0;
  }
  for (const auto& [name, cp] : kNamedEntities) {
    if (name == body) return cp;
  }
  return 0;
}

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      auto semi = text.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 9) {
        if (char32_t cp = entity_value(text.substr(i + 1, semi - i - 1))) {
          append_utf8(out, cp);
          i = semi;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

// Decodes one UTF-8 code point at text[i], advancing i; invalid bytes come back as themselves.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  auto lead = static_cast<unsigned char>(text[i]);
  std::size_t extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  if (extra == 0 || i + extra >= text.size()) {
    ++i;
    return lead;
  }
  char32_t cp = lead & (0x3F >> extra);
  for (std::size_t k = 1; k <= extra; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

// Apostrophes ("Becker’s" == "Beckers"), soft hyphens and zero-width characters vanish.
bool is_ignorable(char32_t cp) {
  return cp == U'\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == U'`' || cp == 0xB4 ||
         cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

// Non-ASCII punctuation and spaces that separate words.
bool is_unicode_separator(char32_t cp) {
  return cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB7 || (cp >= 0x2000 && cp <= 0x206F) ||
         cp == 0x3000 || cp == 0x2122 || cp == 0xAE || cp == 0xA9;
}

// A character with white space (or the text's end) on both sides: "A & B", not "M&A".
bool stands_alone(std::string_view text, std::size_t at) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  return (at == 0 || blank(text[at - 1])) && (at + 1 >= text.size() || blank(text[at + 1]));
}

constexpr std::array<std::string_view, 6> kSiteSeparators{" | ",      " - ",  " \u2013 ",
                                                          " \u2014 ", " :: ", " \u00b7 "};
constexpr std::size_t kMaxSiteNameWords = 6;

}  // namespace

std::string normalize_text(std::string_view text) {
  std::string decoded = decode_entities(text);
  std::string out;
  out.reserve(decoded.size());
  bool space = true;  // suppresses leading and repeated spaces
  auto separator = [&] {
    if (!space) out += ' ';
    space = true;
  };
  for (std::size_t i = 0; i < decoded.size();) {
    std::size_t start = i;
    char32_t cp = next_code_point(decoded, i);
    if (is_ignorable(cp)) continue;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out += c;
        space = false;
      } else if (c == '&' && stands_alone(decoded, start)) {  // "Tips & Tricks" = "Tips and Tricks"
        separator();
        out += "and";
        space = false;
        separator();
      } else if (c >= 'A' && c <= 'Z') {
        out += static_cast<char>(c - 'A' + 'a');
        space = false;
      } else {
        separator();
      }
    } else if (is_unicode_separator(cp)) {
      separator();
    } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {  // Latin-1 capitals: É -> é
      append_utf8(out, cp + 0x20);
      space = false;
    } else {
      out.append(decoded, start, i - start);
      space = false;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::string norm = normalize_text(text);
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < norm.size()) {
    auto end = norm.find(' ', pos);
    if (end == std::string::npos) end = norm.size();
    out.push_back(norm.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::set<std::string_view> sa(a.begin(), a.end());
  std::set<std::string_view> sb(b.begin(), b.end());
  if (sa.empty() && sb.empty()) return 1.0;
  std::size_t common = 0;
  for (auto w : sa) common += sb.count(w);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

std::vector<std::string> title_variants(std::string_view title) {
  std::string text = decode_entities(title);
  std::vector<std::string> out{text};
  std::size_t first = std::string::npos, first_len = 0, last = std::string::npos, last_len = 0;
  for (auto sep : kSiteSeparators) {
    auto f = text.find(sep);
    if (f == std::string::npos) continue;
    if (first == std::string::npos || f < first) first = f, first_len = sep.size();
    auto l = text.rfind(sep);
    if (last == std::string::npos || l > last) last = l, last_len = sep.size();
  }
  if (last == std::string::npos) return out;
  // A site name is short and shorter than the title it is attached to.
  auto site_name = [](std::string_view site, std::string_view rest) {
    auto n = words(site).size();
    return n <= kMaxSiteNameWords && n < words(rest).size();
  };
  std::string_view all(text);
  if (site_name(all.substr(last + last_len), all.substr(0, last))) {
    out.push_back(text.substr(0, last));
  }
  if (site_name(all.substr(0, first), all.substr(first + first_len))) {
    out.push_back(text.substr(first + first_len));
  }
  return out;
}

double title_similarity(std::string_view curated, std::string_view live) {
  // Curated titles are sometimes copied with the site name too, and sites rename themselves:
  // "Title | Old Name" against "Title - New Name" is the same headline.
  std::vector<std::vector<std::string>> live_words;
  for (const auto& variant : title_variants(live)) live_words.push_back(words(variant));
  double best = 0;
  for (const auto& curated_variant : title_variants(curated)) {
    const auto curated_words = words(curated_variant);
    for (const auto& variant_words : live_words) {
      best = std::max(best, jaccard(curated_words, variant_words));
    }
  }
  return best;
}

bool same_title(std::string_view a, std::string_view b) {
  std::vector<std::string> b_normal;
  for (const auto& vb : title_variants(b)) b_normal.push_back(normalize_text(vb));
  for (const auto& va : title_variants(a)) {
    if (std::find(b_normal.begin(), b_normal.end(), normalize_text(va)) != b_normal.end())
      return true;
  }
  return false;
}

double description_similarity(std::string_view curated, std::string_view live) {
  auto a = words(curated);
  auto b = words(live);
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  if (shorter.size() >= kMinPrefixWords &&
      std::equal(shorter.begin(), shorter.end(), longer.begin())) {
    return 1.0;
  }
  return jaccard(a, b);
}

}  // namespace linkhealth
