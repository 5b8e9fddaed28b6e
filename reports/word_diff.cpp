#include "reports/word_diff.h"

namespace linkhealth {
namespace {

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

void append(std::vector<DiffPiece>& out, DiffPiece::Op op, std::string_view word) {
  if (!out.empty() && out.back().op == op) {
    out.back().text += ' ';
    out.back().text += word;
  } else {
    out.push_back({op, std::string(word)});
  }
}

void append_all(std::vector<DiffPiece>& out, DiffPiece::Op op,
                const std::vector<std::string_view>& words) {
  for (auto word : words) append(out, op, word);
}

}  // namespace

std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after) {
  auto a = split_words(before);
  auto b = split_words(after);
  std::vector<DiffPiece> out;
  if (a.size() > kMaxDiffWords || b.size() > kMaxDiffWords) {
    append_all(out, DiffPiece::Op::Removed, a);
    append_all(out, DiffPiece::Op::Added, b);
    return out;
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      append(out, DiffPiece::Op::Same, a[i]);
      ++i;
      ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      append(out, DiffPiece::Op::Removed, a[i++]);
    } else {
      append(out, DiffPiece::Op::Added, b[j++]);
    }
  }
  for (; i < a.size(); ++i) append(out, DiffPiece::Op::Removed, a[i]);
  for (; j < b.size(); ++j) append(out, DiffPiece::Op::Added, b[j]);
  return out;
}

}  // namespace linkhealth
