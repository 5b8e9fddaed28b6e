#pragma once
// The `owners:` list of linkhealth.yaml (reports/owners.h says what an owner is):
//
//   owners:
//     - name: Cardiology desk
//       email: cardio@example.org
//       webhook: https://hooks.slack.com/services/T000/B000/XXXX   # optional
//       paths: ["communities/cardiology/**"]
//       communities: [cardiology]
//
// Every mistake is a ConfigError naming the file, the line and the key.

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "reports/owners.h"

namespace linkhealth {

/// The owners of the `owners:` node, in file order. Throws ConfigError.
std::vector<Owner> read_owners(const std::string& origin, const YAML::Node& node);

}  // namespace linkhealth
