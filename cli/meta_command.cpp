// `linkhealth meta FILE.html [--url URL] [--content-type VALUE] [--json]`: runs the page
// metadata extractor on a saved page and shows why each field has its value.
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <system_error>

#include "cli/command.h"
#include "cli/command_line.h"
#include "extract/page_meta.h"
#include "extract/page_meta_json.h"

namespace linkhealth {

namespace {

// Reads the whole input; on failure returns false with `error` saying why.
bool read_input(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    out = buffer.str();
    if (std::cin.bad()) error = "read error";
    return error.empty();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) error = "read error";
  return error.empty();
}

void print_field(const char* name, const std::string& value) {
  std::printf("%-20s %s\n", name, value.empty() ? "-" : value.c_str());
}

struct TextField {
  const char* name;
  std::string PageMeta::*member;
};

// In the order a person reads them: what drift compares, the raw sources, then the encoding.
// A null name is a blank line between groups.
constexpr TextField kTextFields[] = {
    {"title", &PageMeta::title},
    {"title_rule", &PageMeta::title_rule},
    {"description", &PageMeta::description},
    {"description_rule", &PageMeta::description_rule},
    {nullptr, nullptr},
    {"og_title", &PageMeta::og_title},
    {"og_description", &PageMeta::og_description},
    {"og_url", &PageMeta::og_url},
    {"og_site_name", &PageMeta::og_site_name},
    {"og_image", &PageMeta::og_image},
    {"og_type", &PageMeta::og_type},
    {"twitter_title", &PageMeta::twitter_title},
    {"twitter_description", &PageMeta::twitter_description},
    {"html_title", &PageMeta::html_title},
    {"meta_description", &PageMeta::meta_description},
    {"canonical", &PageMeta::canonical},
    {"jsonld_headline", &PageMeta::jsonld_headline},
    {"jsonld_description", &PageMeta::jsonld_description},
    {"published", &PageMeta::published},
    {"lang", &PageMeta::lang},
    {"refresh_url", &PageMeta::refresh_url},
    {nullptr, nullptr},
    {"encoding_declared", &PageMeta::encoding_declared},
    {"encoding_used", &PageMeta::encoding_used},
};

void print_text(const PageMeta& m) {
  for (const TextField& field : kTextFields) {
    if (field.name == nullptr) {
      std::printf("\n");
    } else {
      print_field(field.name, m.*field.member);
    }
  }
  std::string signals;
  for (const std::string& s : m.signals) signals += (signals.empty() ? "" : " ") + s;
  print_field("signals", signals);
  for (const std::string& note : m.notes) print_field("note", note);
}

}  // namespace

int run_meta(int argc, char** argv) {
  CLI::App app{"Extract the title, description and page signals from a saved HTML page", "meta"};
  std::string file;
  std::string url;
  std::string content_type;
  bool json = false;
  app.add_option("file", file, "saved page (- for stdin)")->required();
  app.add_option("--url", url, "final URL of the page (base for relative URLs)");
  app.add_option("--content-type", content_type,
                 "HTTP Content-Type value, e.g. 'text/html; charset=utf-8'");
  app.add_flag("--json", json, "print the fields as JSON (a superset of `page` in the crawl JSON)");
  if (const auto stop = parse_command_line(app, argc, argv)) return *stop;

  std::string body;
  std::string error;
  if (!read_input(file, body, error)) {
    std::fprintf(stderr, "linkhealth meta: error: cannot read '%s': %s\n", file.c_str(),
                 error.c_str());
    return static_cast<int>(ExitCode::Usage);
  }
  const PageMeta meta = read_page_meta(body, content_type, url);
  if (json) {
    std::printf("%s\n", page_meta_to_json(meta).dump(2).c_str());
  } else {
    print_text(meta);
  }
  return static_cast<int>(ExitCode::Ok);
}

}  // namespace linkhealth
