// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

const QString kEnvironment = u"connection/environment"_s;
const QString kCustomUrl = u"connection/customUrl"_s;
const QString kStatuses = u"filters/statuses"_s;
const QString kApplicationId = u"filters/applicationId"_s;
const QString kTimesInUtc = u"view/timesInUtc"_s;
const QString kWatchInterval = u"view/watchIntervalSeconds"_s;
const QString kGeometry = u"window/geometry"_s;
const QString kWindowState = u"window/state"_s;
const QString kSplitter = u"window/splitter"_s;
const QString kHeader = u"window/header"_s;
const QString kColumnsSizedByUser = u"window/columnsSizedByUser"_s;

const QStringList kEnvironments{u"production"_s, u"sandbox"_s, u"local"_s, u"custom"_s};

} // namespace

std::optional<ConnectionChoice> WindowSettings::choice(const QSettings &settings)
{
    const QString environment = settings.value(kEnvironment).toString();
    if (!kEnvironments.contains(environment))
        return std::nullopt;
    ConnectionChoice choice{environment, {}};
    if (environment == "custom"_L1) {
        choice.customUrl = QUrl(settings.value(kCustomUrl).toString(), QUrl::StrictMode);
        if (!choice.customUrl.isValid() || choice.customUrl.isEmpty())
            return std::nullopt;
    }
    return choice;
}

void WindowSettings::setChoice(QSettings &settings, const ConnectionChoice &choice)
{
    settings.setValue(kEnvironment, choice.environment);
    if (choice.environment == "custom"_L1)
        settings.setValue(kCustomUrl, choice.customUrl.toString());
    else
        settings.remove(kCustomUrl);
}

bool WindowSettings::timesInUtc(const QSettings &settings)
{
    return settings.value(kTimesInUtc, false).toBool();
}

void WindowSettings::setTimesInUtc(QSettings &settings, bool utc)
{
    settings.setValue(kTimesInUtc, utc);
}

int WindowSettings::watchIntervalSeconds(const QSettings &settings)
{
    bool ok = false;
    const int seconds = settings.value(kWatchInterval, 15).toInt(&ok);
    return ok ? seconds : 15;
}

void WindowSettings::setWatchIntervalSeconds(QSettings &settings, int seconds)
{
    settings.setValue(kWatchInterval, seconds);
}

ConnectionQuery WindowSettings::filters(const QSettings &settings)
{
    ConnectionQuery query;
    // Only known values come back: a hand-edited file must not put junk in a request.
    QStringList statuses = settings.value(kStatuses).toStringList();
    statuses.removeIf([](const QString &s) { return s != "active"_L1 && s != "inactive"_L1; });
    query.statuses = statuses;
    const QString applicationId = settings.value(kApplicationId).toString();
    if (ApiQuery::isValidPathId(applicationId))
        query.applicationId = applicationId;
    return query;
}

void WindowSettings::setFilters(QSettings &settings, const ConnectionQuery &query)
{
    settings.setValue(kStatuses, query.statuses);
    settings.setValue(kApplicationId, query.applicationId);
}

QByteArray WindowSettings::geometry(const QSettings &settings)
{
    return settings.value(kGeometry).toByteArray();
}

QByteArray WindowSettings::windowState(const QSettings &settings)
{
    return settings.value(kWindowState).toByteArray();
}

QByteArray WindowSettings::splitterState(const QSettings &settings)
{
    return settings.value(kSplitter).toByteArray();
}

QByteArray WindowSettings::headerState(const QSettings &settings)
{
    return settings.value(kHeader).toByteArray();
}

void WindowSettings::setLayout(QSettings &settings, const QByteArray &geometry,
                               const QByteArray &windowState, const QByteArray &splitter,
                               const QByteArray &header)
{
    settings.setValue(kGeometry, geometry);
    settings.setValue(kWindowState, windowState);
    settings.setValue(kSplitter, splitter);
    if (!header.isEmpty()) // no model attached (nothing loaded yet): keep the saved state
        settings.setValue(kHeader, header);
}

bool WindowSettings::columnsSizedByUser(const QSettings &settings)
{
    return settings.value(kColumnsSizedByUser, false).toBool();
}

void WindowSettings::setColumnsSizedByUser(QSettings &settings, bool byUser)
{
    settings.setValue(kColumnsSizedByUser, byUser);
}
