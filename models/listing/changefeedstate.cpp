// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "changefeedstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int kFormatVersion = 1;

QString iso(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime instant(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.isValid() && parsed.timeSpec() != Qt::LocalTime ? parsed.toUTC() : QDateTime();
}

} // namespace

ChangeFeedState ChangeFeedState::startingAt(const QDateTime &since)
{
    ChangeFeedState state;
    state.since = since.toUTC();
    state.newest = state.since;
    return state;
}

QDateTime ChangeFeedState::listFrom(qint64 overlapSeconds) const
{
    return newest.addSecs(-overlapSeconds);
}

void ChangeFeedState::remember(const QString &eventId, const QDateTime &createdAt,
                               qint64 overlapSeconds)
{
    recent.insert(eventId, createdAt.toUTC());
    newest = std::max(newest, createdAt.toUTC());
    const QDateTime from = listFrom(overlapSeconds);
    for (auto it = recent.begin(); it != recent.end();) {
        if (it.value() < from)
            it = recent.erase(it);
        else
            ++it;
    }
}

QByteArray ChangeFeedState::toJson() const
{
    // Sorted, so that the same state is the same bytes.
    QStringList ids = recent.keys();
    std::sort(ids.begin(), ids.end());
    QJsonArray seen;
    for (const QString &id : ids)
        seen.append(QJsonObject{{u"id"_s, id}, {u"created_at"_s, iso(recent.value(id))}});
    const QJsonObject object{
        {u"format"_s, u"increase-connections watch state"_s},
        {u"version"_s, kFormatVersion},
        {u"since"_s, iso(since)},
        {u"newest_event_created_at"_s, iso(newest)},
        {u"recent_events"_s, seen},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

std::optional<ChangeFeedState> ChangeFeedState::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error =
            parseError.error != QJsonParseError::NoError
                ? u"not JSON (%1 at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset)
                : u"not a JSON object"_s;
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    if (object.value(u"format"_s).toString() != "increase-connections watch state"_L1) {
        *error = u"not a watch state file"_s;
        return std::nullopt;
    }
    if (object.value(u"version"_s).toInt() != kFormatVersion) {
        *error = u"version %1 is not one this build reads"_s.arg(
            object.value(u"version"_s).toVariant().toString());
        return std::nullopt;
    }
    ChangeFeedState state;
    state.since = instant(object.value(u"since"_s));
    state.newest = instant(object.value(u"newest_event_created_at"_s));
    if (!state.since.isValid() || !state.newest.isValid() || state.newest < state.since) {
        *error = u"since/newest_event_created_at are not ISO 8601 date-times in order"_s;
        return std::nullopt;
    }
    const QJsonValue seen = object.value(u"recent_events"_s);
    if (!seen.isArray()) {
        *error = u"recent_events is not a list"_s;
        return std::nullopt;
    }
    for (const QJsonValue &entry : seen.toArray()) {
        const QString id = entry.toObject().value(u"id"_s).toString();
        const QDateTime at = instant(entry.toObject().value(u"created_at"_s));
        if (id.isEmpty() || !at.isValid()) {
            *error = u"an entry of recent_events has no id or created_at"_s;
            return std::nullopt;
        }
        state.recent.insert(id, at);
    }
    return state;
}
