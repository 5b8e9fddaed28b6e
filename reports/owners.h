#pragma once
// Who owns which content, so a report and a notification reach the editors who can fix a
// link. Owners come from the `owners:` list of linkhealth.yaml; each names content paths
// (globs on the file path relative to the content root) and/or communities (`basePath`).
// The first owner in the list with a matching rule owns a file; a file no rule matches is
// unowned and listed as such. Ownership is per content file, so a URL cited by two files can
// have two owners.

#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

struct TargetRecord;
struct ReportModel;

struct Owner {
  std::string name;
  std::string email;                     ///< may be empty
  std::string webhook;                   ///< the owner's own chat webhook, may be empty
  std::vector<std::string> paths;        ///< globs: `*` `?` within a folder, `**` across
  std::vector<std::string> communities;  ///< exact community names

  friend bool operator==(const Owner&, const Owner&) = default;
};

/// The owner name `report --owner` takes for content no rule matches; no owner may use it.
inline constexpr std::string_view kUnownedName = "unowned";

/// Whether `path` (relative, '/'-separated) matches the glob: `*` and `?` never cross a '/',
/// `**` matches any run of folders (`a/**/b` also matches `a/b`), a leading "./" or "/" of the
/// pattern is ignored. Case-sensitive, like the file system.
bool path_glob_match(std::string_view pattern, std::string_view path);

/// The first owner with a path glob matching `file` or a community equal to `community`;
/// nullptr when none.
const Owner* owner_of(const std::vector<Owner>& owners, std::string_view file,
                      std::string_view community);

/// Sets CitingRef::owner on every ref of the target ("" for unowned).
void assign_owners(TargetRecord& target, const std::vector<Owner>& owners);

/// Keeps only the refs owned by `owner` (kUnownedName: unowned ones; a target without refs is
/// unowned); returns false when the target keeps none and leaves the owner's view.
bool keep_owned_refs(TargetRecord& target, std::string_view owner);

/// assign_owners over the model (with model.owners); with a non-empty `owner`, also drops what
/// keep_owned_refs drops and records the filter in model.owner_filter.
void apply_owners(ReportModel& model, std::string_view owner);

}  // namespace linkhealth
