#pragma once
// The fix plan of a whole content tree: every .md file read as it is now, its edits planned
// (reports/fix_plan.h) and rewritten in memory (extract/front_matter_edit.h), so what is shown
// or written is exactly what the rewriter verified. Reading the files is the only I/O.

#include <filesystem>
#include <string>
#include <vector>

#include "extract/front_matter_edit.h"
#include "reports/fix_plan.h"

namespace linkhealth {

/// One file with its edits applied in memory.
struct FileFix {
  std::string file;    ///< relative to the content root
  std::string before;  ///< the bytes planned from
  std::string after;   ///< the bytes to write
  std::vector<Splice> splices;
};

struct FixPlan {
  std::vector<FixEdit> edits;  ///< by file, then line
  std::vector<FileFix> files;  ///< the files with edits, by file (FixOptions::keep_texts)
  std::vector<FixNote> notes;  ///< values left alone, by file, then line
  std::size_t files_read = 0;
};

/// Plans the edits of every .md file under `content`. Throws std::runtime_error when
/// `content` is not a readable directory; an unreadable file is a note.
FixPlan plan_content_fixes(const std::filesystem::path& content, const FixEvidence& evidence,
                           const FixOptions& options);

/// The plan of one file's bytes (what plan_content_fixes does per file).
void plan_file_fixes(const std::string& file, const std::string& bytes,
                     const std::vector<std::pair<std::string, CitingRef>>& recorded,
                     const FixEvidence& evidence, const FixOptions& options, FixPlan& plan);

}  // namespace linkhealth
