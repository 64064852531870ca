// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

// Reads and checks list parameters the way Increase does, collecting every problem so a
// 400 names them all at once.
class SandboxListQuery
{
public:
    using Items = QList<std::pair<QString, QString>>;
    static constexpr int MaxLimit = 100;

    explicit SandboxListQuery(const Items &items)
        : m_items(items)
    {}

    int limit();      // 1..100, default 100
    QString cursor(); // empty: the first page
    // The values of a comma-separated `status.in` as a mask of their positions in
    // `allowed` (bit 0 for allowed[0]); `fallback` when the parameter is absent.
    quint8 statuses(const QStringList &allowed, quint8 fallback);
    // The values of a comma-separated enum list such as `category.in`, each checked
    // against `allowed`; nullopt when the parameter is absent or a value is refused.
    std::optional<QStringList> enumList(const QString &name, const QStringList &allowed);
    // A parameter that, when given, must not be empty.
    std::optional<QString> text(const QString &name);
    // An ISO 8601 date-time, as milliseconds since the Unix epoch.
    std::optional<qint64> timestampMs(const QString &name);

    const QJsonArray &errors() const { return m_errors; }

private:
    QStringList values(const QString &name) const;
    void reject(const QString &name, const QString &message);

    Items m_items;
    QJsonArray m_errors;
};
