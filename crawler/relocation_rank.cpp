#include "crawler/relocation_rank.h"

#include <algorithm>
#include <array>

#include "crawler/url_parts.h"
#include "extract/similarity.h"

namespace linkhealth {
namespace {

constexpr std::size_t kMinIdDigits = 5;
// A shared article id ranks like a good title match: worth a fetch, never enough alone.
constexpr double kSharedIdRank = 0.6;

constexpr std::array<std::string_view, 9> kExtensions{"html", "htm",   "php", "asp", "aspx",
                                                      "jsp",  "shtml", "cfm", "amp"};

bool all_digits(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> sorted_unique(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

/// Jaccard of two sorted, unique word lists.
double sorted_jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

bool shares_any(const std::vector<std::string>& ids, const std::vector<std::string>& words) {
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
    return std::binary_search(words.begin(), words.end(), id);
  });
}

double best_title_similarity(const RelocationKey& key, std::string_view title) {
  double best = 0;
  for (const std::string& curated : key.curated_titles) {
    best = std::max(best, title_similarity(curated, title));
  }
  return best;
}

}  // namespace

std::vector<std::string> url_words(std::string_view url) {
  const std::size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  const std::size_t path = rest.find_first_of("/?#");
  rest = path == std::string_view::npos ? std::string_view() : rest.substr(path);
  rest = rest.substr(0, rest.find('#'));
  std::vector<std::string> out;
  for (std::string& word : words(rest)) {
    const bool extension =
        std::find(kExtensions.begin(), kExtensions.end(), word) != kExtensions.end();
    if (extension || (all_digits(word) && word.size() < kMinIdDigits)) continue;
    out.push_back(std::move(word));
  }
  return sorted_unique(std::move(out));
}

std::optional<RelocationKey> relocation_key(std::string dead_url,
                                            std::vector<std::string> curated_titles) {
  RelocationKey key;
  for (std::string& title : curated_titles) {
    std::vector<std::string> title_words = words(title);
    if (title_words.size() < kMinTitleWords) continue;
    key.title_words.push_back(sorted_unique(std::move(title_words)));
    key.curated_titles.push_back(std::move(title));
  }
  if (key.curated_titles.empty()) return std::nullopt;
  key.slug_words = url_words(dead_url);
  for (const std::string& word : key.slug_words) {
    if (all_digits(word)) key.ids.push_back(word);
  }
  key.dead_url = std::move(dead_url);
  return key;
}

EntryWords entry_words(const SitemapEntry& entry) {
  return {url_words(entry.loc), sorted_unique(words(entry.news_title))};
}

double rank_candidate(const RelocationKey& key, const SitemapEntry& entry,
                      const EntryWords& words) {
  double rank = sorted_jaccard(words.url, key.slug_words);
  for (const auto& title : key.title_words) {
    rank = std::max(rank, sorted_jaccard(words.url, title));
    if (!words.title.empty()) rank = std::max(rank, sorted_jaccard(words.title, title));
  }
  if (shares_any(key.ids, words.url)) rank = std::max(rank, kSharedIdRank);
  // The cheap word test first: most entries end here, before any URL is parsed.
  if (rank < kMinCandidateRank) return 0;
  if (!words.title.empty()) rank = std::max(rank, best_title_similarity(key, entry.news_title));
  if (same_page_url(entry.loc, key.dead_url) || !is_same_site(entry.loc, key.dead_url)) return 0;
  return rank;
}

void TopCandidates::offer(RankedCandidate candidate) {
  const auto before = [](const RankedCandidate& a, const RankedCandidate& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.url < b.url;
  };
  auto same = std::find_if(best_.begin(), best_.end(),
                           [&](const RankedCandidate& c) { return c.url == candidate.url; });
  if (same != best_.end()) {
    if (!before(candidate, *same)) return;
    best_.erase(same);
  }
  if (best_.size() >= capacity_ && !before(candidate, best_.back())) return;
  best_.insert(std::upper_bound(best_.begin(), best_.end(), candidate, before),
               std::move(candidate));
  if (best_.size() > capacity_) best_.pop_back();
}

void TopCandidates::merge(const TopCandidates& other) {
  for (const RankedCandidate& c : other.best_) offer(c);
}

std::optional<Replacement> choose_replacement(const RelocationKey& key,
                                              const std::vector<FetchedCandidate>& fetched) {
  // One row per distinct page: a sitemap may list an article under two URLs.
  std::vector<Replacement> pages;
  for (const FetchedCandidate& c : fetched) {
    if (c.verdict != Verdict::Ok || c.title.empty()) continue;
    const std::string& url = c.final_url.empty() ? c.url : c.final_url;
    if (same_page_url(url, key.dead_url) || !is_same_site(url, key.dead_url)) continue;
    const double similarity = best_title_similarity(key, c.title);
    auto same = std::find_if(pages.begin(), pages.end(),
                             [&](const Replacement& p) { return same_page_url(p.url, url); });
    if (same == pages.end()) {
      pages.push_back({url, c.title, similarity});
    } else if (similarity > same->similarity) {
      *same = {url, c.title, similarity};
    }
  }
  if (pages.empty()) return std::nullopt;
  std::sort(pages.begin(), pages.end(),
            [](const Replacement& a, const Replacement& b) { return a.similarity > b.similarity; });
  if (pages[0].similarity < kReplacementSimilarity) return std::nullopt;
  if (pages.size() > 1 && pages[0].similarity - pages[1].similarity < kReplacementMargin) {
    return std::nullopt;
  }
  return pages[0];
}

}  // namespace linkhealth
