// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiquery.h"
#include "connectionchoice.h"

#include <optional>

class QSettings;

// What the window remembers between runs, under one QSettings group per concern. Never a
// secret: keys live in the SecretStore only.
namespace WindowSettings {

// The environment last chosen in Connection settings; nullopt when none was saved.
std::optional<ConnectionChoice> choice(const QSettings &settings);
void setChoice(QSettings &settings, const ConnectionChoice &choice);

// The table's timestamps in UTC (true) or local time (false, the default).
bool timesInUtc(const QSettings &settings);
void setTimesInUtc(QSettings &settings, bool utc);

// Watch for Changes' poll interval in seconds (15 by default); the watch clamps it.
int watchIntervalSeconds(const QSettings &settings);
void setWatchIntervalSeconds(QSettings &settings, int seconds);

ConnectionQuery filters(const QSettings &settings);
void setFilters(QSettings &settings, const ConnectionQuery &query);

QByteArray geometry(const QSettings &settings);
QByteArray windowState(const QSettings &settings);
QByteArray splitterState(const QSettings &settings);
QByteArray headerState(const QSettings &settings);
void setLayout(QSettings &settings, const QByteArray &geometry, const QByteArray &windowState,
               const QByteArray &splitter, const QByteArray &header);
// Whether the table's column widths in the header state are the user's (dragged), or the
// columns fit the window's width (false, the default).
bool columnsSizedByUser(const QSettings &settings);
void setColumnsSizedByUser(QSettings &settings, bool byUser);

} // namespace WindowSettings
