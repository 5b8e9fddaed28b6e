#pragma once
// Findings are what an offline scan says about the content itself (no network): empty or
// invalid URLs, stale clean URLs, cookie-wall captures, parse errors, ...

#include <string>

namespace linkhealth {

struct Finding {
  std::string kind;    ///< "no_url", "invalid_url", "parse_error", ... (see scan docs)
  std::string slug;    ///< empty when the file could not be read
  std::string file;    ///< relative to the content root
  std::string field;   ///< dotted front matter path, empty when not about one field
  std::string detail;  ///< human-readable explanation
  int line = 0;        ///< 1-based line in the file, 0 when unknown
};

}  // namespace linkhealth
