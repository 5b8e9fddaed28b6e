#include "reports/json_document.h"

#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <vector>

#include "extract/page_meta_json.h"
#include "reports/fix_plan_json.h"
#include "reports/json_stream.h"

namespace linkhealth {
namespace {

using nlohmann::json;

json run_json(const ReportRun& run) {
  return {{"id", run.id},
          {"kind", run.kind},
          {"started_at", run.started_at},
          {"finished_at", run.finished_at},
          {"status", run.status}};
}

json replacement_json(const std::optional<Replacement>& moved) {
  if (!moved) return nullptr;
  return {{"url", moved->url}, {"title", moved->title}, {"similarity", moved->similarity}};
}

json archive_json(const std::optional<ArchiveCapture>& archived) {
  if (!archived) return nullptr;
  return {{"url", archived->url},
          {"timestamp", archived->timestamp},
          {"curated_at", archived->curated_at}};
}

json target_json(const TargetRecord& target) {
  json redirects = json::array();
  for (const auto& hop : target.redirects) {
    redirects.push_back({{"url", hop.url}, {"status", hop.status}});
  }
  json drift = json::array();
  for (const auto& d : target.drift) {
    drift.push_back({{"kind", to_string(d.kind)},
                     {"before", d.before},
                     {"after", d.after},
                     {"score", d.score}});
  }
  json refs = json::array();
  for (const auto& ref : target.refs) {
    refs.push_back({{"slug", ref.slug},
                    {"file", ref.file},
                    {"field", ref.field},
                    {"raw", ref.raw},
                    {"owner", ref.owner}});
  }
  return {{"request_url", target.request_url},
          {"host", target.host},
          {"verdict", std::string(to_string(target.verdict))},
          {"http_status", target.http_status},
          {"final_url", target.final_url},
          {"redirects", std::move(redirects)},
          {"error", target.error},
          {"not_modified", target.not_modified},
          {"page", page_meta_to_json(page_or_empty(target), PageMetaShape::Report)},
          {"drift", std::move(drift)},
          {"refs", std::move(refs)},
          {"replacement", replacement_json(target.repair.replacement)},
          {"archive", archive_json(target.repair.archive)}};
}

json optional_number(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

json trends_json(const Trends& trends) {
  json runs = json::array();
  for (const RunTrend& run : trends.runs) {
    json verdicts = json::object();
    for (std::size_t v = 0; v < run.verdicts.size(); ++v) {
      verdicts[std::string(to_string(static_cast<Verdict>(v)))] = run.verdicts[v];
    }
    runs.push_back({{"run", run.run_id},
                    {"started_at", run.started_at},
                    {"verdicts", std::move(verdicts)},
                    {"problems", run.problems},
                    {"new", run.new_problems},
                    {"fixed", run.fixed},
                    {"median_days_to_fix", optional_number(run.median_days_to_fix)}});
  }
  json ages = json::array();
  for (const AgeBucket& bucket : trends.open_by_age) {
    ages.push_back({{"label", bucket.label},
                    {"min_days", bucket.min_days},
                    {"max_days", bucket.max_days == 0 ? json(nullptr) : json(bucket.max_days)},
                    {"count", bucket.count}});
  }
  return {{"runs", std::move(runs)},
          {"open_by_age", std::move(ages)},
          {"fixes", trends.fixes},
          {"median_days_to_fix", optional_number(trends.median_days_to_fix)}};
}

}  // namespace

json finding_json(const Finding& finding) {
  return {{"kind", to_string(finding.kind)}, {"slug", finding.slug},     {"file", finding.file},
          {"field", finding.field},          {"detail", finding.detail}, {"line", finding.line}};
}

json json_document(const ReportModel& model) {
  json targets = json::array();
  for (const auto& target : model.targets) targets.push_back(target_json(target));
  json findings = json::array();
  for (const auto& finding : model.findings) findings.push_back(finding_json(finding));
  json document = {{"run", run_json(model.run)},
                   {"targets", std::move(targets)},
                   {"findings", std::move(findings)},
                   {"trends", trends_json(model.trends)}};
  if (model.ready_to_fix) document["fix_plan"] = fix_plan_json(*model.ready_to_fix);
  return document;
}

namespace {

/// A top-level array member, one element converted and written at a time; `feed` calls its
/// argument once per element (it need not know the count up front).
template <typename T, typename ToJson>
void write_array(JsonContainerWriter& document, std::string_view name,
                 const std::function<void(const std::function<void(const T&)>&)>& feed,
                 ToJson to_json) {
  JsonContainerWriter array(document.next(name), '[', document.indent(), document.depth() + 1);
  feed([&](const T& item) { array.add(to_json(item)); });
  array.finish();
}

template <typename T>
std::function<void(const std::function<void(const T&)>&)> feed_of(const std::vector<T>& items) {
  return [&items](const std::function<void(const T&)>& each) {
    for (const T& item : items) each(item);
  };
}

void string_member(JsonContainerWriter& object, std::string_view name, std::string_view value) {
  write_json_string(object.next(name), value);
}

// An object element (or member value) one level inside `outer`.
JsonContainerWriter inner_object(std::ostream& at, const JsonContainerWriter& outer) {
  return {at, '{', outer.indent(), outer.depth() + 1};
}

// target_json(target).dump() written straight from the record, members in key order: building
// and freeing a json tree per target was most of the JSON document's CPU.
void write_target(JsonContainerWriter& targets, const TargetRecord& target) {
  JsonContainerWriter object = inner_object(targets.next(), targets);
  if (const auto& archived = target.repair.archive) {
    JsonContainerWriter archive = inner_object(object.next("archive"), object);
    string_member(archive, "curated_at", archived->curated_at);
    string_member(archive, "timestamp", archived->timestamp);
    string_member(archive, "url", archived->url);
    archive.finish();
  } else {
    object.next("archive") << "null";
  }
  JsonContainerWriter drift(object.next("drift"), '[', object.indent(), object.depth() + 1);
  for (const auto& d : target.drift) {
    JsonContainerWriter item = inner_object(drift.next(), drift);
    string_member(item, "after", d.after);
    string_member(item, "before", d.before);
    string_member(item, "kind", to_string(d.kind));
    item.add("score", d.score);
    item.finish();
  }
  drift.finish();
  string_member(object, "error", target.error);
  string_member(object, "final_url", target.final_url);
  string_member(object, "host", target.host);
  object.next("http_status") << target.http_status;
  object.next("not_modified") << (target.not_modified ? "true" : "false");
  static const std::vector<PageMetaField> kPageFields = page_meta_fields(PageMetaShape::Report);
  JsonContainerWriter page = inner_object(object.next("page"), object);
  const PageMeta& meta = page_or_empty(target);
  for (const PageMetaField& field : kPageFields)
    string_member(page, field.name, meta.*field.member);
  page.finish();
  JsonContainerWriter redirects(object.next("redirects"), '[', object.indent(), object.depth() + 1);
  for (const auto& hop : target.redirects) {
    JsonContainerWriter item = inner_object(redirects.next(), redirects);
    item.next("status") << hop.status;
    string_member(item, "url", hop.url);
    item.finish();
  }
  redirects.finish();
  JsonContainerWriter refs(object.next("refs"), '[', object.indent(), object.depth() + 1);
  for (const auto& ref : target.refs) {
    JsonContainerWriter item = inner_object(refs.next(), refs);
    string_member(item, "field", ref.field);
    string_member(item, "file", ref.file);
    string_member(item, "owner", ref.owner);
    string_member(item, "raw", ref.raw);
    string_member(item, "slug", ref.slug);
    item.finish();
  }
  refs.finish();
  if (const auto& moved = target.repair.replacement) {
    JsonContainerWriter replacement = inner_object(object.next("replacement"), object);
    replacement.add("similarity", moved->similarity);
    string_member(replacement, "title", moved->title);
    string_member(replacement, "url", moved->url);
    replacement.finish();
  } else {
    object.next("replacement") << "null";
  }
  string_member(object, "request_url", target.request_url);
  string_member(object, "verdict", to_string(target.verdict));
  object.finish();
}

}  // namespace

TargetFeed targets_of(const ReportModel& model) {
  return feed_of(model.targets);
}

void write_json_document(std::ostream& out, const ReportModel& model, int indent) {
  write_json_document(out, model, targets_of(model), indent);
}

void write_json_document(std::ostream& out, const ReportModel& header, const TargetFeed& targets,
                         int indent) {
  // Byte for byte what json_document(model).dump(indent) gives, but only one target is ever
  // a json tree: the whole tree of a 10,000-target run took ~8x the size of its text.
  JsonContainerWriter document(out, '{', indent, 0);
  write_array(document, "findings", feed_of(header.findings), finding_json);
  if (header.ready_to_fix) document.add("fix_plan", fix_plan_json(*header.ready_to_fix));
  document.add("run", run_json(header.run));
  JsonContainerWriter array(document.next("targets"), '[', document.indent(), document.depth() + 1);
  targets([&](const TargetRecord& target) { write_target(array, target); });
  array.finish();
  document.add("trends", trends_json(header.trends));
  document.finish();
}

std::string render_json_document(const ReportModel& model, int indent) {
  std::ostringstream out;
  write_json_document(out, model, indent);
  return std::move(out).str();
}

}  // namespace linkhealth
