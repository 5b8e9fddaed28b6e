#include "reports/verdict_text.h"

#include <cctype>

namespace linkhealth {

std::string_view verdict_label(Verdict verdict) {
  switch (verdict) {
    case Verdict::Ok: return "OK";
    case Verdict::Redirected: return "Moved";
    case Verdict::Broken: return "Broken";
    case Verdict::Soft404: return "Soft 404";
    case Verdict::Blocked: return "Blocked";
    case Verdict::ServerError: return "Server error";
    case Verdict::Timeout: return "Timed out";
    case Verdict::NetworkError: return "Network error";
    case Verdict::TlsError: return "Certificate error";
    case Verdict::Invalid: return "Invalid URL";
    case Verdict::Skipped: return "Skipped";
  }
  return "Unknown";
}

std::string_view verdict_advice(Verdict verdict) {
  switch (verdict) {
    case Verdict::Ok: return "The page answered normally. Nothing to do.";
    case Verdict::Redirected:
      return "The page now lives at another address. If the move is permanent, update the link "
             "to the final URL.";
    case Verdict::Broken:
      return "The server says the page does not exist (404, 410, ...). Find the article's new "
             "address, link an archived copy, or remove the link.";
    case Verdict::Soft404:
      return "The server answered, but the page says \"not found\" or sent us to a home page. "
             "Treat it like a broken link.";
    case Verdict::Blocked:
      return "The site refused an automated check (bot wall, consent wall, 401/403/429). Not "
             "counted as broken: open it in a browser to be sure.";
    case Verdict::ServerError:
      return "The server failed (5xx). Often temporary; if it persists over several runs, look "
             "for another source.";
    case Verdict::Timeout:
      return "The server did not answer in time. Often temporary; check again later.";
    case Verdict::NetworkError:
      return "The site could not be reached (DNS or connection failure). If it persists, the "
             "site may be gone.";
    case Verdict::TlsError:
      return "The site's HTTPS certificate is invalid or expired. Readers will see a browser "
             "warning.";
    case Verdict::Invalid:
      return "The URL in the content file cannot be fetched as written. Correct it in the file.";
    case Verdict::Skipped:
      return "Not checked (excluded by configuration or not an http(s) link).";
  }
  return "";
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
