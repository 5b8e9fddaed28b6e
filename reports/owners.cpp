#include "reports/owners.h"

#include <algorithm>

#include "reports/report_model.h"

namespace linkhealth {
namespace {

bool glob_at(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.substr(0, 2) == "**") {
      std::string_view rest = p.substr(2);
      // "a/**/b" also matches "a/b": the folder run may be empty.
      if (!rest.empty() && rest.front() == '/' && glob_at(rest.substr(1), s)) return true;
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (glob_at(rest, s.substr(i))) return true;
      }
      return false;
    }
    if (p.front() == '*') {
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (glob_at(p.substr(1), s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p.front() == '?' ? s.front() == '/' : p.front() != s.front()) return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

bool path_glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  if (path.substr(0, 2) == "./") path.remove_prefix(2);
  return glob_at(pattern, path);
}

const Owner* owner_of(const std::vector<Owner>& owners, std::string_view file,
                      std::string_view community) {
  for (const Owner& owner : owners) {
    const bool by_path =
        std::any_of(owner.paths.begin(), owner.paths.end(),
                    [&](const std::string& g) { return path_glob_match(g, file); });
    const bool by_community =
        !community.empty() && std::find(owner.communities.begin(), owner.communities.end(),
                                        community) != owner.communities.end();
    if (by_path || by_community) return &owner;
  }
  return nullptr;
}

void assign_owners(TargetRecord& target, const std::vector<Owner>& owners) {
  for (CitingRef& ref : target.refs) {
    const Owner* owner = owner_of(owners, ref.file, ref.curated.community);
    ref.owner = owner ? owner->name : std::string();
  }
}

bool keep_owned_refs(TargetRecord& target, std::string_view owner) {
  const std::string_view wanted = owner == kUnownedName ? std::string_view{} : owner;
  if (target.refs.empty()) return wanted.empty();
  std::erase_if(target.refs, [&](const CitingRef& ref) { return ref.owner != wanted; });
  return !target.refs.empty();
}

void apply_owners(ReportModel& model, std::string_view owner) {
  for (TargetRecord& target : model.targets) assign_owners(target, model.owners);
  if (owner.empty()) return;
  model.owner_filter = std::string(owner);
  std::erase_if(model.targets, [&](TargetRecord& t) { return !keep_owned_refs(t, owner); });
}

}  // namespace linkhealth
