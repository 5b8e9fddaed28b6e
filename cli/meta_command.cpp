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

void print_text(const PageMeta& m) {
  print_field("title", m.title);
  print_field("title_rule", m.title_rule);
  print_field("description", m.description);
  print_field("description_rule", m.description_rule);
  std::printf("\n");
  print_field("og_title", m.og_title);
  print_field("og_description", m.og_description);
  print_field("og_url", m.og_url);
  print_field("og_site_name", m.og_site_name);
  print_field("og_image", m.og_image);
  print_field("og_type", m.og_type);
  print_field("twitter_title", m.twitter_title);
  print_field("twitter_description", m.twitter_description);
  print_field("html_title", m.html_title);
  print_field("meta_description", m.meta_description);
  print_field("canonical", m.canonical);
  print_field("jsonld_headline", m.jsonld_headline);
  print_field("jsonld_description", m.jsonld_description);
  print_field("published", m.published);
  print_field("lang", m.lang);
  print_field("refresh_url", m.refresh_url);
  std::printf("\n");
  print_field("encoding_declared", m.encoding_declared);
  print_field("encoding_used", m.encoding_used);
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
