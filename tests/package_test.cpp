// The Debian package holds what operators install: the binary (which runs), its man page, the
// systemd units, the config as a conffile, and Depends computed from the shared libraries.
// Packs the build tree the tests run from (scripts/package packs a Release build the same way).
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/cli_process.h"
#include "tests/temp_tree.h"

using namespace linkhealth::testing;

TEST_CASE("the Debian package installs a working linkhealth", "[package]") {
  const std::filesystem::path build = std::filesystem::path(LINKHEALTH_BINARY).parent_path();
  TempTree tree;
  const auto packed =
      run_shell("cpack -G DEB --config " + shell_quote((build / "CPackConfig.cmake").string()) +
                " -B " + shell_quote(tree.root().string()));
  INFO(packed.out);
  REQUIRE(packed.status == 0);
  std::filesystem::path deb;
  for (const auto& entry : std::filesystem::directory_iterator(tree.root())) {
    if (entry.path().extension() == ".deb") deb = entry.path();
  }
  REQUIRE(!deb.empty());
  CHECK_THAT(deb.filename().string(), Catch::Matches("linkhealth_[0-9.]+_amd64\\.deb"));

  const auto control = run_shell("dpkg-deb -f " + shell_quote(deb.string()) + " Depends");
  CHECK(control.status == 0);
  const std::string& depends = control.out;
  for (const char* library : {"libcurl4", "libgumbo", "libsqlite3", "libpsl5", "publicsuffix"}) {
    CHECK_THAT(depends, Catch::Contains(library));
  }
  const auto conffiles =
      run_shell("dpkg-deb --ctrl-tarfile " + shell_quote(deb.string()) + " | tar -xO ./conffiles");
  CHECK_THAT(conffiles.out, Catch::Contains("/etc/linkhealth/linkhealth.yaml"));

  const std::filesystem::path root = tree.root() / "root";
  REQUIRE(run_shell("dpkg-deb -x " + shell_quote(deb.string()) + " " + shell_quote(root.string()))
              .status == 0);
  for (const char* file :
       {"usr/bin/linkhealth", "usr/share/man/man1/linkhealth.1.gz",
        "lib/systemd/system/linkhealth.service", "lib/systemd/system/linkhealth.timer",
        "lib/systemd/system/linkhealth@.service", "lib/systemd/system/linkhealth-merge.service",
        "etc/linkhealth/linkhealth.yaml", "usr/share/doc/linkhealth/README.md"}) {
    INFO(file);
    CHECK(std::filesystem::exists(root / file));
  }
  const auto version =
      run_shell(shell_quote((root / "usr/bin/linkhealth").string()) + " --version");
  CHECK(version.status == 0);
  CHECK_THAT(version.out, Catch::StartsWith("linkhealth " LINKHEALTH_VERSION));
  const auto man =
      run_shell("zcat " + shell_quote((root / "usr/share/man/man1/linkhealth.1.gz").string()));
  CHECK_THAT(man.out, Catch::Contains(".SH DESCRIPTION"));
  CHECK_THAT(man.out, Catch::Contains("merge"));
}
