#include "extract/front_matter_edit.h"

#include <algorithm>
#include <functional>
#include <optional>

#include <yaml-cpp/yaml.h>

#include "extract/front_matter.h"
#include "extract/json_value_span.h"
#include "extract/plain_yaml_compare.h"
#include "extract/toml_value_span.h"
#include "extract/yaml_value_span.h"

namespace linkhealth {
namespace {

struct ParsedFile {
  FrontMatterBlock block;
  YAML::Node root;
};

/// The file's front matter parsed whole (every entry, not only the ones a scan reads), or why
/// it cannot be.
std::optional<ParsedFile> parse_whole(std::string_view file, std::string& why) {
  const FrontMatterSplit split = split_front_matter(file);
  if (split.error) {
    why = "line " + std::to_string(split.error->line) + ": " + split.error->message;
    return std::nullopt;
  }
  if (!split.block) {
    why = "the file has no front matter";
    return std::nullopt;
  }
  ParsedFrontMatter parsed = parse_front_matter(*split.block, nullptr);
  if (parsed.error) {
    why = "line " + std::to_string(parsed.error->line) + ": " + parsed.error->message;
    return std::nullopt;
  }
  return ParsedFile{*split.block, std::move(parsed.root)};
}

int line_at(std::string_view file, std::size_t offset) {
  return 1 +
         static_cast<int>(std::count(file.begin(), file.begin() + static_cast<long>(offset), '\n'));
}

SpanLookup span_in(const ParsedFile& parsed, const std::string& field) {
  switch (parsed.block.format) {
    case FrontMatterFormat::yaml:
      return yaml_value_span(parsed.block.text, parsed.root, field);
    case FrontMatterFormat::toml:
      return toml_value_span(parsed.block.text, field);
    case FrontMatterFormat::json:
      return json_value_span(parsed.block.text, field);
  }
  return SpanLookup{};
}

WrittenValue written(const FrontMatterBlock& block, const ValueSpan& span, std::string_view value) {
  switch (block.format) {
    case FrontMatterFormat::yaml:
      return yaml_written_value(span, block.text, value);
    case FrontMatterFormat::toml:
      return toml_written_value(span, value);
    case FrontMatterFormat::json:
      return json_written_value(value);
  }
  return WrittenValue{};
}

/// Whether `after` is `before` with the values at the edited fields replaced: the same node
/// types, keys in the same order, the same scalars with the same tags. `where` names the first
/// difference.
bool same_tree(const YAML::Node& before, const YAML::Node& after, const std::string& path,
               const EditedValues& edited, std::string& where) {
  if (const auto it = edited.find(path); it != edited.end()) {
    const bool ok = after.IsScalar() && after.Scalar() == it->second &&
                    (after.Tag() != "?" || yaml_plain_reads_as_string(it->second, false));
    if (!ok) where = path + " reads back as '" + (after.IsScalar() ? after.Scalar() : "") + "'";
    return ok;
  }
  const std::string here = path.empty() ? "the front matter" : path;
  if (before.Type() != after.Type() || before.Tag() != after.Tag() ||
      before.size() != after.size()) {
    where = here + " changed";
    return false;
  }
  if (before.IsScalar()) {
    if (before.Scalar() == after.Scalar()) return true;
    where = here + " changed";
    return false;
  }
  if (before.IsSequence()) {
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (!same_tree(before[i], after[i], path + "[]", edited, where)) return false;
    }
    return true;
  }
  if (!before.IsMap()) return true;
  for (auto b = before.begin(), a = after.begin(); b != before.end(); ++b, ++a) {
    if (!same_tree(b->first, a->first, path + "{key}", {}, where)) return false;
    const std::string child =
        b->first.IsScalar() ? (path.empty() ? "" : path + ".") + b->first.Scalar() : path + "{key}";
    if (!same_tree(b->second, a->second, child, edited, where)) return false;
  }
  return true;
}

/// A scan reads YAML through a selection of the top-level entries it needs
/// (extract/top_level_select.h), which must read the edited file as the whole parse does:
/// `where` names the first top-level entry of `before` it would read otherwise.
bool scan_reads_alike(const ParsedFile& before, const ParsedFile& after, std::string& where) {
  if (after.block.format != FrontMatterFormat::yaml || !before.root.IsMap()) return true;
  std::vector<std::string> keys;
  for (const auto& entry : before.root) {
    if (entry.first.IsScalar()) keys.push_back(entry.first.Scalar());
  }
  const ParsedFrontMatter selected = parse_front_matter(after.block, &keys);
  if (selected.error || !selected.root.IsMap()) {
    where = "the front matter";
    return false;
  }
  for (const std::string& key : keys) {
    const YAML::Node whole = after.root[key];
    const YAML::Node part = selected.root[key];
    if (whole.IsDefined() != part.IsDefined() ||
        (whole.IsDefined() && !same_tree(whole, part, key, {}, where))) {
      where = key;
      return false;
    }
  }
  return true;
}

std::string spliced(std::string_view file, const std::vector<AppliedEdit>& edits) {
  std::string out;
  std::size_t at = 0;
  for (const AppliedEdit& e : edits) {  // in file order
    out.append(file.substr(at, e.splice.begin - at));
    out += e.splice.text;
    at = e.splice.end;
  }
  out.append(file.substr(at));
  return out;
}

EditedValues edited_values(const std::vector<AppliedEdit>& edits) {
  EditedValues edited;
  for (const AppliedEdit& e : edits) edited[e.edit.field] = e.edit.new_value;
  return edited;
}

/// Whether the edited block `after` is where `before` was, in the same format, as long as the
/// splices made it.
bool same_place(const FrontMatterBlock& before, const FrontMatterBlock& after,
                const std::vector<AppliedEdit>& edits) {
  long delta = 0;
  for (const AppliedEdit& e : edits) {
    delta +=
        static_cast<long>(e.splice.text.size()) - static_cast<long>(e.splice.end - e.splice.begin);
  }
  return after.format == before.format && after.offset == before.offset &&
         static_cast<long>(after.text.size()) == static_cast<long>(before.text.size()) + delta;
}

/// Why the file with `edits` applied is not the intended one, or nullopt when it is.
std::optional<std::string> disagreement(std::string_view file, const ParsedFile& before,
                                        const std::vector<AppliedEdit>& edits) {
  const std::string after_text = spliced(file, edits);
  std::string why;
  const auto after = parse_whole(after_text, why);
  if (!after) return "the edited file does not parse (" + why + ")";
  if (!same_place(before.block, after->block, edits)) {
    return std::string("the edited front matter ends elsewhere");
  }
  if (!same_tree(before.root, after->root, "", edited_values(edits), why)) {
    return "after the edit " + why;
  }
  if (!scan_reads_alike(before, *after, why)) {
    return "a scan would read " + why + " of the edited file differently";
  }
  return std::nullopt;
}

using SpanFinder = std::function<SpanLookup(const std::string& field)>;

/// The edits whose field holds the value they were planned from and whose new value can be
/// written in its place, in file order; the others go to `refused`.
std::vector<AppliedEdit> candidate_edits(std::string_view file, const FrontMatterBlock& block,
                                         const SpanFinder& span_of,
                                         const std::vector<ValueEdit>& edits,
                                         std::vector<RefusedEdit>& refused) {
  std::vector<AppliedEdit> candidates;
  for (const ValueEdit& edit : edits) {
    const SpanLookup lookup = span_of(edit.field);
    if (!lookup.span) {
      refused.push_back({edit, 0, lookup.error});
      continue;
    }
    const ValueSpan& span = *lookup.span;
    const std::size_t begin = block.offset + span.begin;
    const int line = line_at(file, begin);
    if (span.value != edit.old_value) {
      refused.push_back({edit, line, edit.field + " now holds '" + span.value + "'"});
      continue;
    }
    if (edit.new_value == edit.old_value) continue;
    const WrittenValue text = written(block, span, edit.new_value);
    if (!text.text) {
      refused.push_back({edit, line, text.error});
      continue;
    }
    const bool twice = std::any_of(candidates.begin(), candidates.end(),
                                   [&](const AppliedEdit& c) { return c.splice.begin == begin; });
    if (twice) {
      refused.push_back({edit, line, edit.field + " is edited twice"});
      continue;
    }
    candidates.push_back({edit, line, Splice{begin, block.offset + span.end, *text.text}});
  }
  std::sort(candidates.begin(), candidates.end(), [](const AppliedEdit& a, const AppliedEdit& b) {
    return a.splice.begin < b.splice.begin;
  });
  return candidates;
}

}  // namespace

std::optional<FrontMatterEdits> plain_front_matter_edits(std::string_view file,
                                                         const std::vector<ValueEdit>& edits) {
  const FrontMatterSplit split = split_front_matter(file);
  if (!split.block || split.block->format != FrontMatterFormat::yaml) return std::nullopt;
  const FrontMatterBlock& block = *split.block;
  const auto before = read_plain_yaml(block.text, {});
  if (!before) return std::nullopt;
  FrontMatterEdits out;
  const auto span_of = [&](const std::string& field) {
    return yaml_value_span(block.text, *before, field);
  };
  std::vector<AppliedEdit> candidates = candidate_edits(file, block, span_of, edits, out.refused);
  if (!out.refused.empty()) return std::nullopt;
  out.text = spliced(file, candidates);
  if (!candidates.empty()) {
    const FrontMatterSplit edited = split_front_matter(out.text);
    if (!edited.block || !same_place(block, *edited.block, candidates)) return std::nullopt;
    const auto after = read_plain_yaml(edited.block->text, {});
    if (!after || !plain_edit_reads_alike(*before, *after, edited_values(candidates)) ||
        !plain_selection_reads_alike(edited.block->text, *before, *after)) {
      return std::nullopt;
    }
  }
  out.applied = std::move(candidates);
  return out;
}

FrontMatterEdits edit_front_matter(std::string_view file, const std::vector<ValueEdit>& edits) {
  if (auto plain = plain_front_matter_edits(file, edits)) return std::move(*plain);
  return parsed_front_matter_edits(file, edits);
}

FrontMatterEdits parsed_front_matter_edits(std::string_view file,
                                           const std::vector<ValueEdit>& edits) {
  FrontMatterEdits out;
  out.text = std::string(file);
  std::string why;
  const auto parsed = parse_whole(file, why);
  if (!parsed) {
    for (const ValueEdit& edit : edits) out.refused.push_back({edit, 0, why});
    return out;
  }
  const auto span_of = [&](const std::string& field) { return span_in(*parsed, field); };
  std::vector<AppliedEdit> candidates =
      candidate_edits(file, parsed->block, span_of, edits, out.refused);
  if (!candidates.empty() && disagreement(file, *parsed, candidates)) {
    // Find the edit(s) at fault: keep each one that is right on its own.
    std::vector<AppliedEdit> kept;
    for (AppliedEdit& candidate : candidates) {
      if (auto fault = disagreement(file, *parsed, {candidate})) {
        out.refused.push_back({candidate.edit, candidate.line, *fault});
      } else {
        kept.push_back(std::move(candidate));
      }
    }
    if (kept.size() > 1 && disagreement(file, *parsed, kept)) {
      for (AppliedEdit& k : kept) {
        out.refused.push_back({k.edit, k.line, "the edits of this file disagree together"});
      }
      kept.clear();
    }
    candidates = std::move(kept);
  }
  out.text = spliced(file, candidates);
  out.applied = std::move(candidates);
  return out;
}

}  // namespace linkhealth
