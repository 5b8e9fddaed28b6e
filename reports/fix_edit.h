#pragma once
// One edit `linkhealth fix` makes to a content file, and a value it leaves alone: the records
// the fix planner (reports/fix_plan.h), the report's "Ready to fix" and `fix` itself share.

#include <string>

#include "types/fix_kind.h"

namespace linkhealth {

/// One value `fix` changes.
struct FixEdit {
  std::string file;  ///< relative to the content root
  int line = 0;      ///< 1-based line of the value
  std::string field;
  std::string old_value;
  std::string new_value;
  FixKind kind = FixKind::Redirect;
  bool operator==(const FixEdit&) const = default;
};

/// A value left alone, and why (for the editor: names the file and line).
struct FixNote {
  std::string file;
  int line = 0;
  std::string message;
  bool operator==(const FixNote&) const = default;
};

}  // namespace linkhealth
