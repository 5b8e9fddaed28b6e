#pragma once
// A unified diff (`diff -u` / `git apply` format) of a file whose changes are known splices,
// for `linkhealth fix` to show its edits before writing them. Lines keep their bytes, a CR of
// a CRLF line end included, so the patch applies to the file as it is.

#include <string>
#include <string_view>
#include <vector>

#include "extract/front_matter_edit.h"

namespace linkhealth {

/// The diff of `before` and `after` (= before with `splices`, in file order, applied) with
/// `context` lines around each change; headers name a/`path` and b/`path`. Empty when the
/// splices change nothing. A splice changes the lines it starts and ends on (the rewriter's
/// splices are values: they never end just past a line break).
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after,
                         const std::vector<Splice>& splices, int context = 3);

}  // namespace linkhealth
