#pragma once
// Text comparison used by the drift rules and by relocation (a moved article is accepted when
// its title matches by the same measure); URLs are compared in crawler/url_parts.h. Pure
// functions: no I/O, no locale.
//
// Titles and descriptions are compared as sets of normalised words (Jaccard). Lexical set
// measures are what the drift literature found best for "does this still say what was curated"
// (a rewording is drift even when the meaning is kept), and a set measure does not care about
// word order changes such as "Title - Site" vs "Site: Title".

#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

/// Decodes HTML entities (named common ones and numeric), folds smart quotes, dashes and
/// ellipses to ASCII, drops apostrophes, spells a lone "&" as "and", turns other punctuation into
/// spaces, lowercases ASCII and collapses whitespace (including no-break spaces).
/// "Becker’s &amp; Co." -> "beckers and co".
std::string normalize_text(std::string_view text);

/// The words of normalize_text(text), in order.
std::vector<std::string> words(std::string_view text);

/// Jaccard similarity of the two word sets, in [0,1]. Two empty texts are identical (1).
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// Variants of a page title with a site-name segment removed: the text itself, then the text
/// before the last " | ", " - ", " – ", " — ", " :: " or " · " separator, then the text after
/// the first one (for "Site | Title" shapes). A segment is only dropped as a site name when it
/// has at most 6 words and fewer words than the part kept.
std::vector<std::string> title_variants(std::string_view title);

/// Similarity of a curated title and a live title in [0,1]: the best Jaccard over the two
/// titles' variants (so " | HIT Consultant" and " - Becker's Hospital Review" do not count).
double title_similarity(std::string_view curated, std::string_view live);

/// True when two titles differ only cosmetically: case, quotes and apostrophes, punctuation,
/// "&" against "and", or the site name attached to them (any variant of one normalises to
/// any variant of the other).
bool same_title(std::string_view a, std::string_view b);

/// Similarity of two descriptions in [0,1]: Jaccard, or 1 when one is a word-prefix of the
/// other with at least kMinPrefixWords words (curated descriptions are often truncated).
double description_similarity(std::string_view curated, std::string_view live);
inline constexpr std::size_t kMinPrefixWords = 5;

}  // namespace linkhealth
