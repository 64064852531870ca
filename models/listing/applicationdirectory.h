// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "oauthapplication.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <optional>

class ApiCall;
class IncreaseClient;
struct ApiResult;

// Every OAuth Application (status.in=active,deleted, all pages), to name applications in
// exports, the filter and the table. Guards against a repeating cursor like the walker.
class ApplicationDirectory : public QObject
{
    Q_OBJECT
public:
    explicit ApplicationDirectory(IncreaseClient *client, QObject *parent = nullptr);
    ~ApplicationDirectory() override;

    // statuses empty: the API's default (every status). The directory itself asks for
    // active,deleted so that deleted applications still have names.
    void load(const QStringList &statuses = {QStringLiteral("active"), QStringLiteral("deleted")},
              int maxRetries = -1);
    void cancel();
    bool isLoaded() const { return m_loaded; }

    const QList<OAuthApplication> &applications() const { return m_applications; }
    // nullopt: unknown id, or an application whose name is null.
    std::optional<QString> nameOf(const QString &applicationId) const;

Q_SIGNALS:
    void loaded();
    void failed(const ApiError &error);

private:
    void request(const QString &cursor);
    void onResult(const ApiResult &result);

    IncreaseClient *m_client;
    QStringList m_statuses;
    int m_maxRetries = -1;
    QPointer<ApiCall> m_call;
    QSet<QString> m_seenCursors;
    QList<OAuthApplication> m_applications;
    QHash<QString, qsizetype> m_indexById;
    bool m_loaded = false;
};
