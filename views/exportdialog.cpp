#include "exportdialog.h"

#include "dialogfit.h"

#include "connectionchoice.h"
#include "connectiontablemodel.h"
#include "exportprogress.h"
#include "increaseclient.h"

#include <QCheckBox>
#include <QCloseEvent>
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
#include <QLocale>
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

QString count(qint64 n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(QLocale().toString(n));
}

QString describeQuery(const ConnectionQuery &query)
{
    const QString status = query.statuses.isEmpty() ? ExportDialog::tr("active (the API's default)")
                                                    : query.statuses.join(u", "_s);
    const QString application =
        query.applicationId.isEmpty() ? ExportDialog::tr("every application") : query.applicationId;
    return ExportDialog::tr("Status: %1 · Application: %2").arg(status, application);
}

} // namespace

ExportDialog::ExportDialog(IncreaseClient *client, ConnectionTableModel *model, QSettings *settings,
                           QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_model(model)
    , m_settings(settings)
{
    setWindowTitle(tr("Export Connections"));

    m_options = new QWidget(this);
    auto *options = new QVBoxLayout(m_options);
    options->setContentsMargins({});
    options->addWidget(buildScope());
    auto *middle = new QHBoxLayout;
    middle->addWidget(buildColumns(), 1);
    middle->addWidget(buildFormat());
    options->addLayout(middle);
    options->addWidget(buildTarget());

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
    m_result->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_options);
    layout->addWidget(buildOverwriteBar());
    m_progress = new ExportProgress(this);
    m_progress->hide();
    connect(m_progress, &ExportProgress::cancelRequested, this, [this] {
        if (m_exporter)
            m_exporter->cancel();
    });
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &ExportDialog::updateScopeLabels);
        connect(m_model, &QAbstractItemModel::modelReset, this, &ExportDialog::updateScopeLabels);
    }
    restoreSettings();
    updateScopeLabels();
    onFormatChanged();
    updateStartButton();
}

ExportDialog::~ExportDialog()
{
    // Without a commit the Exporter leaves no file behind; the dialog is going away, so
    // the outcome has no one to be shown to.
    if (m_exporter) {
        m_exporter->disconnect(this);
        m_exporter->cancel();
    }
}

QGroupBox *ExportDialog::buildScope()
{
    auto *group = new QGroupBox(tr("Rows"), this);
    m_scopeAll = new QRadioButton(tr("All matching (fetch every page)"), group);
    m_scopeAll->setObjectName(u"scopeAll"_s);
    m_scopeLoaded = new QRadioButton(tr("Loaded rows only"), group);
    m_scopeLoaded->setObjectName(u"scopeLoaded"_s);
    m_scopeLoaded->setEnabled(!m_model.isNull());
    m_scopeAll->setChecked(true);
    m_querySummary = new QLabel(group);
    m_querySummary->setTextFormat(Qt::PlainText);
    m_querySummary->setWordWrap(true);

    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_scopeAll);
    layout->addWidget(m_scopeLoaded);
    layout->addWidget(m_querySummary);
    return group;
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

void ExportDialog::restoreSettings()
{
    m_folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (m_folder.isEmpty() || !QFileInfo(m_folder).isDir())
        m_folder = QDir::homePath();
    if (!m_settings)
        return;
    m_settings->beginGroup(kGroup);
    if (m_settings->value(u"scope"_s).toString() == u"loaded"_s && m_scopeLoaded->isEnabled())
        m_scopeLoaded->setChecked(true);
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
    m_settings->setValue(u"scope"_s, m_scopeLoaded->isChecked() ? u"loaded"_s : u"all"_s);
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

void ExportDialog::updateScopeLabels()
{
    const int loaded = m_model ? m_model->rowCount() : 0;
    m_scopeLoaded->setText(
        count(loaded, tr("Loaded rows only (1 row)"), tr("Loaded rows only (%1 rows)")));
    QString source = describeQuery(m_model ? m_model->query() : ConnectionQuery{});
    if (m_client && !m_client->config().environment.isEmpty()) {
        const ConnectionChoice from{m_client->config().environment, m_client->config().baseUrl};
        source = tr("From %1 · %2").arg(displayName(from), source);
    }
    m_querySummary->setText(source);
}

void ExportDialog::updateStartButton()
{
    m_start->setEnabled(!m_exporter && !checkedColumns().isEmpty() &&
                        !m_path->text().trimmed().isEmpty());
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
    if (m_exporter)
        return;
    const QString path = targetPath();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    if (info.isDir()) {
        showResult(tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(path)),
                   true);
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
    if (m_exporter || !m_client)
        return;
    ExportOptions options;
    options.query = m_model ? m_model->query() : ConnectionQuery{};
    options.columns = checkedColumns();
    options.format = format();
    options.bom = m_bom->isChecked() && options.format == ExportOptions::Format::Csv;
    options.outputPath = targetPath();
    qint64 total = -1;
    if (m_scopeLoaded->isChecked() && m_model) {
        // In the table's order, so the file holds what the user sees; rows loaded after
        // Start are not part of this export.
        const int loaded = m_model->rowCount();
        QPointer<ConnectionTableModel> model = m_model;
        options.rowSource = [model, loaded](qsizetype row) -> std::optional<OAuthConnection> {
            if (!model || row >= loaded || row >= model->rowCount())
                return std::nullopt;
            return model->connectionAt(int(row));
        };
        total = loaded;
    }
    m_folder = QFileInfo(options.outputPath).absolutePath();
    saveSettings();

    m_runningPath = options.outputPath;
    m_result->hide();
    m_progress->begin(total);

    const bool fromModel = bool(options.rowSource);
    m_exporter = new Exporter(m_client, std::move(options), this);
    if (fromModel) {
        // A requery or a sort mid-way would mix two listings in one file: stop instead.
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, m_exporter, &Exporter::cancel);
        connect(m_model, &QAbstractItemModel::layoutAboutToBeChanged, m_exporter,
                &Exporter::cancel);
    }
    connect(m_exporter, &Exporter::progress, m_progress, &ExportProgress::setProgress);
    connect(m_exporter, &Exporter::retryScheduled, m_progress, &ExportProgress::retryScheduled);
    connect(m_exporter, &Exporter::finished, this, &ExportDialog::onFinished);
    setRunning(true);
    // May finish at once (the file cannot be created): onFinished then already ran.
    m_exporter->start();
}

void ExportDialog::setRunning(bool running)
{
    m_options->setEnabled(!running);
    m_progress->setVisible(running);
    if (!running)
        m_progress->end();
    growToFit();
    updateStartButton();
}

void ExportDialog::showResult(const QString &text, bool failed)
{
    m_result->setText(text);
    m_result->setStyleSheet(failed ? u"QLabel { "_s % kErrorStyle % u" }"_s : QString());
    m_result->show();
    growToFit();
}

void ExportDialog::growToFit()
{
    growToFitContents(this);
}

void ExportDialog::onFinished(const ExportResult &result)
{
    m_exporter->deleteLater();
    m_exporter = nullptr;
    m_confirmedPath.clear();
    setRunning(false);
    switch (result.outcome) {
    case ExportResult::Outcome::Completed: {
        // count() fills in the number; the path takes the placeholder that is left.
        QString text = count(result.rows, tr("1 row written to %1."), tr("%1 rows written to %2."))
                           .arg(QDir::toNativeSeparators(m_runningPath));
        if (result.duplicatesDropped > 0)
            text += u' ' % count(result.duplicatesDropped,
                                 tr("1 duplicate row (an id seen on an earlier page) was dropped."),
                                 tr("%1 duplicate rows (ids seen on an earlier page) were "
                                    "dropped."));
        showResult(text, false);
        break;
    }
    case ExportResult::Outcome::Cancelled:
        showResult(result.message, false);
        break;
    case ExportResult::Outcome::Failed:
    case ExportResult::Outcome::OutputClosed:
        showResult(result.message, true);
        break;
    }
}

void ExportDialog::reject()
{
    if (m_exporter) {
        m_exporter->cancel();
        return;
    }
    saveSettings();
    QDialog::reject();
}

void ExportDialog::closeEvent(QCloseEvent *event)
{
    // Closing the window means "stop and go away", unlike Esc, which only cancels.
    if (m_exporter)
        m_exporter->cancel();
    QDialog::closeEvent(event);
}
