// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcontroller.h"

#include "connectionsession.h"
#include "connectiontablemodel.h"

#include <QDir>
#include <QFileInfo>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

ExportController::ExportController(QObject *parent)
    : QObject(parent)
{}

ExportController::~ExportController()
{
    // No one is left to tell: stop quietly. Without a commit no file is left behind.
    if (m_exporter) {
        m_exporter->disconnect(this);
        m_exporter->cancel();
        delete m_exporter;
    }
}

bool ExportController::start(ConnectionSession *session, const ExportJob &job, QString *why)
{
    const auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (m_exporter)
        return refuse(tr("An export to %1 is running; wait for it or cancel it first.")
                          .arg(QDir::toNativeSeparators(m_path)));
    if (!session || !session->client())
        return refuse(tr("Not connected: nothing to export."));
    ConnectionTableModel *model = session->connections();
    const bool loadedRows = job.scope == ExportJob::Scope::LoadedRows;
    if (loadedRows && !model)
        return refuse(tr("No rows are loaded."));

    ExportOptions options = job.options;
    qint64 total = -1;
    if (loadedRows) {
        // In the table's current order (a sort included), so the file holds what the user
        // sees; rows loaded after the start are not part of this export.
        const int loaded = model->rowCount();
        QPointer<ConnectionTableModel> rows = model;
        options.rowSource = [rows, loaded](qsizetype row) -> std::optional<OAuthConnection> {
            if (!rows || row >= loaded || row >= rows->rowCount())
                return std::nullopt;
            return rows->connectionAt(int(row));
        };
        total = loaded;
    } else {
        options.rowSource = nullptr;
    }

    m_path = options.outputPath;
    m_fileExisted = QFileInfo::exists(m_path);
    m_stopReason.clear();
    m_notes.clear();
    m_exporter = new Exporter(session->client(), std::move(options), this);
    // A switch to another connection retires this session; it stays until the export ends.
    session->keepWhile(m_exporter);
    if (loadedRows)
        watchLoadedRows(model);
    connect(m_exporter, &Exporter::progress, this, &ExportController::progress);
    connect(m_exporter, &Exporter::retryScheduled, this, &ExportController::retryScheduled);
    connect(m_exporter, &Exporter::note, this, [this](const QString &text) { m_notes << text; });
    connect(m_exporter, &Exporter::finished, this, &ExportController::onFinished);
    m_exporter->start(); // reports even a file that cannot be created after returning
    Q_EMIT started(m_path, total);
    Q_EMIT runningChanged(true);
    return true;
}

void ExportController::watchLoadedRows(ConnectionTableModel *model)
{
    // The rows are read from the table as the file is written: a requery or a sort
    // mid-way would mix two listings in one file, so stop instead and say why.
    const auto stop = [this] {
        m_stopReason = tr("The table was listed again or re-sorted while its rows were "
                          "being written, so the export stopped.");
        if (m_exporter)
            m_exporter->cancel();
    };
    connect(model, &QAbstractItemModel::modelAboutToBeReset, m_exporter, stop);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, m_exporter, stop);
}

void ExportController::cancel()
{
    if (m_exporter)
        m_exporter->cancel();
}

void ExportController::onFinished(ExportResult result)
{
    m_exporter->deleteLater();
    m_exporter = nullptr;
    result.message = describe(result);
    Q_EMIT runningChanged(false);
    Q_EMIT finished(result, m_path);
}

QString ExportController::describe(const ExportResult &result) const
{
    const QString path = QDir::toNativeSeparators(m_path);
    switch (result.outcome) {
    case ExportResult::Outcome::Completed: {
        QStringList parts{
            tr("Exported %Ln connection(s) to %1.", nullptr, int(result.rows)).arg(path)};
        if (result.duplicatesDropped > 0)
            parts << tr("%Ln duplicate row(s) (an id seen on an earlier page) left out.", nullptr,
                        int(result.duplicatesDropped));
        parts << m_notes;
        return parts.join(u' ');
    }
    case ExportResult::Outcome::Cancelled: {
        const QString outcome =
            m_fileExisted
                ? tr("Export cancelled; %1 was not changed.").arg(QFileInfo(m_path).fileName())
                : tr("Export cancelled; no file was written.");
        return m_stopReason.isEmpty() ? outcome : m_stopReason % u' ' % outcome;
    }
    case ExportResult::Outcome::Failed:
    case ExportResult::Outcome::OutputClosed:
        break;
    }
    return result.message;
}
