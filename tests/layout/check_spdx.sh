#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Increase Connections authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file git tracks (C++, CMake, scripts, the Node checks) says its license in
# an SPDX line, as the LICENSE file and the README's License section say.
#   check_spdx.sh ROOT    prints each file without one; exit 1 if any
set -uo pipefail
root=${1:?usage: check_spdx.sh ROOT}
cd "$root" || exit 2
missing=0
while IFS= read -r file; do
    [[ -f $file ]] || continue
    if ! head -n 5 "$file" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later'; then
        echo "$file: no SPDX-License-Identifier line in its first 5 lines"
        missing=$((missing + 1))
    fi
done < <(git ls-files -co --exclude-standard -- '*.cpp' '*.h' '*.mjs' '*.sh' '*CMakeLists.txt' \
    'scripts/*' '.ci/run' | grep -v '^tests/fuzz/corpus/')
if ((missing > 0)); then
    echo "$missing file(s) without an SPDX line"
    exit 1
fi
echo "every source file names its license"
