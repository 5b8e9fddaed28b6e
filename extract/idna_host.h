#pragma once
// An internationalised host name in punycode, the one conversion the cleaner (for the request
// URL it records) and the engine (for what curl is handed) share. libidn2 is called directly:
// curl 7.88's own conversion (CURLU_PUNYCODE) goes through the process locale and fails for
// non-ASCII hosts under the C locale.

#include <string>
#include <variant>

namespace linkhealth {

/// The ASCII (punycode) form of a UTF-8 host, IDNA 2008 non-transitional; an ASCII host comes
/// back unchanged. The error alternative says why the name is not a valid IDNA name.
struct IdnaError {
  std::string message;
};
std::variant<std::string, IdnaError> punycode_host(const std::string& host);

}  // namespace linkhealth
