#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Increase Connections authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that every #include "…" in models/, views/, app/ and sandbox/ runs the way
# models/README.md says: each models/ folder includes only the folders its row of the
# table names; views/ includes models/ only (no sandbox, app or QtKeychain); sandbox/
# only itself; app/common/ models/; app/cli/ and app/desktop/ what their comments allow.
# views/CMakeLists.txt links neither QtHttpServer nor QtKeychain.
#   check_includes.sh ROOT        check the tree at ROOT; prints each violation, exit 1
#   check_includes.sh --self-test plant violations in a scratch tree and expect them found
set -uo pipefail

# The folders a models/ folder may include, from the README's table ("| `api/` | … |
# `contract` |"): the backticked names of the last column.
allowed_in_models() {
    local root=$1 folder=$2
    grep -E "^\| \`$folder/\` \|" "$root/models/README.md" | awk -F'|' '{print $(NF-1)}' |
        grep -oE '`[a-z]+`' | tr -d '`'
}

check_tree() {
    local root=$1 failures=0
    cd "$root" || return 2
    [[ -f models/README.md ]] || { echo "models/README.md is missing"; return 1; }

    # Where each project header lives, by file name (names are unique across the tree).
    declare -A home
    local file name
    while IFS= read -r file; do
        name=${file##*/}
        if [[ -n ${home[$name]:-} ]]; then
            echo "$file: a header named $name also lives in ${home[$name]}/; includes by name would be ambiguous"
            failures=$((failures + 1))
        fi
        home[$name]=${file%/*}
    done < <(find models views app sandbox -name '*.h' 2>/dev/null | sort)

    # What each source folder may include, besides itself.
    declare -A may
    local folder
    for folder in models/*/; do
        folder=${folder%/}
        may[$folder]=$(allowed_in_models "$root" "${folder#models/}" | sed 's|^|models/|' | tr '\n' ' ')
        if [[ ${folder#models/} != contract ]] && [[ -z ${may[$folder]} ]] &&
            ! grep -qE "^\| \`${folder#models/}/\` \|" models/README.md; then
            echo "$folder/: no row in models/README.md says what it may include"
            failures=$((failures + 1))
        fi
    done
    local all_models
    all_models=$(find models -mindepth 1 -maxdepth 1 -type d | sort | tr '\n' ' ')
    may[views]="$all_models"
    may[sandbox]=""
    may[app/common]="$all_models"
    may[app/cli]="app/common sandbox $all_models"
    may[app/desktop]="app/common sandbox views $all_models"
    may[app]="app/cli app/desktop"

    local line include target dir
    while IFS= read -r file; do
        dir=${file%/*}
        [[ -n ${may[$dir]+set} ]] || continue
        while IFS= read -r line; do
            include=${line#*\"}
            include=${include%%\"*}
            [[ $include == *.moc ]] && continue
            if [[ $include == */* && -f app/$include ]]; then
                target=$(dirname "app/$include")
            else
                target=${home[${include##*/}]:-}
            fi
            [[ -z $target || $target == "$dir" ]] && continue
            if [[ " ${may[$dir]} " != *" $target "* ]]; then
                echo "$file: includes \"$include\" from $target/, which $dir/ may not include"
                failures=$((failures + 1))
            fi
        done < <(grep -E '^#include "' "$file")
        # The widget library and the core never see the OS keychain or the HTTP server.
        if [[ $dir == views || $dir == models/* ]] &&
            grep -qE '^#include <(qt6keychain/|QtHttpServer|QHttpServer)' "$file"; then
            echo "$file: includes QtKeychain or QtHttpServer, which only app/ and sandbox/ may use"
            failures=$((failures + 1))
        fi
        if [[ $dir == models/* ]] &&
            grep -qE '^#include <(QtWidgets|QWidget|QApplication|QMainWindow|QDialog)' "$file"; then
            echo "$file: includes a Widgets header; models/ is Widgets-free"
            failures=$((failures + 1))
        fi
    done < <(find models views app sandbox -name '*.h' -o -name '*.cpp' | sort)

    # What the libraries link follows the same rule.
    local link
    for link in HttpServer Keychain icsandbox icdesktop iccli; do
        if [[ -f views/CMakeLists.txt ]] && grep -v '^ *#' views/CMakeLists.txt | grep -q "$link"; then
            echo "views/CMakeLists.txt: links $link; the widget library links Widgets and models/ only"
            failures=$((failures + 1))
        fi
    done

    if [[ $failures -gt 0 ]]; then
        echo "$failures include(s) against the layout (models/README.md)"
        return 1
    fi
    echo "every include follows the layout in models/README.md"
}

self_test() {
    local scratch
    scratch=$(mktemp -d) || return 2
    trap 'rm -rf "$scratch"' RETURN
    mkdir -p "$scratch"/models/{contract,api} "$scratch"/views "$scratch"/app/{cli,common,desktop} "$scratch"/sandbox
    cat >"$scratch/models/README.md" <<'TABLE'
| folder | holds | may include |
| --- | --- | --- |
| `contract/` | values | (QtCore only) |
| `api/` | transport | `contract` |
TABLE
    echo '#pragma once' >"$scratch/models/contract/value.h"
    printf '#pragma once\n#include "value.h"\n' >"$scratch/models/api/client.h"
    printf '#include "client.h"\n' >"$scratch/models/api/client.cpp"
    printf '#include "client.h"\n#include <qt6keychain/keychain.h>\n' >"$scratch/views/window.cpp"
    printf '#include "client.h"\n' >"$scratch/models/contract/value.cpp"
    printf '#include "window.h"\n' >"$scratch/models/api/uses_view.cpp"
    echo '#pragma once' >"$scratch/views/window.h"
    printf '#include "value.h"\n' >"$scratch/sandbox/server.cpp"
    printf 'target_link_libraries(icviews PRIVATE icsandbox)\n' >"$scratch/views/CMakeLists.txt"

    local output
    output=$(check_tree "$scratch") && { echo "self-test: violations were not reported"; return 1; }
    local expected=(
        'models/contract/value.cpp: includes "client.h" from models/api/'
        'models/api/uses_view.cpp: includes "window.h" from views/'
        'views/window.cpp: includes QtKeychain or QtHttpServer'
        'sandbox/server.cpp: includes "value.h" from models/contract/'
        'views/CMakeLists.txt: links icsandbox'
        '5 include(s) against the layout'
    )
    local want
    for want in "${expected[@]}"; do
        if [[ $output != *"$want"* ]]; then
            echo "self-test: expected a line containing: $want"
            echo "$output"
            return 1
        fi
    done
    # The allowed direction stays quiet.
    if [[ $output == *"models/api/client"* ]]; then
        echo "self-test: an allowed include (api → contract) was reported"
        echo "$output"
        return 1
    fi
    echo "self-test: every planted violation was reported, the allowed includes were not"
}

case "${1:-}" in
--self-test) self_test ;;
"") echo "usage: $0 ROOT | --self-test" >&2; exit 2 ;;
*) check_tree "$1" ;;
esac
