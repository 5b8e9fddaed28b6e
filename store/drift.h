#pragma once
// store/ is the third stage: the SQLite memory of linkhealth (runs, checks, history) and the
// drift rules that compare what was curated, what was seen last time and what is live now.

#include <string>

namespace linkhealth {

/// One difference worth telling an editor about.
struct Drift {
  std::string kind;    ///< "title_mismatch", "description_mismatch", "canonical_mismatch",
                       ///< "verdict_changed", "final_url_changed", "title_changed",
                       ///< "description_changed"
  std::string slug;    ///< the source it concerns; empty for target-level drift
  std::string before;  ///< curated or previously seen value
  std::string after;   ///< live value
  double score = 0;    ///< similarity in [0,1] (1 = identical) or 0 for categorical changes
};

}  // namespace linkhealth
