# Install rules and the Debian package (CPack's DEB generator): the binary, its man page
# (help2man, from --help), the systemd units, and the example config as a conffile.
# scripts/package builds the Release package; tests/package_test.sh checks what it holds.
include(GNUInstallDirs)
install(TARGETS linkhealth RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES deploy/systemd/linkhealth.service deploy/systemd/linkhealth.timer
              deploy/systemd/linkhealth@.service deploy/systemd/linkhealth@.timer
              deploy/systemd/linkhealth-merge.service deploy/systemd/linkhealth-merge.timer
        DESTINATION /lib/systemd/system)
install(FILES deploy/linkhealth.yaml DESTINATION /etc/linkhealth)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY deploy/kubernetes DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(man_page ${PROJECT_BINARY_DIR}/linkhealth.1)
  add_custom_command(
    OUTPUT ${man_page}.gz
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr
            --name "check and repair the source links of a curated content tree"
            --include ${PROJECT_SOURCE_DIR}/deploy/linkhealth.h2m
            --output ${man_page} $<TARGET_FILE:linkhealth>
    COMMAND gzip -9nf ${man_page}
    DEPENDS linkhealth ${PROJECT_SOURCE_DIR}/deploy/linkhealth.h2m
    COMMENT "man page from --help (help2man)")
  add_custom_target(man_page ALL DEPENDS ${man_page}.gz)
  install(FILES ${man_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME linkhealth)
set(CPACK_PACKAGE_CONTACT "linkhealth maintainers <linkhealth@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "link-health and source-URL crawler for curated content")
set(CPACK_PACKAGE_DESCRIPTION
    "linkhealth reads the front matter of a curated content tree, strips tracking parameters, "
    "checks every source URL politely with an asynchronous fetcher, records verdicts and drift "
    "in SQLite and writes an HTML report for editors.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
# The public suffix list libpsl reads at run time: shards must agree on domains.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "publicsuffix, adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/deploy/debian/postinst
    ${PROJECT_SOURCE_DIR}/deploy/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
