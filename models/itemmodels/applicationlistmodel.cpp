// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationlistmodel.h"

#include "applicationdirectory.h"

using namespace Qt::StringLiterals;

namespace {

// A name may hold line breaks or other control characters ("Multi-line\r\nLedger"):
// each run of them (U+2028/U+2029 included) becomes one space, so a combo item or a
// table cell stays one line.
QString oneLine(const QString &name)
{
    QString text;
    text.reserve(name.size());
    bool inRun = false;
    for (const QChar c : name) {
        const QChar::Category category = c.category();
        const bool control = category == QChar::Other_Control ||
                             category == QChar::Separator_Line ||
                             category == QChar::Separator_Paragraph;
        if (control && !inRun)
            text += u' ';
        else if (!control)
            text += c;
        inRun = control;
    }
    return text;
}

} // namespace

ApplicationListModel::ApplicationListModel(IncreaseClient *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_directory(new ApplicationDirectory(client, this))
{
    connect(m_directory, &ApplicationDirectory::loaded, this, &ApplicationListModel::onLoaded);
    connect(m_directory, &ApplicationDirectory::failed, this, &ApplicationListModel::loadFailed);
}

ApplicationListModel::~ApplicationListModel()
{
    disconnect(m_directory, nullptr, this, nullptr);
}

void ApplicationListModel::reload()
{
    m_directory->load();
}

bool ApplicationListModel::isLoaded() const
{
    return m_loaded;
}

void ApplicationListModel::onLoaded()
{
    beginResetModel();
    m_applications = m_directory->applications();
    m_indexById.clear();
    for (int i = 0; i < m_applications.size(); ++i)
        m_indexById.insert(m_applications.at(i).id, i);
    m_loaded = true;
    endResetModel();
    Q_EMIT loaded();
}

int ApplicationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_applications.size()) + 1;
}

QVariant ApplicationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            return tr("All applications");
        case Qt::ToolTipRole:
            return tr("Connections of every application");
        case ApplicationIdRole:
            return QString();
        default:
            return {};
        }
    }
    const OAuthApplication &application = m_applications.at(index.row() - 1);
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = displayName(application.id);
        return application.status == "deleted"_L1 ? tr("%1 (deleted)").arg(name) : name;
    }
    case Qt::ToolTipRole:
    case ApplicationIdRole:
        return application.id;
    case StatusRole:
        return application.status;
    default:
        return {};
    }
}

const OAuthApplication *ApplicationListModel::find(const QString &applicationId) const
{
    const auto it = m_indexById.constFind(applicationId);
    return it == m_indexById.cend() ? nullptr : &m_applications.at(*it);
}

QString ApplicationListModel::displayName(const QString &applicationId) const
{
    const OAuthApplication *application = find(applicationId);
    if (!application)
        return applicationId;
    return application->name ? oneLine(*application->name) : tr("(unnamed)");
}

std::optional<QString> ApplicationListModel::nameOf(const QString &applicationId) const
{
    const OAuthApplication *application = find(applicationId);
    return application ? application->name : std::nullopt;
}

int ApplicationListModel::rowOf(const QString &applicationId) const
{
    if (applicationId.isEmpty())
        return 0; // "All applications"
    const auto it = m_indexById.constFind(applicationId);
    return it == m_indexById.cend() ? -1 : *it + 1;
}
