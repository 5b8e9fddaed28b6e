#include "store/store.h"

#include <optional>
#include <stdexcept>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/content_index.h"
#include "store/content_writer.h"
#include "store/queries.h"
#include "store/schema.h"

namespace linkhealth {

struct Store::Impl {
  Impl(const std::filesystem::path& path, StoreOptions options)
      : db(open_database(path)), writer(db, options) {}
  SQLite::Database db;
  CheckWriter writer;
  std::optional<PriorStateReader> priors;  ///< prepared on first use

  PriorStateReader& prior_reader() {
    if (!priors) priors.emplace(db);
    return *priors;
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store::~Store() {
  if (!impl_) return;
  try {
    impl_->writer.flush();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a failed last commit is rolled back
  }
}

Store Store::open(const std::filesystem::path& path, StoreOptions options) {
  return Store(std::make_unique<Impl>(path, options));
}

Store Store::open_existing(const std::filesystem::path& path, StoreOptions options) {
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error(path.string() + ": no such database (run `linkhealth crawl` first)");
  }
  return open(path, options);
}

std::vector<DeadCheck> Store::dead_checks(std::int64_t run_id) {
  flush();
  return linkhealth::dead_checks(impl_->db, run_id);
}

void Store::record_repairs(std::int64_t run_id,
                           const std::vector<std::pair<std::string, RepairSuggestion>>& repairs) {
  flush();
  linkhealth::record_repairs(impl_->db, run_id, repairs);
}

std::vector<SitemapFile> Store::sitemap_files(const std::set<std::string>& hosts) {
  flush();
  return linkhealth::sitemap_files(impl_->db, hosts);
}

void Store::record_sitemap_files(const std::vector<SitemapFile>& files) {
  flush();
  linkhealth::record_sitemap_files(impl_->db, files);
}

SQLite::Database& Store::database() {
  return impl_->db;
}

std::int64_t Store::begin_run(RunKind kind, const std::string& options_json, bool fresh) {
  flush();
  SQLite::Database& db = impl_->db;
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (kind == RunKind::Crawl) {
    auto last = linkhealth::latest_run(db, RunKind::Crawl);
    if (last && last->status != RunStatus::Done) {
      SQLite::Statement update(db, "UPDATE runs SET status = ?, finished_at = NULL WHERE id = ?");
      update.bind(1, std::string(to_string(fresh ? RunStatus::Interrupted : RunStatus::Running)));
      update.bind(2, last->id);
      update.exec();
      if (!fresh) {
        txn.commit();
        return last->id;
      }
    }
  }
  SQLite::Statement insert(db,
                           "INSERT INTO runs (kind, started_at, status, options) "
                           "VALUES (?, ?, 'running', ?) RETURNING id");
  insert.bind(1, std::string(to_string(kind)));
  insert.bind(2, utc_now());
  insert.bind(3, options_json.empty() ? std::string("{}") : options_json);
  insert.executeStep();
  std::int64_t id = insert.getColumn(0).getInt64();
  insert.reset();
  txn.commit();
  return id;
}

void Store::finish_run(std::int64_t run_id, RunStatus status) {
  flush();
  SQLite::Statement update(
      impl_->db,
      "UPDATE runs SET status = ?1, finished_at = ?2, "
      "check_count = (SELECT count(*) FROM checks WHERE run_id = ?3), "
      "problem_count = (SELECT count(*) FROM checks WHERE run_id = ?3 AND problem = 1) "
      "WHERE id = ?3");
  update.bind(1, std::string(to_string(status)));
  if (status == RunStatus::Running) {
    update.bind(2);
  } else {
    update.bind(2, utc_now());
  }
  update.bind(3, run_id);
  update.exec();
}

void Store::record_sources(std::int64_t run_id, const std::vector<Source>& sources,
                           const std::vector<Target>& targets) {
  write_sources(impl_->db, impl_->writer, run_id, sources, targets);
}

void Store::record_findings(std::int64_t run_id, const std::vector<Finding>& findings) {
  flush();
  write_findings(impl_->db, run_id, findings);
}

std::vector<std::int64_t> Store::record_source_slice(std::int64_t run_id,
                                                     const std::vector<Source>& sources,
                                                     const std::vector<Target>& targets) {
  return write_source_slice(impl_->db, impl_->writer, run_id, sources, targets);
}

void Store::append_findings(std::int64_t run_id, const std::vector<Finding>& findings) {
  flush();
  write_findings(impl_->db, run_id, findings, false);
}

std::int64_t Store::finish_sources(std::int64_t run_id) {
  return linkhealth::finish_sources(impl_->db, impl_->writer, run_id);
}

void Store::record_check(std::int64_t run_id, const CheckResult& check,
                         const std::vector<Drift>& drift, const PriorHistory& before) {
  impl_->writer.record(run_id, check, drift, before);
}

void Store::record_check(std::int64_t run_id, const CheckResult& check,
                         const std::vector<Drift>& drift) {
  within_batch([&] {
    record_check(run_id, check, drift, impl_->prior_reader().history(run_id, check.request_url));
  });
}

void Store::within_batch(const std::function<void()>& work) {
  impl_->writer.within_batch(work);
}

void Store::flush() {
  impl_->writer.flush();
}
void Store::flush_if_due() {
  impl_->writer.flush_if_due();
}

std::set<std::string> Store::checked_urls(std::int64_t run_id) {
  return linkhealth::checked_urls(impl_->db, run_id);
}
std::vector<FetchTarget> Store::fetch_targets(std::int64_t run_id) {
  return linkhealth::fetch_targets(impl_->db, run_id);
}

std::vector<FetchTarget> Store::fetch_targets(const std::vector<std::int64_t>& target_ids) {
  return linkhealth::fetch_targets(impl_->db, target_ids);
}
std::vector<PriorState> Store::prior_states(std::int64_t run_id,
                                            const std::vector<std::string>& urls) {
  return impl_->prior_reader().read(run_id, urls);
}
std::optional<CheckRecord> Store::last_check(const std::string& url, bool informative_only) {
  return linkhealth::last_check(impl_->db, url, informative_only);
}
std::optional<RunInfo> Store::run(std::int64_t run_id) {
  return read_run(impl_->db, run_id);
}
std::optional<RunInfo> Store::latest_run(std::optional<RunKind> kind) {
  return linkhealth::latest_run(impl_->db, kind);
}
RunSummary Store::summary(std::int64_t run_id) {
  return run_summary(impl_->db, run_id);
}
std::vector<TargetRecord> Store::targets(std::int64_t run_id, const TargetFilter& filter) {
  return run_targets(impl_->db, run_id, filter);
}
void Store::for_each_target(std::int64_t run_id, const TargetFilter& filter,
                            const std::function<void(TargetRecord&&)>& each, PageRead page) {
  for_each_run_target(impl_->db, run_id, filter, each, page);
}
ChangeCounts Store::change_counts(std::int64_t run_id) {
  return linkhealth::change_counts(impl_->db, run_id);
}
std::optional<RunInfo> Store::previous_crawl(std::int64_t run_id) {
  return linkhealth::previous_crawl(impl_->db, run_id);
}
std::vector<TargetRecord> Store::timeline(const std::string& slug_or_url) {
  return linkhealth::timeline(impl_->db, slug_or_url);
}
std::vector<Finding> Store::findings(std::int64_t run_id) {
  return run_findings(impl_->db, run_id);
}
TrendRows Store::trend_rows(std::int64_t run_id) {
  return load_trend_rows(impl_->db, run_id);
}
RunTraffic Store::traffic(std::int64_t run_id) {
  return run_traffic(impl_->db, run_id);
}
bool Store::claim_notices(std::int64_t run_id, const std::vector<std::string>& channels) {
  flush();
  return linkhealth::claim_notices(impl_->db, run_id, channels);
}
void Store::record_notice(std::int64_t run_id, const std::string& channel,
                          const std::string& error) {
  linkhealth::record_notice(impl_->db, run_id, channel, error);
}
std::vector<NoticeRecord> Store::notices(std::int64_t run_id) {
  return run_notices(impl_->db, run_id);
}

ReadSnapshot::ReadSnapshot(Store& store) : db_(store.database()) {
  store.flush();
  db_.exec("BEGIN DEFERRED");
  db_.execAndGet("SELECT count(*) FROM runs");  // a first read pins the snapshot now
}

ReadSnapshot::~ReadSnapshot() {
  try {
    db_.exec("COMMIT");
  } catch (...) {  // NOLINT(bugprone-empty-catch): ending a read transaction cannot lose data
  }
}

}  // namespace linkhealth
