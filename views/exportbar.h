// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QPointer>
#include <QStyle>
#include <functional>

class ExportController;
class ExportProgress;
class QLabel;
class QPushButton;
class QUrl;
struct ExportResult;

// The window's strip for the export running in the background: "Exporting to
// connections.csv" with its progress and Cancel Export while it runs, then what became of
// it — "Exported 2,500 connections to …" with Open Folder, or why nothing was written —
// until dismissed. Non-modal: the table stays in use throughout. It also asks, inline,
// before a window close cancels a running export.
class ExportBar : public QFrame
{
    Q_OBJECT
public:
    // Opens a folder in the file manager; false when it could not.
    using FolderOpener = std::function<bool(const QUrl &folder)>;

    explicit ExportBar(ExportController *exports, QWidget *parent = nullptr);

    // QDesktopServices::openUrl unless replaced (tests watch what would be opened).
    void setFolderOpener(FolderOpener opener);

    // The window is about to close: while an export runs, shows the question and returns
    // true (the close waits for the answer); otherwise false.
    bool holdClose();

    // What the strip says, for tests and the accessible description.
    QString message() const;
    ExportProgress *progress() const { return m_progress; }

Q_SIGNALS:
    // The user chose "Cancel Export and Close": the export is cancelled, the window may go.
    void closeConfirmed();

private:
    void onStarted(const QString &path, qint64 total);
    void onFinished(const ExportResult &result, const QString &path);
    void showRunning();
    void showMessage(const QString &text, QStyle::StandardPixmap icon);
    void openFolder();

    QPointer<ExportController> m_exports;
    FolderOpener m_openFolder;
    QString m_path;
    bool m_closeConfirmed = false;

    QLabel *m_icon;
    QLabel *m_title;
    ExportProgress *m_progress;
    QLabel *m_message;
    QPushButton *m_openFolderButton;
    QPushButton *m_cancelAndClose;
    QPushButton *m_keepExporting;
    QPushButton *m_dismiss;
};
