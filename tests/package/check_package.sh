#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Increase Connections authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The files installed beside the programs, and the Debian package made of them (the ctests
# package_*, tests/package/CMakeLists.txt):
#   check_package.sh desktop FILE           desktop-file-validate
#   check_package.sh appstream FILE         appstreamcli validate --no-net
#   check_package.sh completion SCRIPT BIN  every flag and command of BIN's --help completes
#   check_package.sh deb BUILD CPACK ID     cpack into a scratch folder; the .deb's files and
#                                           fields, lintian, and the extracted programs run
# The tools come from scripts/deps.sh (IC_TEST_PACKAGES); a missing one fails, saying so.
set -uo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null ||
            fail "$tool is missing: ./scripts/test installs it (scripts/deps.sh, IC_TEST_PACKAGES)"
    done
}

check_desktop() {
    need desktop-file-validate
    # Hints fail too: each one is something a desktop menu gets wrong (a second main
    # category showed the entry twice).
    local out
    out=$(desktop-file-validate "$1" 2>&1) || fail "desktop-file-validate $1: $out"
    [[ -z $out ]] || fail "desktop-file-validate $1 has remarks: $out"
    echo "ok: $1 is a valid desktop entry"
}

check_appstream() {
    need appstreamcli
    # Warnings fail too (exit 3); --pedantic notes would not.
    appstreamcli validate --no-net --explain "$1" || fail "appstreamcli validate --no-net $1"
    echo "ok: $1 is valid AppStream metadata"
}

# What the completion offers for the words of a command line (the last one being completed).
complete_words() {
    local script=$1
    shift
    (
        # shellcheck disable=SC1090
        source "$script" || exit 1
        COMP_WORDS=(increase-connections "$@")
        COMP_CWORD=$#
        COMPREPLY=()
        _increase_connections
        printf '%s\n' "${COMPREPLY[@]}"
    )
}

expect_completion() {
    local script=$1 expected=$2 got
    shift 2
    got=$(complete_words "$script" "$@" | sort | tr '\n' ' ')
    [[ $got == "$expected " ]] || fail "completing '$*' offered '$got', expected '$expected'"
}

check_completion() {
    local script=$1 bin=$2 command flag help offered missing=0
    bash -n "$script" || fail "$script is not valid bash"
    local commands
    commands=$("$bin" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
    [[ -n $commands ]] || fail "$bin --help lists no commands"
    for command in "" $commands; do
        # shellcheck disable=SC2086 # no command: the words are just the flag being completed
        help=$("$bin" $command --help) || fail "$bin $command --help failed"
        # shellcheck disable=SC2086
        offered=$(complete_words "$script" $command --)
        while IFS= read -r flag; do
            if ! grep -qxF -- "$flag" <<<"$offered"; then
                echo "completion of '${command:-(no command)}' misses $flag" >&2
                missing=$((missing + 1))
            fi
        done < <(grep -oE '^  (-[a-zA-Z], )?--[a-z][a-z0-9-]*' <<<"$help" | grep -oE -- '--[a-z0-9-]+')
        [[ -z $command ]] && continue
        grep -qxF "$command" <<<"$(complete_words "$script" "${command:0:2}")" ||
            fail "completing '${command:0:2}' does not offer $command"
    done
    ((missing == 0)) || fail "$missing flag(s) of --help not completed by $script"
    expect_completion "$script" "summary" su
    expect_completion "$script" "csv jsonl" export --format ""
    expect_completion "$script" "json text" get --format ""
    expect_completion "$script" "active all deleted" applications --status ""
    expect_completion "$script" "local production sandbox" --environment ""
    expect_completion "$script" "application day month week" --demo summary --by ""
    echo "ok: $script completes the commands, every flag of their --help and the fixed values"
}

check_deb() {
    local build=$1 cpack=$2 id=$3
    need dpkg-deb dpkg-shlibdeps lintian file
    local scratch
    scratch=$(mktemp -d) || fail "mktemp"
    # shellcheck disable=SC2064 # the folder is known now
    trap "rm -rf '$scratch'" EXIT

    (cd "$build" && "$cpack" -G DEB -B "$scratch/cpack" >"$scratch/cpack.log" 2>&1) ||
        { cat "$scratch/cpack.log" >&2; fail "cpack"; }
    local debs=("$scratch"/cpack/increase-connections_*_amd64.deb)
    [[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "cpack made no increase-connections_*_amd64.deb"
    local deb=${debs[0]}
    echo "built ${deb##*/}"

    local listing
    listing=$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|') || fail "dpkg-deb -c"
    local expected=(
        /usr/bin/increase-connections
        /usr/bin/increase-sandbox
        /usr/share/applications/increase-connections.desktop
        /usr/share/icons/hicolor/scalable/apps/increase-connections.svg
        "/usr/share/metainfo/$id.metainfo.xml"
        /usr/share/man/man1/increase-connections.1.gz
        /usr/share/man/man1/increase-connections-export.1.gz
        /usr/share/man/man1/increase-sandbox.1.gz
        /usr/share/bash-completion/completions/increase-connections
        /usr/share/doc/increase-connections/copyright
        /usr/share/doc/increase-connections/changelog.gz
        /usr/share/lintian/overrides/increase-connections
    )
    local size path
    for size in 16 24 32 48 64 128 256; do
        expected+=("/usr/share/icons/hicolor/${size}x$size/apps/increase-connections.png")
    done
    for path in "${expected[@]}"; do
        grep -qxF -- "$path" <<<"$listing" || fail "the package lacks $path"
    done
    echo "ok: the package holds the ${#expected[@]} expected files"

    local field
    for field in Package Version Section Maintainer Homepage Description Depends; do
        [[ -n $(dpkg-deb -f "$deb" "$field") ]] || fail "the package has no $field field"
    done
    dpkg-deb -f "$deb" Depends | grep -q 'libqt6core6' ||
        fail "Depends does not name libqt6core6 (dpkg-shlibdeps): $(dpkg-deb -f "$deb" Depends)"

    # Warnings are tolerated (and shown); an error is not.
    local lintian_output lintian_status=0
    lintian_output=$(lintian -I --fail-on error --tag-display-limit 0 "$deb" 2>&1) ||
        lintian_status=$?
    grep -v 'running with root' <<<"$lintian_output"
    ((lintian_status == 0)) || fail "lintian found errors in ${deb##*/} (exit $lintian_status)"
    # Release builds are hardened as Debian's own packages are (CMakeLists.txt); the
    # sanitizer builds are not.
    if [[ ${IC_HARDENED:-OFF} == ON ]] && grep -q ' hardening-' <<<"$lintian_output"; then
        fail "lintian: the binaries miss hardening flags (see above)"
    fi
    echo "ok: lintian finds no error"

    local root=$scratch/root
    dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x"
    local version
    version=$("$root/usr/bin/increase-connections" --version) || fail "--version from the package"
    [[ $version == "increase-connections $(dpkg-deb -f "$deb" Version)"* ]] ||
        fail "the packaged program says '$version', the package $(dpkg-deb -f "$deb" Version)"
    "$root/usr/bin/increase-sandbox" --version | grep -q '^increase-sandbox ' ||
        fail "increase-sandbox --version from the package"
    QT_QPA_PLATFORM=offscreen INCREASE_API_KEY="" \
        "$root/usr/bin/increase-connections" export --demo --quiet --output "$scratch/out.csv" ||
        fail "export --demo from the package"
    local rows
    rows=$(wc -l <"$scratch/out.csv")
    head -n 1 "$scratch/out.csv" | grep -q '^id,' || fail "out.csv has no header"
    ((rows > 1)) || fail "out.csv has no rows"
    echo "ok: the packaged increase-connections ($version) exported $((rows - 1)) rows"
}

mode=${1:-}
shift || true
case $mode in
desktop) check_desktop "$@" ;;
appstream) check_appstream "$@" ;;
completion) check_completion "$@" ;;
deb) check_deb "$@" ;;
*) fail "usage: check_package.sh desktop|appstream|completion|deb ARGS" ;;
esac
