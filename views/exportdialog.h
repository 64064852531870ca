#pragma once

#include "exporter.h"

#include <QDialog>
#include <QPointer>

class ConnectionTableModel;
class ExportProgress;
class IncreaseClient;
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

// Exports connections to a CSV or JSONL file: every page of the model's query, or only
// the rows the model has loaded. The Exporter runs on the event loop, so the window stays
// responsive; progress, retries and the outcome are shown inline. Nothing here blocks:
// the file chooser and the overwrite question are non-modal. Options are remembered in
// the "export" group of the QSettings. Open it with open() or show(), never exec().
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(IncreaseClient *client, ConnectionTableModel *model, QSettings *settings,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    // While an export runs, Esc and Close cancel it (the dialog stays to show the outcome).
    void reject() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QGroupBox *buildScope();
    QGroupBox *buildColumns();
    QGroupBox *buildFormat();
    QGroupBox *buildTarget();
    QWidget *buildOverwriteBar();
    void restoreSettings();
    void saveSettings() const;

    QList<ExportColumn> checkedColumns() const;
    ExportOptions::Format format() const;
    QString targetPath() const;
    void updateScopeLabels();
    void updateStartButton();
    void onFormatChanged();
    void browse();
    void requestStart();
    void startExport();
    void setRunning(bool running);
    void showResult(const QString &text, bool failed);
    void growToFit();
    void onFinished(const ExportResult &result);

    QPointer<IncreaseClient> m_client; // the window may switch connections meanwhile
    QPointer<ConnectionTableModel> m_model;
    QSettings *m_settings;
    QString m_folder; // where a relative path and the file chooser start

    QWidget *m_options = nullptr;
    QRadioButton *m_scopeAll = nullptr;
    QRadioButton *m_scopeLoaded = nullptr;
    QLabel *m_querySummary = nullptr;
    QListWidget *m_columns = nullptr;
    QRadioButton *m_csv = nullptr;
    QRadioButton *m_jsonl = nullptr;
    QCheckBox *m_bom = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QFrame *m_overwriteBar = nullptr;
    QLabel *m_overwriteText = nullptr;
    QPushButton *m_overwrite = nullptr;
    ExportProgress *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_start = nullptr;

    QPointer<Exporter> m_exporter;
    QString m_runningPath;
    QString m_confirmedPath; // the existing file the user agreed to replace
};
