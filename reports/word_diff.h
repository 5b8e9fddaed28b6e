#pragma once
// Word-level difference between a curated and a live title, so the report can highlight
// exactly which words changed instead of showing two near-identical strings.

#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

struct DiffPiece {
  enum class Op { Same, Removed, Added };
  Op op = Op::Same;
  std::string text;  ///< one or more whole words joined by single spaces
};

/// Longest-common-subsequence diff over whitespace-separated words (exact comparison).
/// Adjacent words with the same op are merged. Inputs past kMaxDiffWords words are compared
/// as one removed and one added piece, which keeps the cost bounded for hostile input.
std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after);

inline constexpr std::size_t kMaxDiffWords = 200;

}  // namespace linkhealth
