#pragma once
// Throwaway TLS identities made at test time with OpenSSL, for the certificate scenarios
// (expired, self-signed) that a committed far-future certificate cannot play.

#include <string>
#include <vector>

namespace linkhealth::testweb {

struct TlsIdentity {
  std::string cert_pem;
  std::string key_pem;
};

/// A self-signed EC certificate for `dns_names`, valid from now + `not_before_s` to now +
/// `not_after_s` (negative = in the past). Throws std::runtime_error when OpenSSL fails.
TlsIdentity make_self_signed(const std::vector<std::string>& dns_names, long not_before_s,
                             long not_after_s);

}  // namespace linkhealth::testweb
