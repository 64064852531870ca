#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Increase Connections authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a GUI test the way a screen reader sees the app: on X (Xvfb) with Qt's AT-SPI
# bridge switched on, so the accessibility events a view sends reach the bridge
# (QAccessible::isActive()). The offscreen platform has no bridge and sends none.
# Usage: run_with_atspi.sh TEST [ARGS...]. Everything it starts dies with it: its own
# session bus (the a11y bus launcher it activates follows that bus) and its own X server.
set -euo pipefail

tmp=$(mktemp -d)
pids=()
# Called by the trap:
# shellcheck disable=SC2317
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

# A display of our own: -displayfd picks a free number and says which.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
pids+=($!)
# A session bus of our own, with the host's service files (org.a11y.Bus among them).
dbus-daemon --session --nofork --nopidfile --print-address=3 3>"$tmp/bus" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do
    [[ -s $tmp/display && -s $tmp/bus ]] && break
    sleep 0.05
done
if [[ ! -s $tmp/display || ! -s $tmp/bus ]]; then
    echo "run_with_atspi: Xvfb or dbus-daemon did not start" >&2
    exit 1
fi
DISPLAY=:$(head -n 1 "$tmp/display")
DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$tmp/bus")
export DISPLAY DBUS_SESSION_BUS_ADDRESS
# Start the accessibility bus now: Qt's bridge looks for org.a11y.Bus once, when the
# application starts, and does not activate it.
if ! dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
    org.a11y.Bus.GetAddress >/dev/null; then
    echo "run_with_atspi: no org.a11y.Bus (is at-spi2-core installed?)" >&2
    exit 1
fi
export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 IC_REQUIRE_ACCESSIBILITY_BRIDGE=1
unset AT_SPI_BUS_ADDRESS
"$@"
