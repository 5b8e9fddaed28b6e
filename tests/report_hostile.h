#pragma once
// A report model whose every content- and page-derived string is hostile, shared by the pure
// renderer tests and the headless Chromium test. Each payload, if it ever ran, would leave a
// visible trace: document.title becomes "PWNED" or an element with id "xss-fired" appears.
// (The ids and titles are built by concatenation so the escaped text never contains them.)

#include <string>

#include "tests/sample_report.h"

namespace linkhealth::testing {

inline const std::string kScriptPayload = "<script>document.title='PWN'+'ED'</script>";
inline const std::string kImgPayload =
    "\"><img src=x onerror=\"var d=document.createElement('div');d.id='xss'+'-fired';"
    "document.body.appendChild(d)\">";
inline const std::string kTextareaPayload = "</textarea><script>document.title='PWN'+'ED'</script>";
inline const std::string kJsUrl = "javascript:document.title='PWN'+'ED'";
inline const std::string kLineSep = "\xE2\x80\xA8";  // U+2028
inline const std::string kParaSep = "\xE2\x80\xA9";  // U+2029
inline const std::string kHostileTitle = "Hostile " + kScriptPayload + " title " + kImgPayload;

inline ReportModel hostile_report_model() {
  ReportModel m = sample_report_model();
  TargetRecord t;
  t.request_url = "https://evil.example/page\"onmouseover=\"document.title='PWN'+'ED'";
  t.host = "evil.example" + kLineSep + "</script>";
  t.verdict = Verdict::Broken;
  t.http_status = 404;
  t.error = kTextareaPayload;
  t.redirects = {{"javascript:alert(1)", 301}, {kImgPayload, 302}};
  t.final_url = "data:text/html,<script>alert(1)</script>";
  t.page.emplace();
  t.page->title = kScriptPayload + " live " + kImgPayload;
  t.page->description = kTextareaPayload;
  t.drift = {{DriftKind::CanonicalMismatch, "", kImgPayload, kScriptPayload, 0}};
  CitingRef ref;
  ref.slug = "slug-" + kScriptPayload;
  ref.file = "content/" + kImgPayload + ".md";
  ref.field = "link.href";
  ref.raw = kJsUrl;
  ref.curated.title = kHostileTitle + kTextareaPayload;
  ref.curated.community = "/communities/" + kLineSep + kParaSep + "</script><script>x</script>/";
  t.refs = {ref};
  t.history.broken_since = kImgPayload;
  t.is_new = true;
  m.targets.push_back(t);

  TargetRecord blocked = t;
  blocked.verdict = Verdict::Blocked;
  blocked.request_url = "https://evil.example/blocked?" + kImgPayload;
  blocked.is_new = false;
  m.targets.push_back(blocked);

  m.findings.push_back({FindingKind::InvalidUrl, kScriptPayload, "content/" + kImgPayload + ".md",
                        "link.href", kTextareaPayload + kJsUrl, 3});
  return m;
}

}  // namespace linkhealth::testing
