// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "oauthapplication.h"

#include <QAbstractListModel>
#include <QHash>

class ApplicationDirectory;
class IncreaseClient;

// Every OAuth Application (active and deleted, all pages) as a list: for the filter
// combo, and to name applications in the connection table. Row 0 is "All applications".
// Nothing is requested until reload(); the previous list stays until the new one is in.
// Names are untrusted text: shown on one line, never turned into markup.
class ApplicationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { ApplicationIdRole = Qt::UserRole + 1, StatusRole };

    explicit ApplicationListModel(IncreaseClient *client, QObject *parent = nullptr);
    ~ApplicationListModel() override;

    void reload();
    bool isLoaded() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The display name for an id: its name, "(unnamed)" for a null name, or the id itself
    // when unknown.
    QString displayName(const QString &applicationId) const;
    std::optional<QString> nameOf(const QString &applicationId) const;
    // Row for an id, or -1.
    int rowOf(const QString &applicationId) const;

Q_SIGNALS:
    void loaded();
    void loadFailed(const ApiError &error);

private:
    void onLoaded();
    const OAuthApplication *find(const QString &applicationId) const;

    ApplicationDirectory *m_directory;
    QList<OAuthApplication> m_applications; // row i + 1
    QHash<QString, int> m_indexById;
    bool m_loaded = false;
};
