#include "extract/source_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <system_error>

#include "extract/front_matter.h"
#include "extract/front_matter_field.h"
#include "extract/plain_yaml.h"
#include "extract/text_hygiene.h"
#include "extract/top_level_select.h"
#include "extract/url_cleaner.h"
#include "extract/utf8.h"

namespace linkhealth {

namespace {

/// Looks fields up in the block's tree, whichever reader built it; lines are file lines.
using FieldLookup = std::function<FieldView(const std::string& dotted)>;

template <typename Tree>
FieldLookup lookup_in(const Tree& tree, int first_line) {
  return [&tree, first_line](const std::string& dotted) {
    FieldView view = find_field(tree, dotted);
    view.line += first_line;
    return view;
  };
}

/// A text field with ASCII control characters removed (YAML escapes such as "\0" or "\e" can
/// put them in an otherwise valid UTF-8 file); each removal is a control_characters finding.
std::string text_at(const FieldLookup& field, const std::string& dotted, const Source& source,
                    std::vector<Finding>& findings) {
  FieldView view = field(dotted);
  if (view.kind != FieldKind::scalar) return {};
  std::string value = std::move(view.text);
  if (first_invalid_utf8(value)) value = repair_latin1_bytes(value);  // see the function
  if (const std::size_t removed = remove_control_chars(value)) {
    Finding f;
    f.kind = FindingKind::ControlCharacters;
    f.slug = source.slug;
    f.file = source.file;
    f.field = dotted;
    f.detail = dotted + " held " + std::to_string(removed) +
               " control character(s) (NUL, ESC, ...); removed";
    f.line = view.line;
    findings.push_back(std::move(f));
  }
  return value;
}

/// `_index.md` and `index.md` are Hugo section and bundle pages: their name is the folder.
std::string default_slug(const std::filesystem::path& relative) {
  const std::string stem = relative.stem().string();
  if ((stem == "_index" || stem == "index") && relative.has_parent_path()) {
    return relative.parent_path().generic_string();
  }
  return stem;
}

bool is_prefix_of_other_field(const std::string& field, const std::vector<std::string>& fields) {
  return std::any_of(fields.begin(), fields.end(),
                     [&](const std::string& f) { return f.starts_with(field + "."); });
}

Finding file_finding(const std::filesystem::path& relative, FindingKind kind, std::string detail,
                     int line) {
  Finding f;
  f.kind = kind;
  f.file = relative.generic_string();
  f.detail = std::move(detail);
  f.line = line;
  return f;
}

void collect_urls(const FieldLookup& field, const ScanOptions& options, SourceRead& out) {
  Source& source = *out.source;
  for (const std::string& name : options.url_fields) {
    FieldView view = field(name);
    if (view.kind == FieldKind::missing || view.kind == FieldKind::null) continue;
    if (view.kind != FieldKind::scalar) {
      if (view.kind == FieldKind::map && is_prefix_of_other_field(name, options.url_fields)) {
        continue;
      }
      const std::string what = view.kind == FieldKind::sequence
                                   ? "a list of " + std::to_string(view.size) + " values"
                                   : "a map";
      Finding f =
          file_finding(source.file, FindingKind::InvalidUrl,
                       name + " is " + what + ", not a string (only one URL per field)", view.line);
      f.slug = source.slug;
      f.field = name;
      out.findings.push_back(std::move(f));
      continue;
    }
    if (trim_ascii(view.text).empty()) continue;
    source.urls.push_back(UrlField{name, std::move(view.text), view.line});
  }
}

/// The Source's fields and URLs, from the block's tree.
void read_fields(const FieldLookup& field, const ScanOptions& options, Source source,
                 SourceRead& out) {
  const auto field_text = [&](const std::string& dotted) {
    return text_at(field, dotted, source, out.findings);
  };
  if (auto slug = std::string(trim_ascii(field_text("slug"))); !slug.empty()) {
    source.slug = std::move(slug);
  }
  source.id = field_text("id");
  source.title = field_text("title");
  source.description = field_text("description");
  source.brand = field_text("link.brand");
  source.community = field_text("basePath");
  source.date = field_text("date");
  source.kind = field_text("source");
  out.expects_link = std::find(options.curated_kinds.begin(), options.curated_kinds.end(),
                               source.kind) != options.curated_kinds.end() ||
                     field("link").kind == FieldKind::scalar;
  out.source = std::move(source);
  collect_urls(field, options, out);
}

}  // namespace

std::vector<std::string> top_level_keys(const ScanOptions& options) {
  std::vector<std::string> keys = source_keys();
  for (const std::string& field : options.url_fields)
    keys.push_back(field.substr(0, field.find('.')));
  return keys;
}

std::optional<PlainYaml> plain_front_matter(const FrontMatterBlock& block,
                                            const ScanOptions& options) {
  if (!options.plain_yaml_reader || options.full_yaml_check ||
      block.format != FrontMatterFormat::yaml) {
    return std::nullopt;
  }
  const FrontMatterLimits limits{options.max_yaml_nodes, options.max_yaml_depth};
  if (const auto selected = select_top_level(block.text, top_level_keys(options))) {
    return read_plain_yaml(*selected, limits);
  }
  return read_plain_yaml(block.text, limits);
}

SourceRead source_from_text(std::string_view text, const std::filesystem::path& relative,
                            const ScanOptions& options) {
  SourceRead out;
  const auto split = split_front_matter(text);
  if (split.error) {
    out.findings.push_back(
        file_finding(relative, FindingKind::ParseError, split.error->message, split.error->line));
    return out;
  }
  Source source;
  source.file = relative.generic_string();
  source.slug = default_slug(relative);
  if (!split.block) {
    out.source = std::move(source);
    return out;
  }
  out.has_front_matter = true;
  if (const auto plain = plain_front_matter(*split.block, options)) {
    read_fields(lookup_in(*plain, split.block->first_line), options, std::move(source), out);
    return out;
  }
  const std::vector<std::string> keys = top_level_keys(options);
  const auto parsed = parse_front_matter(*split.block, options.full_yaml_check ? nullptr : &keys,
                                         {options.max_yaml_nodes, options.max_yaml_depth});
  if (parsed.error) {
    out.findings.push_back(
        file_finding(relative, FindingKind::ParseError, parsed.error->message, parsed.error->line));
    return out;
  }
  read_fields(lookup_in(parsed.root, split.block->first_line), options, std::move(source), out);
  return out;
}

std::variant<std::string, Finding> read_content_bytes(const std::filesystem::path& root,
                                                      const std::filesystem::path& relative,
                                                      std::uintmax_t max_file_bytes) {
  const std::filesystem::path path = root / relative;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    return file_finding(relative, FindingKind::ParseError, "cannot read file: " + ec.message(), 1);
  }
  if (size > max_file_bytes) {
    return file_finding(relative, FindingKind::ParseError,
                        "file is " + std::to_string(size) + " bytes, over the " +
                            std::to_string(max_file_bytes) + "-byte limit; not read",
                        1);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!(in && text << in.rdbuf()) && size > 0) {
    return file_finding(relative, FindingKind::ParseError,
                        std::string("cannot read file: ") + std::strerror(errno), 1);
  }
  return std::move(text).str();
}

SourceRead read_source(const std::filesystem::path& root, const std::filesystem::path& relative,
                       const ScanOptions& options) {
  auto bytes = read_content_bytes(root, relative, options.max_file_bytes);
  if (auto* finding = std::get_if<Finding>(&bytes)) {
    SourceRead out;
    out.findings.push_back(std::move(*finding));
    return out;
  }
  return source_from_text(std::get<std::string>(bytes), relative, options);
}

}  // namespace linkhealth
