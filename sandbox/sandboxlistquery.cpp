// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxlistquery.h"

#include "sandboxerrors.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

QStringList SandboxListQuery::values(const QString &name) const
{
    QStringList found;
    for (const auto &[key, value] : m_items) {
        if (key == name)
            found.append(value);
    }
    return found;
}

void SandboxListQuery::reject(const QString &name, const QString &message)
{
    m_errors.append(SandboxErrors::parameterError(name, message));
}

int SandboxListQuery::limit()
{
    const QStringList given = values(u"limit"_s);
    if (given.isEmpty())
        return MaxLimit;
    bool ok = false;
    const int value = given.last().toInt(&ok);
    if (!ok || value < 1 || value > MaxLimit || given.last().startsWith(u'+')) {
        reject(u"limit"_s, u"must be an integer between 1 and %1; got \"%2\""_s.arg(MaxLimit).arg(
                               given.last().left(40)));
        return MaxLimit;
    }
    return value;
}

QString SandboxListQuery::cursor()
{
    const QStringList given = values(u"cursor"_s);
    return given.isEmpty() ? QString() : given.last();
}

quint8 SandboxListQuery::statuses(const QStringList &allowed, quint8 fallback)
{
    const std::optional<QStringList> given = enumList(u"status.in"_s, allowed);
    if (!given)
        return fallback;
    quint8 mask = 0;
    for (const QString &value : *given)
        mask |= quint8(1u << allowed.indexOf(value));
    return mask;
}

std::optional<QStringList> SandboxListQuery::enumList(const QString &name,
                                                      const QStringList &allowed)
{
    const QStringList given = values(name);
    if (given.isEmpty())
        return std::nullopt;
    // Long enums (event categories) are not spelled out in every message.
    const QString choices =
        allowed.size() <= 8 ? u"one of: "_s + allowed.join(u", "_s) : u"a valid value"_s;
    QStringList found;
    // Repeated parameters add up, as with `status.in=a&status.in=b`.
    for (const QString &list : given) {
        for (const QString &raw : list.split(u',')) {
            const QString value = raw.trimmed();
            if (!allowed.contains(value)) {
                reject(name, u"\"%1\" is not %2"_s.arg(value.left(60), choices));
                return std::nullopt;
            }
            found.append(value);
        }
    }
    return found;
}

std::optional<QString> SandboxListQuery::text(const QString &name)
{
    const QStringList given = values(name);
    if (given.isEmpty())
        return std::nullopt;
    if (given.last().isEmpty()) {
        reject(name, u"must not be empty"_s);
        return std::nullopt;
    }
    return given.last();
}

std::optional<qint64> SandboxListQuery::timestampMs(const QString &name)
{
    const std::optional<QString> given = text(name);
    if (!given)
        return std::nullopt;
    QDateTime parsed = QDateTime::fromString(*given, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        reject(name, u"must be an ISO 8601 date-time such as 2024-03-05T17:04:11Z"_s);
        return std::nullopt;
    }
    if (parsed.timeSpec() == Qt::LocalTime) // no offset given: the API means UTC
        parsed.setTimeZone(QTimeZone::utc());
    return parsed.toMSecsSinceEpoch();
}
