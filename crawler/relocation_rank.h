#pragma once
// Relocation's pure part: which sitemap entries may be a dead article's new address (ranked
// while the sitemaps stream past, keeping only the best few per dead link), and which fetched
// candidate, if any, to suggest. Titles are the key (Klein & Nelson: the title finds most
// missing pages), compared by the measure drift uses (extract/similarity.h). Precision first:
// a wrong "moved to" costs an editor more than none, so a weak best or a tie suggests nothing.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/sitemap_reader.h"
#include "types/repair.h"
#include "types/verdict.h"

namespace linkhealth {

/// Rank below which an entry is not worth a request.
inline constexpr double kMinCandidateRank = 0.25;
/// Candidates kept per dead link while streaming, and how many of them are fetched.
inline constexpr std::size_t kCandidatesKept = 5;
inline constexpr std::size_t kCandidatesFetched = 3;
/// A fetched page's title must match the curated one at least this well (drift calls below
/// 0.5 "a different page"; a moved article keeps its headline, so more is asked here: one word
/// changed in a ten-word headline, "cuts 200 jobs" against "cuts 300 jobs", is 0.82) ...
inline constexpr double kReplacementSimilarity = 0.9;
/// ... and beat every other page fetched for the same link by this much.
inline constexpr double kReplacementMargin = 0.15;
/// A curated title of fewer words is too generic to find an article by.
inline constexpr std::size_t kMinTitleWords = 3;

/// What a dead link is matched against, prepared once.
struct RelocationKey {
  std::string dead_url;
  std::vector<std::string> curated_titles;
  std::vector<std::vector<std::string>> title_words;  ///< per usable curated title, sorted, unique
  std::vector<std::string> slug_words;                ///< url_words of the dead URL
  std::vector<std::string> ids;                       ///< long numbers in the dead URL
};

/// nullopt when no curated title has kMinTitleWords words (nothing to find the article by).
std::optional<RelocationKey> relocation_key(std::string dead_url,
                                            std::vector<std::string> curated_titles);

/// The words of a URL's path and query as a slug reads them: lowercase, sorted, unique,
/// without file extensions and without numbers of under 5 digits (dates, page numbers).
std::vector<std::string> url_words(std::string_view url);

/// A sitemap entry's words, computed once for every dead link of its host.
struct EntryWords {
  std::vector<std::string> url;    ///< url_words(loc)
  std::vector<std::string> title;  ///< words of the news title, sorted, unique
};
EntryWords entry_words(const SitemapEntry& entry);

/// How likely `entry` is the dead link's new address, in [0,1]: the best of its URL's words
/// against the curated title, against the dead URL's words, its news title against the
/// curated title, and a shared article id. 0 for the dead URL itself or another site.
double rank_candidate(const RelocationKey& key, const SitemapEntry& entry, const EntryWords& words);

/// A sitemap entry worth fetching.
struct RankedCandidate {
  std::string url;
  std::string news_title;
  double rank = 0;
  bool operator==(const RankedCandidate&) const = default;
};

/// The best `capacity` candidates seen, best first (ties: the smaller URL first, so the
/// order does not depend on the sitemaps' order). Memory: `capacity` entries, whatever
/// streams past.
class TopCandidates {
 public:
  explicit TopCandidates(std::size_t capacity = kCandidatesKept) : capacity_(capacity) {}
  /// Keeps it when it is among the best; the same URL is kept once, at its best rank.
  void offer(RankedCandidate candidate);
  void merge(const TopCandidates& other);
  const std::vector<RankedCandidate>& best() const { return best_; }

 private:
  std::size_t capacity_;
  std::vector<RankedCandidate> best_;
};

/// A candidate after its fetch.
struct FetchedCandidate {
  std::string url;  ///< as requested
  Verdict verdict = Verdict::Invalid;
  std::string final_url;  ///< where it answered
  std::string title;      ///< the page's title (PageMeta::title)
};

/// The replacement to suggest, or nullopt: only an `ok` page on the dead link's site whose
/// title matches a curated title by at least kReplacementSimilarity and beats every other
/// distinct page fetched by kReplacementMargin. Its URL is where it answered.
std::optional<Replacement> choose_replacement(const RelocationKey& key,
                                              const std::vector<FetchedCandidate>& fetched);

}  // namespace linkhealth
