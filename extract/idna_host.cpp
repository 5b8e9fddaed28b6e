#include "extract/idna_host.h"

#include <idn2.h>

#include <algorithm>
#include <memory>

namespace linkhealth {

std::variant<std::string, IdnaError> punycode_host(const std::string& host) {
  if (std::all_of(host.begin(), host.end(), [](char c) { return (c & 0x80) == 0; })) return host;
  char* ascii = nullptr;
  const int rc = idn2_lookup_u8(reinterpret_cast<const uint8_t*>(host.c_str()),
                                reinterpret_cast<uint8_t**>(&ascii), IDN2_NONTRANSITIONAL);
  if (rc != IDN2_OK) return IdnaError{idn2_strerror(rc)};
  const std::unique_ptr<char, decltype(&idn2_free)> owned(ascii, &idn2_free);
  return std::string(owned.get());
}

}  // namespace linkhealth
