#pragma once
// A tiny headless-Chromium driver for tests: renders a local HTML file and returns its DOM
// after scripts ran (--dump-dom), or saves a screenshot. Chromium runs with a fresh profile,
// no background networking, and a host resolver that maps every name to nothing, so a test
// page can never reach the network.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace linkhealth::testing {

/// Path of the chromium binary, "" when none is installed.
inline std::string find_chromium() {
  if (const char* env = std::getenv("LINKHEALTH_CHROMIUM"); env && *env) {
    return std::filesystem::exists(env) ? env : "";
  }
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (std::filesystem::exists(path)) return path;
  }
  return {};
}

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct ChromiumResult {
  int status = -1;  ///< exit status of chromium (via timeout), -1 when it could not start
  std::string out;  ///< stdout (the DOM for --dump-dom)
  std::string stderr_tail;
  std::string stderr_text;  ///< all of stderr (console lines with --enable-logging=stderr)
};

/// Runs chromium headless on `url` with the extra `args`; bounded by a 120 s timeout.
inline ChromiumResult run_chromium(const std::string& url, const std::vector<std::string>& args) {
  ChromiumResult result;
  std::string chromium = find_chromium();
  if (chromium.empty()) return result;
  char profile_template[] = "/tmp/linkhealth-chromium-XXXXXX";
  const char* profile = mkdtemp(profile_template);
  if (!profile) return result;
  std::string err_file = std::string(profile) + ".stderr";
  std::string cmd = "timeout 120 " + shell_quote(chromium) +
                    " --headless --no-sandbox --disable-gpu --no-first-run"
                    " --disable-background-networking --disable-component-update --disable-sync"
                    " --disable-quic --disable-dev-shm-usage --disable-extensions --mute-audio"
                    " --host-resolver-rules=" +
                    shell_quote("MAP * ~NOTFOUND") + " --user-data-dir=" + shell_quote(profile);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " " + shell_quote(url) + " 2>" + shell_quote(err_file);
  if (FILE* pipe = popen(cmd.c_str(), "r")) {
    char buf[65536];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
    int rc = pclose(pipe);
    result.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  std::string all = ss.str();
  result.stderr_tail = all.size() > 2000 ? all.substr(all.size() - 2000) : all;
  result.stderr_text = all;
  std::error_code ec;
  std::filesystem::remove_all(profile, ec);
  std::filesystem::remove(err_file, ec);
  return result;
}

inline std::string file_url(const std::filesystem::path& path, const std::string& fragment = {}) {
  return "file://" + std::filesystem::absolute(path).string() +
         (fragment.empty() ? "" : "#" + fragment);
}

/// The DOM after load and scripts (virtual time lets error/load handlers fire first).
inline ChromiumResult dump_dom(const std::filesystem::path& html,
                               const std::string& fragment = {}) {
  return run_chromium(file_url(html, fragment), {"--virtual-time-budget=3000", "--dump-dom"});
}

/// dump_dom with the page's console (Content Security Policy violations included) logged to
/// stderr_text.
inline ChromiumResult dump_dom_with_console(const std::filesystem::path& html) {
  return run_chromium(file_url(html), {"--enable-logging=stderr", "--v=0",
                                       "--virtual-time-budget=3000", "--dump-dom"});
}

inline ChromiumResult screenshot(const std::filesystem::path& html,
                                 const std::filesystem::path& png, int width, int height) {
  return run_chromium(file_url(html),
                      {"--hide-scrollbars", "--virtual-time-budget=3000",
                       "--window-size=" + std::to_string(width) + "," + std::to_string(height),
                       "--screenshot=" + std::filesystem::absolute(png).string()});
}

}  // namespace linkhealth::testing
