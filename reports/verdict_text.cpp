#include "reports/verdict_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace linkhealth {

namespace {

// In the order of the enum (types/verdict.h): ok, redirected, broken, soft_404, blocked,
// server_error, timeout, network_error, tls_error, invalid, skipped.
constexpr NameTable<Verdict::Skipped> kLabels{{"OK", "Moved", "Broken", "Soft 404", "Blocked",
                                               "Server error", "Timed out", "Network error",
                                               "Certificate error", "Invalid URL", "Skipped"}};
static_assert(kLabels.names_every_value());

constexpr NameTable<Verdict::Skipped> kAdvice{{
    "The page answered normally. Nothing to do.",
    "The page now lives at another address. If the move is permanent, update the link to the "
    "final URL.",
    "The server says the page does not exist (404, 410, ...). Find the article's new address, "
    "link an archived copy, or remove the link.",
    "The server answered, but the page says \"not found\" or sent us to a home page. Treat it "
    "like a broken link.",
    "The site refused an automated check (bot wall, consent wall, 401/403/429). Not counted as "
    "broken: open it in a browser to be sure.",
    "The server failed (5xx). Often temporary; if it persists over several runs, look for "
    "another source.",
    "The server did not answer in time. Often temporary; check again later.",
    "The site could not be reached (DNS or connection failure). If it persists, the site may "
    "be gone.",
    "The site's HTTPS certificate is invalid or expired. Readers will see a browser warning.",
    "The URL in the content file cannot be fetched as written. Correct it in the file.",
    "Not checked (excluded by configuration or not an http(s) link).",
}};
static_assert(kAdvice.names_every_value());

// Most urgent first: the order of the report's chips and legend.
constexpr std::array<Verdict, kVerdictCount> kBySeverity{
    {Verdict::Broken, Verdict::Soft404, Verdict::Invalid, Verdict::ServerError, Verdict::Timeout,
     Verdict::NetworkError, Verdict::TlsError, Verdict::Redirected, Verdict::Blocked,
     Verdict::Skipped, Verdict::Ok}};

constexpr bool lists_every_verdict_once(const std::array<Verdict, kVerdictCount>& order) {
  for (Verdict v : all_values<Verdict>()) {
    if (std::count(order.begin(), order.end(), v) != 1) return false;
  }
  return true;
}
static_assert(lists_every_verdict_once(kBySeverity));

constexpr NameTable<DriftKind::DescriptionChanged> kDriftLabels{
    {"Live title differs from the curated one", "Live description differs from the curated one",
     "The page names another canonical URL", "Verdict changed since the last check",
     "Now ends at a different URL", "Live title changed since the last check",
     "Live description changed since the last check"}};
static_assert(kDriftLabels.names_every_value());

}  // namespace

std::string_view verdict_label(Verdict verdict) {
  return kLabels.name(verdict);
}

std::string_view verdict_advice(Verdict verdict) {
  return kAdvice.name(verdict);
}

const std::array<Verdict, kVerdictCount>& verdicts_by_severity() {
  return kBySeverity;
}

std::string_view drift_label(DriftKind kind) {
  return kDriftLabels.name(kind);
}

std::string display_time(std::string_view iso) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(iso[i]))) return false;
    }
    return true;
  };
  bool shaped = iso.size() >= 16 && digits(0, 4) && iso[4] == '-' && digits(5, 2) &&
                iso[7] == '-' && digits(8, 2) && (iso[10] == 'T' || iso[10] == ' ') &&
                digits(11, 2) && iso[13] == ':' && digits(14, 2);
  // Only a UTC time (no offset) may be labelled UTC.
  if (!shaped || iso.find_first_of("+-", 16) != std::string_view::npos) return std::string(iso);
  return std::string(iso.substr(0, 10)) + " " + std::string(iso.substr(11, 5)) + " UTC";
}

}  // namespace linkhealth
