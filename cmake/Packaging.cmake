# SPDX-FileCopyrightText: 2026 The Increase Connections authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package (CPack's DEB generator; scripts/package builds it) and the metadata the
# installed files share: the AppStream id, the homepage, the release date. The version is
# project(VERSION) in the top-level CMakeLists.txt.
#   cd build/release && cpack -B DIR    writes DIR/increase-connections_VERSION_amd64.deb
# Every file comes from the install rules (cmake --install); the dependencies are computed
# from the binaries by dpkg-shlibdeps (package dpkg-dev).

# Placeholders until the project has a public home: override them when configuring,
# e.g. -DIC_HOMEPAGE_URL=https://example.org/increase-connections/
set(IC_HOMEPAGE_URL "https://increase-connections.example/" CACHE STRING
    "Homepage named by the Debian package and the AppStream metadata")
set(IC_SCREENSHOTS_URL "${IC_HOMEPAGE_URL}docs/screenshots/" CACHE STRING
    "Where the AppStream metadata finds docs/screenshots/ (ends with a slash)")
set(IC_PACKAGE_MAINTAINER
    "The Increase Connections authors <maintainers@increase-connections.example>" CACHE STRING
    "The Debian package's Maintainer field: Name <email>")
# Reverse-DNS, as AppStream wants component ids; the desktop file keeps its short name.
set(IC_APPSTREAM_ID "io.github.increase_connections.IncreaseConnections")

# cpack installs what is built, and builds nothing: without this it would build every target,
# the test suites and benchmarks too. scripts/package builds what is installed first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

# IC_RELEASE_DATE (YYYY-MM-DD, top-level CMakeLists.txt) as the Debian changelog writes it,
# "Sun, 06 Dec 2026 00:00:00 +0000", and as seconds since 1970 (SOURCE_DATE_EPOCH, the date
# in the manual pages). Days from the civil date: Howard Hinnant's days_from_civil.
if(NOT IC_RELEASE_DATE MATCHES "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$")
  message(FATAL_ERROR "IC_RELEASE_DATE must be YYYY-MM-DD, not '${IC_RELEASE_DATE}'")
endif()
set(_ic_year "${CMAKE_MATCH_1}")
set(_ic_day "${CMAKE_MATCH_3}")
math(EXPR _ic_y "${_ic_year}")
math(EXPR _ic_m "1${CMAKE_MATCH_2} - 100") # no leading zero: 08 is not octal to math()
math(EXPR _ic_d "1${_ic_day} - 100")
if(_ic_m LESS_EQUAL 2) # the year starts in March: February's leap day comes last
  math(EXPR _ic_y "${_ic_y} - 1")
  math(EXPR _ic_mp "${_ic_m} + 9")
else()
  math(EXPR _ic_mp "${_ic_m} - 3")
endif()
math(EXPR _ic_era "${_ic_y} / 400")
math(EXPR _ic_yoe "${_ic_y} - ${_ic_era} * 400")
math(EXPR _ic_doy "(153 * ${_ic_mp} + 2) / 5 + ${_ic_d} - 1")
math(EXPR _ic_doe "${_ic_yoe} * 365 + ${_ic_yoe} / 4 - ${_ic_yoe} / 100 + ${_ic_doy}")
math(EXPR _ic_days "${_ic_era} * 146097 + ${_ic_doe} - 719468")
math(EXPR IC_RELEASE_EPOCH "${_ic_days} * 86400")
math(EXPR _ic_weekday "(${_ic_days} + 4) % 7") # 1970-01-01 was a Thursday
set(_ic_names Sun Mon Tue Wed Thu Fri Sat)
list(GET _ic_names ${_ic_weekday} _ic_weekday_name)
math(EXPR _ic_month_index "${_ic_m} - 1")
set(_ic_names Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
list(GET _ic_names ${_ic_month_index} _ic_month_name)
set(IC_RELEASE_DATE_RFC2822
    "${_ic_weekday_name}, ${_ic_day} ${_ic_month_name} ${_ic_year} 00:00:00 +0000")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME increase-connections)
set(CPACK_PACKAGE_VENDOR "The Increase Connections authors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${IC_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "browse, filter and export the OAuth connections of an Increase application")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_FILE_NAME "increase-connections_${PROJECT_VERSION}_amd64")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # increase-connections_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${IC_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${IC_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, not linked: Wayland's Qt platform plugin, the GTK look.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-gtk-platformtheme")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The long description, after the synopsis (CPACK_PACKAGE_DESCRIPTION_SUMMARY).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "A native admin tool (Qt 6) for the people who run an Increase OAuth
application: list the OAuth Connections that groups have granted, filter
them by status and application, look at one, export them to CSV or JSON
Lines, and see every request the API answered.
.
One program: without a command it opens the desktop window; with a command
(export, get, applications, watch, summary) it runs headless, from a
terminal or a cron job. API keys stay in the system keychain.
.
Also included: increase-sandbox, a local Increase API sandbox serving
generated data, which --demo starts inside the program, so everything can
be tried without an Increase account.")

include(CPack)
