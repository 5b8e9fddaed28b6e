#include "reports/report_model.h"

#include "crawler/retry_policy.h"

namespace linkhealth {
namespace {

std::vector<const TargetRecord*> flagged(const ReportModel& model, bool TargetRecord::*flag) {
  std::vector<const TargetRecord*> out;
  for (const auto& target : model.targets) {
    if (target.*flag) out.push_back(&target);
  }
  return out;
}

}  // namespace

int VerdictTotals::problems() const {
  int sum = 0;
  for (std::size_t i = 0; i < count.size(); ++i) {
    if (is_problem(static_cast<Verdict>(i))) sum += count[i];
  }
  return sum;
}

int VerdictTotals::all() const {
  int sum = 0;
  for (int n : count) sum += n;
  return sum;
}

bool is_plain_ok(const TargetRecord& target) {
  return target.verdict == Verdict::Ok && target.drift.empty() && !target.is_new &&
         !target.is_fixed;
}

VerdictTotals verdict_totals(const ReportModel& model) {
  VerdictTotals totals;
  for (const auto& target : model.targets) {
    ++totals.count[static_cast<std::size_t>(target.verdict)];
  }
  totals.count[static_cast<std::size_t>(Verdict::Ok)] += model.unlisted_ok;
  return totals;
}

std::vector<const TargetRecord*> new_problems(const ReportModel& model) {
  return flagged(model, &TargetRecord::is_new);
}

std::vector<const TargetRecord*> fixed_problems(const ReportModel& model) {
  return flagged(model, &TargetRecord::is_fixed);
}

bool is_permanent_redirect(int status) {
  return status == 301 || status == 308;
}

std::string wayback_url(std::string_view base, std::string_view url) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  std::string out(base);
  out += "/web/";
  out += url;
  return out;
}

SuggestedFix suggest_fix(const TargetRecord& target, std::string_view wayback_base) {
  if (target.verdict == Verdict::Broken || target.verdict == Verdict::Soft404) {
    if (const auto& moved = target.repair.replacement) {
      return {SuggestedFix::Kind::UseReplacement, moved->url};
    }
    if (const auto& archived = target.repair.archive) {
      return {SuggestedFix::Kind::UseArchive, archived->url};
    }
    return {SuggestedFix::Kind::SearchArchive, wayback_url(wayback_base, target.request_url)};
  }
  // A temporary hop anywhere in the chain means the old URL is still the one to keep.
  bool any_redirect = false;
  for (const auto& hop : target.redirects) {
    if (!is_redirect_status(hop.status)) continue;
    if (!is_permanent_redirect(hop.status)) return {};
    any_redirect = true;
  }
  bool landed = target.http_status >= 200 && target.http_status < 300;
  if (any_redirect && landed && !target.final_url.empty() &&
      target.final_url != target.request_url) {
    return {SuggestedFix::Kind::UseFinalUrl, target.final_url};
  }
  return {};
}

}  // namespace linkhealth
