#pragma once
// Writes what the offline stages produced for a run: the curated sources, their references
// to targets, and the scan findings. Sources and refs are the current state of the content
// (upserted by file); findings are kept per run.

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "extract/finding.h"
#include "extract/source.h"
#include "extract/target.h"
#include "store/check_writer.h"

namespace linkhealth {

/// Upserts sources and targets, replaces the refs of every given source and sets the run's
/// target_count, in one transaction. For a crawl run, the refs of sources not given (files
/// no longer in the content) are removed; a `check` run only touches its own sources. A ref whose
/// file is not among `sources` is a programmer error (std::invalid_argument naming the file).
void write_sources(SQLite::Database& db, CheckWriter& writer, std::int64_t run_id,
                   const std::vector<Source>& sources, const std::vector<Target>& targets);

/// The crawl's way, one slice of the content at a time (extract/scan.h scan_in_slices):
/// write_source_slice upserts sources and targets and replaces those sources' refs, each slice
/// in its transaction; finish_sources then removes the refs of files the run did not see and
/// sets (and returns) the run's target_count, the distinct targets the run's files cite.
/// write_source_slice returns the id of each of `targets`, in order.
std::vector<std::int64_t> write_source_slice(SQLite::Database& db, CheckWriter& writer,
                                             std::int64_t run_id,
                                             const std::vector<Source>& sources,
                                             const std::vector<Target>& targets);
std::int64_t finish_sources(SQLite::Database& db, CheckWriter& writer, std::int64_t run_id);

/// Writes findings of the run in one transaction: replacing the run's findings, or appended
/// to them (a crawl's later slices).
void write_findings(SQLite::Database& db, std::int64_t run_id, const std::vector<Finding>& findings,
                    bool replace = true);

/// 16 hex digits (FNV-1a 64) over the curated fields and URL values of a source, so a changed
/// record shows as a changed hash.
std::string content_hash(const Source& source);

}  // namespace linkhealth
