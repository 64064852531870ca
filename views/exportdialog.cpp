// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "dialogfit.h"

#include "connectionchoice.h"
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "exportscopebox.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStringBuilder>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString kGroup = u"export"_s;

// Fixed colours on a fixed background, so the note reads the same in light and dark themes.
const QString kWarningStyle = u"background: #fff4ce; color: #5c3c00; border: 1px solid #e0c36c; "
                              "border-radius: 4px; padding: 6px;"_s;
const QString kErrorStyle = u"background: #fde7e9; color: #a4262c; border: 1px solid #e8a3a8; "
                            "border-radius: 4px; padding: 6px;"_s;

QString suffixFor(ExportOptions::Format format)
{
    return format == ExportOptions::Format::Csv ? u"csv"_s : u"jsonl"_s;
}

// "From Production": where the rows come from, as the window's badge names it.
QString sourceOf(const ConnectionSession *session)
{
    if (!session || session->choice().environment.isEmpty())
        return {};
    return ExportDialog::tr("From %1").arg(displayName(session->choice()));
}

} // namespace

ExportDialog::ExportDialog(ConnectionSession *session, ExportController *exports,
                           QSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_exports(exports)
    , m_settings(settings)
{
    setWindowTitle(tr("Export Connections"));

    m_scope =
        new ExportScopeBox(session ? session->connections() : nullptr, sourceOf(session), this);
    auto *middle = new QHBoxLayout;
    middle->addWidget(buildColumns(), 1);
    middle->addWidget(buildFormat());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_start = m_buttons->addButton(tr("Start"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(u"start"_s);
    m_start->setDefault(true);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(u"close"_s);
    connect(m_start, &QPushButton::clicked, this, &ExportDialog::requestStart);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    m_result = new QLabel(this);
    m_result->setObjectName(u"result"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setStyleSheet(u"QLabel { "_s % kErrorStyle % u" }"_s);
    m_result->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scope);
    layout->addLayout(middle);
    layout->addWidget(buildTarget());
    layout->addWidget(buildOverwriteBar());
    layout->addWidget(buildBusyBar());
    layout->addWidget(m_result);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    restoreSettings();
    onFormatChanged();
    updateBusyBar();
}

QGroupBox *ExportDialog::buildColumns()
{
    auto *group = new QGroupBox(tr("Columns"), this);
    m_columns = new QListWidget(group);
    m_columns->setObjectName(u"columns"_s);
    m_columns->setAccessibleName(tr("Columns to export"));
    const QList<ExportColumn> defaults = ExportColumns::defaults(false);
    for (const QString &name : ExportColumns::allNames()) {
        auto *item = new QListWidgetItem(name, m_columns);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        const auto column = ExportColumns::parse(name, nullptr);
        const bool checked = column && defaults.contains(column->constFirst());
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        if (column && column->constFirst() == ExportColumn::OAuthApplicationName)
            item->setToolTip(tr("The application's name, looked up from the API (one more "
                                "listing before the export starts)"));
    }
    connect(m_columns, &QListWidget::itemChanged, this, &ExportDialog::updateStartButton);

    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_columns);
    return group;
}

QGroupBox *ExportDialog::buildFormat()
{
    auto *group = new QGroupBox(tr("Format"), this);
    m_csv = new QRadioButton(tr("CSV"), group);
    m_csv->setObjectName(u"formatCsv"_s);
    m_jsonl = new QRadioButton(tr("JSON Lines"), group);
    m_jsonl->setObjectName(u"formatJsonl"_s);
    m_csv->setChecked(true);
    m_bom = new QCheckBox(tr("Byte order mark (for Excel)"), group);
    m_bom->setObjectName(u"bom"_s);
    connect(m_csv, &QRadioButton::toggled, this, &ExportDialog::onFormatChanged);

    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_csv);
    layout->addWidget(m_jsonl);
    layout->addWidget(m_bom);
    layout->addStretch();
    return group;
}

QGroupBox *ExportDialog::buildTarget()
{
    auto *group = new QGroupBox(tr("File"), this);
    m_path = new QLineEdit(group);
    m_path->setObjectName(u"path"_s);
    m_path->setAccessibleName(tr("Export file path"));
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_confirmedPath.clear();
        m_overwriteBar->hide();
        updateStartButton();
    });
    m_browse = new QPushButton(tr("Browse…"), group);
    m_browse->setObjectName(u"browse"_s);
    m_browse->setAutoDefault(false);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);

    auto *layout = new QHBoxLayout(group);
    layout->addWidget(m_path, 1);
    layout->addWidget(m_browse);
    return group;
}

QWidget *ExportDialog::buildOverwriteBar()
{
    m_overwriteBar = new QFrame(this);
    m_overwriteBar->setObjectName(u"overwriteBar"_s);
    m_overwriteBar->setStyleSheet(u"QFrame#overwriteBar { "_s % kWarningStyle % u" }"_s);
    m_overwriteText = new QLabel(m_overwriteBar);
    m_overwriteText->setWordWrap(true);
    m_overwriteText->setTextFormat(Qt::PlainText);
    m_overwrite = new QPushButton(tr("Overwrite"), m_overwriteBar);
    m_overwrite->setObjectName(u"overwrite"_s);
    m_overwrite->setAutoDefault(false);
    auto *other = new QPushButton(tr("Choose Another Name"), m_overwriteBar);
    other->setAutoDefault(false);
    connect(m_overwrite, &QPushButton::clicked, this, [this] {
        m_confirmedPath = targetPath();
        m_overwriteBar->hide();
        startExport();
    });
    connect(other, &QPushButton::clicked, this, [this] {
        m_overwriteBar->hide();
        m_path->setFocus();
        m_path->selectAll();
    });

    auto *layout = new QHBoxLayout(m_overwriteBar);
    layout->addWidget(m_overwriteText, 1);
    layout->addWidget(m_overwrite);
    layout->addWidget(other);
    m_overwriteBar->hide();
    return m_overwriteBar;
}

QWidget *ExportDialog::buildBusyBar()
{
    m_busyBar = new QFrame(this);
    m_busyBar->setObjectName(u"busyBar"_s);
    m_busyBar->setStyleSheet(u"QFrame#busyBar { "_s % kWarningStyle % u" }"_s);
    m_busyText = new QLabel(m_busyBar);
    m_busyText->setWordWrap(true);
    m_busyText->setTextFormat(Qt::PlainText);
    auto *cancelRunning = new QPushButton(tr("Cancel That Export"), m_busyBar);
    cancelRunning->setObjectName(u"cancelRunning"_s);
    cancelRunning->setAutoDefault(false);
    connect(cancelRunning, &QPushButton::clicked, this, [this] {
        if (m_exports)
            m_exports->cancel();
    });

    auto *layout = new QHBoxLayout(m_busyBar);
    layout->addWidget(m_busyText, 1);
    layout->addWidget(cancelRunning);
    if (m_exports)
        connect(m_exports, &ExportController::runningChanged, this, &ExportDialog::updateBusyBar);
    m_busyBar->hide();
    return m_busyBar;
}

void ExportDialog::updateBusyBar()
{
    // One export at a time: while another runs, say so here and keep Start for later.
    const bool busy = m_exports && m_exports->isRunning();
    if (busy)
        m_busyText->setText(tr("An export to %1 is running. Start is available again when it ends.")
                                .arg(QDir::toNativeSeparators(m_exports->path())));
    m_busyBar->setVisible(busy);
    updateStartButton();
    growToFit();
}

void ExportDialog::restoreSettings()
{
    m_folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (m_folder.isEmpty() || !QFileInfo(m_folder).isDir())
        m_folder = QDir::homePath();
    if (!m_settings)
        return;
    m_settings->beginGroup(kGroup);
    m_scope->choose(m_settings->value(u"scope"_s).toString() == u"loaded"_s
                        ? ExportJob::Scope::LoadedRows
                        : ExportJob::Scope::AllMatching);
    if (m_settings->contains(u"columns"_s)) {
        const QStringList names = m_settings->value(u"columns"_s).toStringList();
        for (int i = 0; i < m_columns->count(); ++i) {
            QListWidgetItem *item = m_columns->item(i);
            item->setCheckState(names.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
        }
    }
    if (m_settings->value(u"format"_s).toString() == u"jsonl"_s)
        m_jsonl->setChecked(true);
    m_bom->setChecked(m_settings->value(u"bom"_s, false).toBool());
    const QString folder = m_settings->value(u"folder"_s).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        m_folder = folder;
    m_settings->endGroup();
}

void ExportDialog::saveSettings() const
{
    if (!m_settings)
        return;
    QStringList names;
    for (ExportColumn column : checkedColumns())
        names.append(ExportColumns::name(column));
    m_settings->beginGroup(kGroup);
    const bool loaded = m_scope->chosenScope() == ExportJob::Scope::LoadedRows;
    m_settings->setValue(u"scope"_s, loaded ? u"loaded"_s : u"all"_s);
    m_settings->setValue(u"columns"_s, names);
    m_settings->setValue(u"format"_s, suffixFor(format()));
    m_settings->setValue(u"bom"_s, m_bom->isChecked());
    m_settings->setValue(u"folder"_s, m_folder);
    m_settings->endGroup();
}

QList<ExportColumn> ExportDialog::checkedColumns() const
{
    QList<ExportColumn> columns;
    for (int i = 0; i < m_columns->count(); ++i) {
        const QListWidgetItem *item = m_columns->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        if (const auto column = ExportColumns::parse(item->text(), nullptr))
            columns.append(column->constFirst());
    }
    return columns;
}

ExportOptions::Format ExportDialog::format() const
{
    return m_jsonl->isChecked() ? ExportOptions::Format::Jsonl : ExportOptions::Format::Csv;
}

QString ExportDialog::targetPath() const
{
    QString text = m_path->text().trimmed();
    if (text.isEmpty())
        return {};
    if (text == u"~"_s || text.startsWith(u"~/"_s))
        text = QDir::homePath() % text.mid(1);
    return QDir::cleanPath(QDir(m_folder).absoluteFilePath(QDir::fromNativeSeparators(text)));
}

void ExportDialog::updateStartButton()
{
    m_start->setEnabled(m_session && m_exports && !m_exports->isRunning() &&
                        !checkedColumns().isEmpty() && !m_path->text().trimmed().isEmpty());
}

void ExportDialog::onFormatChanged()
{
    const bool csv = format() == ExportOptions::Format::Csv;
    m_bom->setEnabled(csv);
    // Keep the file name's extension in step with the format the user picked.
    const QString path = m_path->text();
    const QString wanted = u'.' % suffixFor(format());
    const QString other = csv ? u".jsonl"_s : u".csv"_s;
    if (path.isEmpty())
        m_path->setText(QDir::toNativeSeparators(m_folder % u"/connections"_s % wanted));
    else if (path.endsWith(other, Qt::CaseInsensitive))
        m_path->setText(path.left(path.size() - other.size()) % wanted);
}

void ExportDialog::browse()
{
    auto *chooser = new QFileDialog(this, tr("Export Connections To"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setFileMode(QFileDialog::AnyFile);
    // The native dialog and QFileDialog's own overwrite question both run a nested modal
    // loop; this dialog asks about overwriting itself, without blocking.
    chooser->setOptions(QFileDialog::DontUseNativeDialog | QFileDialog::DontConfirmOverwrite);
    chooser->setNameFilters(
        {tr("CSV files (*.csv)"), tr("JSON Lines files (*.jsonl)"), tr("All files (*)")});
    chooser->selectNameFilter(format() == ExportOptions::Format::Csv ? tr("CSV files (*.csv)")
                                                                     : tr("JSON Lines files "
                                                                          "(*.jsonl)"));
    chooser->setDefaultSuffix(suffixFor(format()));
    const QString current = targetPath();
    chooser->setDirectory(current.isEmpty() ? m_folder : QFileInfo(current).absolutePath());
    if (!current.isEmpty())
        chooser->selectFile(QFileInfo(current).fileName());
    connect(chooser, &QFileDialog::fileSelected, this,
            [this](const QString &file) { m_path->setText(QDir::toNativeSeparators(file)); });
    chooser->open();
}

void ExportDialog::requestStart()
{
    if (!m_start->isEnabled())
        return;
    const QString path = targetPath();
    if (path.isEmpty())
        return;
    m_result->hide();
    const QFileInfo info(path);
    if (info.isDir()) {
        showError(tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (!QFileInfo(info.absolutePath()).isDir()) {
        // Said here, where it can be fixed, rather than after the dialog has gone.
        showError(tr("The folder %1 does not exist; choose another.")
                      .arg(QDir::toNativeSeparators(info.absolutePath())));
        return;
    }
    if (info.exists() && path != m_confirmedPath) {
        m_overwriteText->setText(
            tr("%1 already exists in %2. Replace it? It is replaced only "
               "when the export completes.")
                .arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())));
        m_overwriteBar->show();
        growToFit();
        m_overwrite->setFocus();
        return;
    }
    startExport();
}

void ExportDialog::startExport()
{
    if (!m_exports)
        return;
    ExportJob job;
    job.scope = m_scope->scope();
    ConnectionTableModel *model = m_session ? m_session->connections() : nullptr;
    job.options.query = model ? model->query() : ConnectionQuery{};
    job.options.columns = checkedColumns();
    job.options.format = format();
    job.options.bom = m_bom->isChecked() && job.options.format == ExportOptions::Format::Csv;
    job.options.outputPath = targetPath();
    m_folder = QFileInfo(job.options.outputPath).absolutePath();
    saveSettings();

    QString why;
    if (!m_exports->start(m_session, job, &why)) {
        showError(why);
        return;
    }
    m_confirmedPath.clear();
    // The export goes on in the window; there is nothing left to configure.
    accept();
}

void ExportDialog::showError(const QString &text)
{
    m_result->setText(text);
    m_result->show();
    growToFit();
}

void ExportDialog::growToFit()
{
    growToFitContents(this);
}

void ExportDialog::reject()
{
    saveSettings();
    QDialog::reject();
}
