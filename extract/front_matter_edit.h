#pragma once
// Rewriting front matter values in place, for `linkhealth fix`: every byte of the file but the
// edited values stays as it was (key order, comments, quoting of other values, line ends, a
// BOM, the Markdown body). A value is found where its parser (yaml-cpp, toml++, or a walk of
// the JSON tokens) says it is, written in its own style (extract/value_span.h), and the edited
// file is parsed again: an edit is refused, with the reason, unless the new front matter holds
// exactly the intended values and is otherwise the same tree as before. A YAML block the plain
// reader takes (plain_yaml.h) is read and checked by it, before and after; yaml-cpp judges the
// others and any edit the plain checks do not pass.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

struct ValueEdit {
  std::string field;      ///< dotted front matter path, e.g. "link.href"
  std::string old_value;  ///< the value the edit was planned from
  std::string new_value;
  bool operator==(const ValueEdit&) const = default;
};

/// Bytes [begin, end) of the original file replaced by `text`.
struct Splice {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  bool operator==(const Splice&) const = default;
};

struct AppliedEdit {
  ValueEdit edit;
  int line = 0;  ///< 1-based file line where the old value started
  Splice splice;
  bool operator==(const AppliedEdit&) const = default;
};

struct RefusedEdit {
  ValueEdit edit;
  int line = 0;  ///< 1-based, 0 when the value was not found
  std::string reason;
  bool operator==(const RefusedEdit&) const = default;
};

struct FrontMatterEdits {
  std::string text;  ///< the file with the applied edits (the input when none applied)
  std::vector<AppliedEdit> applied;  ///< in file order
  std::vector<RefusedEdit> refused;
  bool operator==(const FrontMatterEdits&) const = default;
};

/// Applies `edits` (at most one per field) to the file `file`. An edit whose field does not
/// hold old_value any more is refused ("now holds ..."), as is one the value's style cannot
/// hold or one whose re-parse disagrees.
FrontMatterEdits edit_front_matter(std::string_view file, const std::vector<ValueEdit>& edits);

/// What edit_front_matter does when the plain reader cannot decide: the block read by its own
/// parser (yaml-cpp for YAML), every refusal with its reason.
FrontMatterEdits parsed_front_matter_edits(std::string_view file,
                                           const std::vector<ValueEdit>& edits);

/// What edit_front_matter does first: the edits of a YAML block the plain reader takes, found
/// and checked on its trees (plain_yaml_compare.h), when all apply and pass; nullopt when the
/// parser must judge them.
std::optional<FrontMatterEdits> plain_front_matter_edits(std::string_view file,
                                                         const std::vector<ValueEdit>& edits);

}  // namespace linkhealth
