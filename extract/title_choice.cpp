#include "extract/title_choice.h"

#include <algorithm>

#include "extract/ascii.h"

namespace linkhealth {

namespace {

// Length of the separator starting at s[i] (0 when s[i] starts a word character): ASCII other
// than letters and digits, U+00A0 and U+00B7, General Punctuation (U+2000-U+206F: dashes,
// curly quotes, ellipsis) and the fullwidth vertical bar U+FF5C of Japanese title suffixes.
std::size_t separator_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
  };
  const unsigned char c = byte(i);
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 0 : 1;
  if (c == 0xC2 && (byte(i + 1) == 0xA0 || byte(i + 1) == 0xB7)) return 2;
  if (c == 0xE2 && (byte(i + 1) == 0x80 || byte(i + 1) == 0x81)) return 3;
  if (c == 0xEF && byte(i + 1) == 0xBD && byte(i + 2) == 0x9C) return 3;
  return 0;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t sep = separator_length(text, i);
    if (sep == 0) {
      word += ascii_lower(text[i++]);
      continue;
    }
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
    i += sep;
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// The <title> says nothing but the site's name: nothing page-specific to prefer over a
// headline.
bool is_site_name(std::string_view title, const std::vector<std::string_view>& site_names) {
  const std::vector<std::string> title_words = words(title);
  return std::any_of(site_names.begin(), site_names.end(),
                     [&](std::string_view name) { return words(name) == title_words; });
}

}  // namespace

bool headline_fits_title(std::string_view headline, std::string_view title) {
  std::vector<std::string> headline_words = words(headline);
  if (headline_words.empty()) return false;
  // Scripts written without spaces (Japanese) are one "word" each: there the title must start
  // with the headline, which must be at least half of it ("地域医療の未来【公式】"). A
  // short prefix ("News" of "Newsroom | Acme") is no name for the page.
  const std::string lower_title = ascii_lower(title);
  const std::string lower_headline = ascii_lower(headline);
  if (lower_title.starts_with(lower_headline) && lower_headline.size() * 2 >= lower_title.size())
    return true;
  std::sort(headline_words.begin(), headline_words.end());
  headline_words.erase(std::unique(headline_words.begin(), headline_words.end()),
                       headline_words.end());
  std::vector<std::string> title_words = words(title);
  std::sort(title_words.begin(), title_words.end());
  title_words.erase(std::unique(title_words.begin(), title_words.end()), title_words.end());
  // A fragment is no name for the page: "Overview" is in "Overview of diabetes treatment |
  // Mayo Clinic" but says far less. The headline must carry at least half as many words as the
  // whole title, site name included (a headline is the title minus a short suffix).
  if (headline_words.size() * 2 < title_words.size()) return false;
  const auto shared =
      std::count_if(headline_words.begin(), headline_words.end(), [&](const std::string& w) {
        return std::binary_search(title_words.begin(), title_words.end(), w);
      });
  // Three quarters: a headline is the title minus its site suffix (every word shared) or a
  // light rewording of it. A Wikidata blurb shares a word by accident at most: "Wikimedia list
  // article" has one in "List of ... - Wikipedia", two in "List of Wikimedia projects", both
  // below.
  return static_cast<std::size_t>(shared) * 4 >= headline_words.size() * 3;
}

TitleChoice choose_title(const TitleCandidates& c) {
  TitleChoice choice;
  const auto take = [&](std::string_view value, std::string_view rule) {
    choice.title = std::string(value);
    choice.rule = std::string(rule);
  };
  if (!c.og_title.empty()) {
    take(c.og_title, "og:title");
  } else if (!c.twitter_title.empty()) {
    take(c.twitter_title, "twitter:title");
  } else if (!c.jsonld_headline.empty() &&
             (c.html_title.empty() || is_site_name(c.html_title, c.site_names) ||
              headline_fits_title(c.jsonld_headline, c.html_title))) {
    take(c.jsonld_headline, "jsonld:headline");
  } else if (!c.html_title.empty()) {
    take(c.html_title, "title");
    if (!c.jsonld_headline.empty())
      choice.note =
          "jsonld:headline: not used as the title: it does not name the page as <title> does";
  }
  return choice;
}

}  // namespace linkhealth
