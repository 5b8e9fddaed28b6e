#pragma once
// The edits `linkhealth fix` makes, planned from the recorded runs (store/fix_evidence.h) and
// each content file as it is now. Pure: the caller reads the files (reports/content_fixes.h).
//
//   redirect    the value's target moved permanently, confirmed by the last --confirm-runs
//               crawls (store/fix_rules.h), and the page there still carries the curated
//               title (the similarity drift uses): the value becomes the final URL, cleaned;
//   tracking    the value still holds what the tracking rules strip: it becomes the clean URL;
//   relocation  (only when asked for) relocation found the same replacement in the latest
//               crawl and the one before: the value becomes that URL, cleaned.
//
// Only link.href and openProjectCustomFields.{cleanUrl,sourceUrl,videoUrl} are edited, never
// link.original: it is the record of what was curated, and what lets an editor undo a wrong
// redirect. A value that is no longer the one the crawl checked is left alone, with a note.

#include <string>
#include <vector>

#include "extract/source.h"
#include "extract/tracking_rules.h"
#include "reports/fix_edit.h"
#include "store/fix_evidence.h"

namespace linkhealth {

struct FixOptions {
  std::vector<FixKind> kinds = {FixKind::Redirect, FixKind::Tracking};
  const TrackingRules* rules = nullptr;  ///< nullptr: the built-in rules
  /// Read only the files the evidence names (refs to moved targets, refs with tracking
  /// parameters). Right after a crawl's own scan the store knows every file that can have an
  /// edit, so the others need not be read again; `fix` and `report` read every file, which
  /// may have changed since.
  bool evidence_files_only = false;
  /// Keep each edited file's bytes before and after (FixPlan::files) for `fix` to show and
  /// write; the report's plan lists the edits only, and a crawl of 100,000 files can have
  /// tens of thousands of them.
  bool keep_texts = true;
  bool wants(FixKind kind) const;
  const TrackingRules& tracking_rules() const;
};

/// The fields `fix` edits, in the order a file usually holds them.
const std::vector<std::string>& fix_fields();
bool is_fix_field(const std::string& field);

/// Whether the evidence proposes a move of `request_url` of a kind the options want.
bool evidence_applies(const FixEvidence& evidence, const std::string& request_url,
                      const FixOptions& options);

struct FilePlan {
  std::vector<FixEdit> edits;
  std::vector<FixNote> notes;
};

/// The edits of one content file, from its Source as read now. `recorded` are the evidence's
/// references of this file (CitingRef::file == source.file) with their request URLs.
FilePlan plan_file(const Source& source,
                   const std::vector<std::pair<std::string, CitingRef>>& recorded,
                   const FixEvidence& evidence, const FixOptions& options);

/// evidence.refs regrouped by file: (request URL, reference) pairs per file.
std::map<std::string, std::vector<std::pair<std::string, CitingRef>>> recorded_by_file(
    const FixEvidence& evidence);

}  // namespace linkhealth
