#include "types/fail_on.h"

#include "types/name_table.h"

namespace linkhealth {
namespace {

constexpr NameTable<FailOn, 3> kPolicies{{{
    {FailOn::New, "new"},
    {FailOn::Any, "any"},
    {FailOn::Never, "never"},
}}};
static_assert(kPolicies.names_every_value_in_order());

}  // namespace

std::string_view to_string(FailOn policy) {
  return kPolicies.name(policy);
}
std::optional<FailOn> fail_on_from_string(std::string_view name) {
  return kPolicies.parse(name);
}

}  // namespace linkhealth
