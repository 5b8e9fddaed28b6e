#include "reports/unified_diff.h"

#include <algorithm>

namespace linkhealth {
namespace {

/// The text cut into lines, each with its line break (the last one may have none).
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = text.find('\n', at);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(at, next - at));
    at = next;
  }
  return lines;
}

/// 0-based index of the line holding byte `offset`.
std::size_t line_index(std::string_view text, std::size_t offset) {
  return static_cast<std::size_t>(
      std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

/// Lines [first, last] of the old file were replaced by lines [new_first, new_last] of the new.
struct Change {
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t new_first = 0;
  std::size_t new_last = 0;
};

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t first, std::size_t count) {
  // An empty range names the line before it, as diff does.
  return std::to_string(count == 0 ? first : first + 1) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after,
                         const std::vector<Splice>& splices, int context) {
  if (before == after) return {};
  const auto old_lines = lines_of(before);
  const auto new_lines = lines_of(after);
  // Each splice turns whole old lines into whole new lines; splices on one line merge.
  std::vector<Change> changes;
  long shift = 0;
  for (const Splice& s : splices) {
    const std::size_t new_begin = static_cast<std::size_t>(static_cast<long>(s.begin) + shift);
    const std::size_t new_end = new_begin + s.text.size();
    shift += static_cast<long>(s.text.size()) - static_cast<long>(s.end - s.begin);
    Change c{line_index(before, s.begin), line_index(before, s.end), line_index(after, new_begin),
             line_index(after, new_end)};
    if (!changes.empty() && c.first <= changes.back().last) {
      changes.back().last = std::max(changes.back().last, c.last);
      changes.back().new_last = std::max(changes.back().new_last, c.new_last);
    } else {
      changes.push_back(c);
    }
  }
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  const auto ctx = static_cast<std::size_t>(context);
  for (std::size_t i = 0; i < changes.size();) {
    // A hunk: changes whose context overlaps.
    std::size_t j = i;
    while (j + 1 < changes.size() && changes[j + 1].first <= changes[j].last + 2 * ctx + 1) ++j;
    const std::size_t start = changes[i].first > ctx ? changes[i].first - ctx : 0;
    const std::size_t new_start = changes[i].new_first - (changes[i].first - start);
    const std::size_t end = std::min(old_lines.size(), changes[j].last + ctx + 1);
    const std::size_t new_end = changes[j].new_last + (end - changes[j].last);
    std::string body;
    std::size_t at = start;
    for (std::size_t k = i; k <= j; ++k) {
      for (; at < changes[k].first; ++at) append_line(body, ' ', old_lines[at]);
      for (std::size_t l = changes[k].first; l <= changes[k].last; ++l) {
        append_line(body, '-', old_lines[l]);
      }
      for (std::size_t l = changes[k].new_first; l <= changes[k].new_last; ++l) {
        append_line(body, '+', new_lines[l]);
      }
      at = changes[k].last + 1;
    }
    for (; at < end; ++at) append_line(body, ' ', old_lines[at]);
    out += "@@ -" + range(start, end - start) + " +" + range(new_start, new_end - new_start) +
           " @@\n" + body;
    i = j + 1;
  }
  return out;
}

}  // namespace linkhealth
