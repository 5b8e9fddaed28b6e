#include "reports/verdict_text.h"

#include <array>
#include <cctype>
#include <utility>

namespace linkhealth {

namespace {

struct VerdictText {
  Verdict verdict;
  std::string_view label;
  std::string_view advice;
};

// Most urgent first: the order of the report's chips and legend.
constexpr std::array<VerdictText, kVerdictCount> kTexts{{
    {Verdict::Broken, "Broken",
     "The server says the page does not exist (404, 410, ...). Find the article's new address, "
     "link an archived copy, or remove the link."},
    {Verdict::Soft404, "Soft 404",
     "The server answered, but the page says \"not found\" or sent us to a home page. Treat it "
     "like a broken link."},
    {Verdict::Invalid, "Invalid URL",
     "The URL in the content file cannot be fetched as written. Correct it in the file."},
    {Verdict::ServerError, "Server error",
     "The server failed (5xx). Often temporary; if it persists over several runs, look for "
     "another source."},
    {Verdict::Timeout, "Timed out",
     "The server did not answer in time. Often temporary; check again later."},
    {Verdict::NetworkError, "Network error",
     "The site could not be reached (DNS or connection failure). If it persists, the site may "
     "be gone."},
    {Verdict::TlsError, "Certificate error",
     "The site's HTTPS certificate is invalid or expired. Readers will see a browser warning."},
    {Verdict::Redirected, "Moved",
     "The page now lives at another address. If the move is permanent, update the link to the "
     "final URL."},
    {Verdict::Blocked, "Blocked",
     "The site refused an automated check (bot wall, consent wall, 401/403/429). Not counted as "
     "broken: open it in a browser to be sure."},
    {Verdict::Skipped, "Skipped",
     "Not checked (excluded by configuration or not an http(s) link)."},
    {Verdict::Ok, "OK", "The page answered normally. Nothing to do."},
}};

const VerdictText& text_of(Verdict verdict) {
  for (const auto& text : kTexts) {
    if (text.verdict == verdict) return text;
  }
  return kTexts.front();  // unreachable: every Verdict is in the table
}

constexpr std::array<Verdict, kVerdictCount> by_severity() {
  std::array<Verdict, kVerdictCount> out{};
  for (std::size_t i = 0; i < kTexts.size(); ++i) out[i] = kTexts[i].verdict;
  return out;
}

constexpr std::array<Verdict, kVerdictCount> kBySeverity = by_severity();

}  // namespace

std::string_view verdict_label(Verdict verdict) {
  return text_of(verdict).label;
}

std::string_view verdict_advice(Verdict verdict) {
  return text_of(verdict).advice;
}

const std::array<Verdict, kVerdictCount>& verdicts_by_severity() {
  return kBySeverity;
}

std::string_view drift_label(DriftKind kind) {
  switch (kind) {
    case DriftKind::TitleMismatch:
      return "Live title differs from the curated one";
    case DriftKind::DescriptionMismatch:
      return "Live description differs from the curated one";
    case DriftKind::CanonicalMismatch:
      return "The page names another canonical URL";
    case DriftKind::VerdictChanged:
      return "Verdict changed since the last check";
    case DriftKind::FinalUrlChanged:
      return "Now ends at a different URL";
    case DriftKind::TitleChanged:
      return "Live title changed since the last check";
    case DriftKind::DescriptionChanged:
      return "Live description changed since the last check";
  }
  return to_string(kind);
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
