#pragma once
// A realistic, hand-written ReportModel (every verdict, redirects, drift, new/fixed, findings)
// so the report can be rendered and looked at without a crawl: a fixture of the report tests
// and the report benchmark, not part of the product.

#include <string>
#include <utility>

#include "reports/report_model.h"

namespace linkhealth {
namespace sample_detail {

constexpr const char* kCcm = "/communities/chronic-care-management/curated-content/";
constexpr const char* kDigital = "/communities/digital-health/curated-content/";
constexpr const char* kPharma = "/communities/pharma-innovation/curated-content/";

inline CitingRef ref(const std::string& slug, const char* community, const std::string& title,
                     const std::string& raw, const char* field = "link.href") {
  std::string dir(community);
  CitingRef r;
  r.slug = slug;
  r.file = "medigy" + dir.substr(0, dir.size() - 1) + "/" + slug + ".md";
  r.field = field;
  r.raw = raw;
  r.curated.title = title;
  r.curated.community = community;
  return r;
}

inline TargetRecord target(std::string url, std::string host, Verdict verdict, int status) {
  TargetRecord t;
  t.request_url = std::move(url);
  t.host = std::move(host);
  t.verdict = verdict;
  t.http_status = status;
  t.final_url = t.request_url;
  t.checked_at = "2026-11-23T03:12:40Z";
  return t;
}

inline void live_title(TargetRecord& t, std::string title, std::string description = {}) {
  PageMeta& page = t.page.emplace();
  page.title = title;
  page.title_rule = "og:title";
  page.og_title = std::move(title);
  page.description = description;
  page.description_rule = description.empty() ? "" : "og:description";
  page.og_description = std::move(description);
}

inline void broken_since(TargetRecord& t, std::string date, int runs, bool is_new) {
  t.history.broken_since = std::move(date);
  t.history.failures = runs;
  t.is_new = is_new;
}

}  // namespace sample_detail

inline ReportModel sample_report_model() {
  using namespace sample_detail;
  ReportModel m;
  m.run = {42, "crawl", "2026-11-23T03:00:02Z", "2026-11-23T03:14:51Z", "completed"};
  m.has_previous_run = true;

  const std::string interop = "5 Steps for Interoperability Excellence for Healthcare Providers";
  auto t1 = target("https://hitconsultant.net/2020/12/08/interoperability-excellence-steps/",
                   "hitconsultant.net", Verdict::Ok, 200);
  t1.refs = {ref("5-steps-for-interoperability-excellence-for-healthcare-providers", kCcm, interop,
                 "https://hitconsultant.net/2020/12/08/interoperability-excellence-steps/"),
             ref("5-steps-for-interoperability-excellence-for-healthcare-providers", kCcm, interop,
                 "https://hitconsultant.net/2020/12/08/interoperability-excellence-steps/"
                 "#.X88gt1UzbIU",
                 "link.original")};
  live_title(t1,
             "5 Steps to Interoperability Excellence for Healthcare Providers - HIT Consultant");
  t1.drift = {{DriftKind::TitleMismatch, "", interop, t1.page->title, 0.82}};
  m.targets.push_back(t1);

  auto t2 = target("http://www.mobihealthnews.com/content/remote-monitoring-ccm",
                   "www.mobihealthnews.com", Verdict::Redirected, 200);
  t2.redirects = {{"http://www.mobihealthnews.com/content/remote-monitoring-ccm", 301},
                  {"https://www.mobihealthnews.com/news/remote-monitoring-ccm", 200}};
  t2.final_url = "https://www.mobihealthnews.com/news/remote-monitoring-ccm";
  t2.refs = {ref("remote-monitoring-in-chronic-care", kCcm,
                 "Remote Monitoring Is Reshaping Chronic Care Management",
                 "http://www.mobihealthnews.com/content/remote-monitoring-ccm?utm_source=twitter")};
  live_title(t2, "Remote monitoring is reshaping chronic care management");
  m.targets.push_back(t2);

  auto t3 = target("https://www.healthcareitnews.com/news/ccm-billing-codes-explained",
                   "www.healthcareitnews.com", Verdict::Broken, 404);
  t3.error = "page not found";
  t3.refs = {ref("ccm-billing-codes-explained", kCcm, "CCM Billing Codes Explained for 2021",
                 "https://www.healthcareitnews.com/news/ccm-billing-codes-explained")};
  broken_since(t3, "2026-11-09T03:04:11Z", 3, false);
  m.targets.push_back(t3);

  auto t4 = target("https://www.fiercehealthcare.com/tech/telehealth-parity-states",
                   "www.fiercehealthcare.com", Verdict::Soft404, 200);
  t4.redirects = {{"https://www.fiercehealthcare.com/tech/telehealth-parity-states", 302},
                  {"https://www.fiercehealthcare.com/", 200}};
  t4.final_url = "https://www.fiercehealthcare.com/";
  t4.error = "redirected to the site's home page";
  t4.refs = {ref("telehealth-parity-laws-by-state", kDigital,
                 "Telehealth Parity Laws: A State-by-State Guide",
                 "https://www.fiercehealthcare.com/tech/telehealth-parity-states")};
  live_title(t4, "Fierce Healthcare | Healthcare News");
  broken_since(t4, "2026-11-23T03:09:55Z", 1, true);
  m.targets.push_back(t4);

  auto t5 = target("https://www.statnews.com/2020/11/30/digital-therapeutics-reimbursement/",
                   "www.statnews.com", Verdict::Blocked, 403);
  t5.error = "bot challenge (cf-mitigated)";
  t5.refs = {ref("digital-therapeutics-reimbursement", kDigital,
                 "Digital Therapeutics Still Struggle With Reimbursement",
                 "https://www.statnews.com/2020/11/30/digital-therapeutics-reimbursement/")};
  m.targets.push_back(t5);

  auto t6 = target("https://www.bloomberg.com/news/articles/pharma-ai-trials", "www.bloomberg.com",
                   Verdict::Blocked, 200);
  t6.error = "consent wall";
  t6.refs = {ref("ai-in-clinical-trials", kPharma, "How AI Is Speeding Up Clinical Trials",
                 "https://www.bloomberg.com/news/articles/pharma-ai-trials")};
  m.targets.push_back(t6);

  auto t7 = target("https://pharmaphorum.com/digital/patient-adherence-apps", "pharmaphorum.com",
                   Verdict::ServerError, 503);
  t7.error = "HTTP 503 Service Unavailable after 3 attempts";
  t7.refs = {ref("patient-adherence-apps", kPharma, "Can Apps Fix Medication Adherence?",
                 "https://pharmaphorum.com/digital/patient-adherence-apps")};
  broken_since(t7, "2026-11-16T03:05:40Z", 2, false);
  m.targets.push_back(t7);

  auto t8 = target("https://news.slow-health.example/ccm-staffing", "news.slow-health.example",
                   Verdict::Timeout, 0);
  t8.final_url.clear();
  t8.error = "no response within 30 s";
  t8.refs = {ref("ccm-staffing-models", kCcm, "Staffing Models for Chronic Care Management",
                 "https://news.slow-health.example/ccm-staffing")};
  broken_since(t8, "2026-11-23T03:11:02Z", 1, true);
  m.targets.push_back(t8);

  auto t9 = target("https://www.healthtechgone.example/article/rpm-roi",
                   "www.healthtechgone.example", Verdict::NetworkError, 0);
  t9.final_url.clear();
  t9.error = "could not resolve host www.healthtechgone.example";
  t9.refs = {ref("rpm-roi", kDigital, "The ROI of Remote Patient Monitoring",
                 "https://www.healthtechgone.example/article/rpm-roi")};
  broken_since(t9, "2026-10-26T03:02:15Z", 5, false);
  m.targets.push_back(t9);

  auto t10 = target("https://expired.badssl.example/ehr-migration", "expired.badssl.example",
                    Verdict::TlsError, 0);
  t10.final_url.clear();
  t10.error = "SSL certificate problem: certificate has expired";
  t10.refs = {ref("ehr-migration-checklist", kDigital, "An EHR Migration Checklist",
                  "https://expired.badssl.example/ehr-migration")};
  broken_since(t10, "2026-11-23T03:01:30Z", 1, true);
  m.targets.push_back(t10);

  auto t11 = target("www.medigy.com", "", Verdict::Invalid, 0);
  t11.final_url.clear();
  t11.error = "no scheme: www.medigy.com";
  t11.refs = {ref("medigy-innovation-index", kPharma, "Medigy Innovation Index", "www.medigy.com",
                  "openProjectCustomFields.cleanUrl")};
  broken_since(t11, "2026-10-19T03:00:40Z", 6, false);
  m.targets.push_back(t11);

  auto t12 =
      target("https://www.youtube.com/watch?v=ccm-explainer", "www.youtube.com", Verdict::Ok, 200);
  t12.refs = {ref("ccm-explained-video", kCcm, "Chronic Care Management Explained (Video)",
                  "https://m.youtube.com/watch?v=ccm-explainer&feature=share")};
  live_title(t12, "Chronic Care Management Explained (Video)");
  t12.is_fixed = true;
  t12.drift = {{DriftKind::VerdictChanged, "", "timeout", "ok", 0}};
  m.targets.push_back(t12);

  auto t13 = target("https://www.medpagetoday.com/practicemanagement/reimbursement/90001",
                    "www.medpagetoday.com", Verdict::Redirected, 200);
  t13.redirects = {{"https://www.medpagetoday.com/practicemanagement/reimbursement/90001", 302},
                   {"https://www.medpagetoday.com/login?next=%2Fpracticemanagement", 200}};
  t13.final_url = "https://www.medpagetoday.com/login?next=%2Fpracticemanagement";
  t13.refs = {ref("medicare-ccm-payment-rule", kCcm, "Medicare Finalizes CCM Payment Rule",
                  "https://www.medpagetoday.com/practicemanagement/reimbursement/90001")};
  live_title(t13, "Log in | MedPage Today");
  m.targets.push_back(t13);

  auto t14 = target("https://example-pharma-blog.example/feeds/rss", "example-pharma-blog.example",
                    Verdict::Skipped, 0);
  t14.final_url.clear();
  t14.error = "excluded by configuration (feed URL)";
  t14.refs = {ref("pharma-blog-feed", kPharma, "Pharma Blog Feed",
                  "https://example-pharma-blog.example/feeds/rss", "feed.feed_url")};
  m.targets.push_back(t14);

  auto t15 = target("https://www.beckershospitalreview.com/ccm-programs.html",
                    "www.beckershospitalreview.com", Verdict::Ok, 200);
  t15.refs = {ref("ccm-programs-that-work", kCcm, "CCM Programs That Work",
                  "https://www.beckershospitalreview.com/ccm-programs.html")};
  live_title(t15, "CCM Programs That Work");
  t15.is_fixed = true;
  m.targets.push_back(t15);

  m.findings = {
      {FindingKind::NoUrl, "weekly-roundup-12",
       "medigy/communities/digital-health/weekly-roundup-12.md", "link.href", "link.href is empty",
       14},
      {FindingKind::CookieWallUrl, "ai-in-clinical-trials", t6.refs[0].file,
       "openProjectCustomFields.cleanUrl",
       "clean URL was captured on a cookie wall (/action/cookieAbsent)", 31},
      {FindingKind::InvalidUrl, "medigy-innovation-index", t11.refs[0].file,
       "openProjectCustomFields.cleanUrl", "URL has no scheme: www.medigy.com", 27},
      {FindingKind::ParseError, "", "medigy/topics/broken-front-matter.md", "",
       "YAML: mapping values are not allowed here", 7},
  };
  return m;
}

}  // namespace linkhealth
