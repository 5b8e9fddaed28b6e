#pragma once
// The error of a bad config file or settings value: a usage error (exit 3), never a crash.

#include <stdexcept>

namespace linkhealth {

/// Bad config: the message names the file, the line and the key.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace linkhealth
