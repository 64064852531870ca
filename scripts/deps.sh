# SPDX-FileCopyrightText: 2026 The Increase Connections authors
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
# Sourced by scripts/demo, scripts/test, scripts/package and scripts/fuzz: installs the
# Debian 12 packages that are missing, and only those.
# Usage: ic_ensure_packages [--with-node] [--with-package] [--with-fuzz] [--with-bench]

# qt6-charts-dev needs Qt6OpenGL's CMake files but does not depend on them (Debian 12).
IC_BUILD_PACKAGES=(cmake ninja-build g++ qt6-base-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-charts-dev libqt6opengl6-dev qtkeychain-qt6-dev qt6-svg-dev libqt6svg6
    qt6-gtk-platformtheme help2man)
# What makes the .deb (scripts/package and the ctest package_deb): CPack's DEB generator
# runs dpkg-shlibdeps (dpkg-dev) on the binaries it finds with file.
IC_PACKAGE_PACKAGES=(dpkg-dev file)
IC_TEST_PACKAGES=(curl desktop-file-utils tzdata appstream lintian xvfb dbus-daemon dbus-bin
    at-spi2-core "${IC_PACKAGE_PACKAGES[@]}")
# libFuzzer and the sanitizer runtimes for clang 14 are in libclang-rt-14-dev, which
# clang-14 only recommends (libfuzzer-14-dev is the standalone libFuzzer.a, not needed).
IC_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)
# The benchmarks against servers we did not write (tests/bench/bench_foreign): nginx serves
# the pages (HTTPS + HTTP/2 and plain), openssl makes the run's CA, python3 is the delaying
# upstream, curl (Debian's is built with nghttp2) the raw-transfer peer.
IC_BENCH_PACKAGES=(curl nginx-light openssl python3)

ic_package_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

ic_ensure_packages() {
    local wanted=("${IC_BUILD_PACKAGES[@]}") option
    for option in "$@"; do
        case "$option" in
        --with-node)
            # What the test suite uses besides the build: curl runs a copied "Copy as
            # curl" command, desktop-file-validate checks the .desktop file, tzdata gives
            # the time-zone tests their zones, appstreamcli checks the AppStream metadata,
            # tests/package builds the .deb and runs lintian on it, and Xvfb, a D-Bus
            # session bus and the AT-SPI bus launcher let tst_accessibility_atspi run with
            # Qt's screen-reader bridge on. Node is only for
            # the conformance test with the official SDK; a node installed some other way
            # (nodesource, nvm) is used as it is, since Debian's npm would conflict.
            wanted+=("${IC_TEST_PACKAGES[@]}")
            if ! { command -v node && command -v npm; } >/dev/null; then
                wanted+=(nodejs npm)
            fi
            ;;
        --with-package) wanted+=("${IC_PACKAGE_PACKAGES[@]}") ;;
        --with-fuzz) wanted+=("${IC_FUZZ_PACKAGES[@]}") ;;
        --with-bench) wanted+=("${IC_BENCH_PACKAGES[@]}") ;;
        *)
            echo "ic_ensure_packages: unknown option $option" >&2
            return 2
            ;;
        esac
    done

    local missing=() package
    for package in "${wanted[@]}"; do
        ic_package_installed "$package" || missing+=("$package")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0

    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null; then
            sudo=(sudo)
        else
            echo "These Debian packages are missing: ${missing[*]}" >&2
            echo "Install them as root, then run this again:" >&2
            echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
            return 1
        fi
    fi
    echo "Installing missing packages: ${missing[*]}" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"
}

# Configures (once) and builds the given targets, or everything, with the default preset.
ic_build() {
    local root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    (
        cd "$root" || exit 1
        if [[ ! -f build/release/build.ninja ]]; then
            cmake --preset default
        fi
        if [[ $# -gt 0 ]]; then
            cmake --build --preset default --target "$@"
        else
            cmake --build --preset default
        fi
    )
}
