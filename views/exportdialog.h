// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportcontroller.h"

#include <QDialog>
#include <QPointer>

class ConnectionSession;
class ExportScopeBox;
class QCheckBox;
class QDialogButtonBox;
class QFrame;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSettings;

// Configures an export to a CSV or JSONL file — every page of the table's query or only
// the rows loaded, columns, format, BOM, file — and hands it to the ExportController on
// Start, then closes: the export runs in the background with its progress in the window.
// Nothing here blocks: the file chooser and the overwrite question are non-modal. While
// another export runs, Start waits and the dialog offers to cancel that one. Options are
// remembered in the "export" group of the QSettings. Open it with open() or show(), never
// exec().
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(ConnectionSession *session, ExportController *exports, QSettings *settings,
                 QWidget *parent = nullptr);

    void reject() override;

    ExportScopeBox *scopeBox() const { return m_scope; }

private:
    QGroupBox *buildColumns();
    QGroupBox *buildFormat();
    QGroupBox *buildTarget();
    QWidget *buildOverwriteBar();
    QWidget *buildBusyBar();
    void restoreSettings();
    void saveSettings() const;

    QList<ExportColumn> checkedColumns() const;
    ExportOptions::Format format() const;
    QString targetPath() const;
    void updateBusyBar();
    void updateStartButton();
    void onFormatChanged();
    void browse();
    void requestStart();
    void startExport();
    void showError(const QString &text);
    void growToFit();

    QPointer<ConnectionSession> m_session; // the window may switch connections meanwhile
    QPointer<ExportController> m_exports;
    QSettings *m_settings;
    QString m_folder; // where a relative path and the file chooser start

    ExportScopeBox *m_scope = nullptr;
    QListWidget *m_columns = nullptr;
    QRadioButton *m_csv = nullptr;
    QRadioButton *m_jsonl = nullptr;
    QCheckBox *m_bom = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QFrame *m_overwriteBar = nullptr;
    QLabel *m_overwriteText = nullptr;
    QPushButton *m_overwrite = nullptr;
    QFrame *m_busyBar = nullptr;
    QLabel *m_busyText = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_start = nullptr;

    QString m_confirmedPath; // the existing file the user agreed to replace
};
