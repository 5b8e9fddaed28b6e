#pragma once
// Findings are what an offline scan says about the content itself (no network): empty or
// invalid URLs, stale clean URLs, cookie-wall captures, parse errors, ...

#include <string>

#include "types/finding_kind.h"

namespace linkhealth {

struct Finding {
  FindingKind kind = FindingKind::ParseError;
  std::string slug;    ///< empty when the file could not be read
  std::string file;    ///< relative to the content root
  std::string field;   ///< dotted front matter path, empty when not about one field
  std::string detail;  ///< human-readable explanation
  int line = 0;        ///< 1-based line in the file, 0 when unknown
};

}  // namespace linkhealth
