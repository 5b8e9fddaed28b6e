#include "reports/repair_text.h"

#include <algorithm>
#include <cstdio>

namespace linkhealth {
namespace {

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string display_date(std::string_view text) {
  if (text.size() == 14 && all_digits(text)) {
    return std::string(text.substr(0, 4)) + "-" + std::string(text.substr(4, 2)) + "-" +
           std::string(text.substr(6, 2));
  }
  std::string_view trimmed = text;
  while (!trimmed.empty() && (trimmed.front() == '\'' || trimmed.front() == '"'))
    trimmed.remove_prefix(1);
  if (trimmed.size() >= 10 && all_digits(trimmed.substr(0, 4)) && trimmed[4] == '-' &&
      trimmed[7] == '-') {
    return std::string(trimmed.substr(0, 10));
  }
  return std::string(text);
}

std::string archive_phrase(const ArchiveCapture& archive) {
  std::string out = "Archived copy from " + display_date(archive.timestamp);
  if (!archive.curated_at.empty()) out += ", curated " + display_date(archive.curated_at);
  return out;
}

std::string title_match_phrase(const Replacement& moved) {
  char score[32];
  std::snprintf(score, sizeof score, "%.2f", moved.similarity);
  return "title matches: \"" + moved.title + "\" (similarity " + score + ")";
}

}  // namespace linkhealth
