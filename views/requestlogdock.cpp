// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogdock.h"

#include "curlcommand.h"
#include "harsaver.h"
#include "increaseclient.h"
#include "requestlogdetail.h"
#include "requestlogfiltermodel.h"
#include "requestlogmodel.h"
#include "requestlogtable.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString kSplitterKey = u"window/requestLogSplitter"_s;
// Renamed when the columns learnt to fit their headers: the widths an older version saved
// cut them off.
const QString kColumnsKey = u"window/requestLogColumns"_s;
const QString kOldHeaderKey = u"window/requestLogHeader"_s;

constexpr qint64 kMaxLoggedBodyBytes = 32 * 1024 * 1024;

} // namespace

RequestLogDock::RequestLogDock(QWidget *parent)
    : QDockWidget(tr("Request Log"), parent)
    , m_model(new RequestLogModel(this))
    , m_filter(new RequestLogFilterModel(this))
    , m_failuresOnly(new QCheckBox(tr("&Failures only")))
    , m_statusClass(new QComboBox)
    , m_count(new QLabel)
    , m_copyCurl(new QPushButton(tr("Copy as c&url")))
    , m_saveHar(new QPushButton(tr("Save as &HAR 1.2…")))
    , m_clear(new QPushButton(tr("C&lear")))
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_table(new RequestLogTable)
    , m_detail(new RequestLogDetail)
    , m_message(new QLabel)
    , m_harSaver(new HarSaver(this))
{
    setObjectName(u"requestLogDock"_s); // QMainWindow::saveState() keys docks by name
    setAccessibleName(tr("Request log"));
    // 5,000 entries of full pages would hold ~130 MB of bodies (up to 1.3 GB at the
    // 256 KiB cap); the oldest entries go first once the bodies pass 32 MiB.
    m_model->setMaxBodyBytes(kMaxLoggedBodyBytes);
    m_filter->setSourceModel(m_model);

    m_statusClass->setAccessibleName(tr("Status class"));
    m_statusClass->setAccessibleDescription(
        tr("Show only the requests whose response status is in this class"));
    m_statusClass->addItem(tr("All statuses"), RequestLogFilterModel::kAnyStatusClass);
    m_statusClass->addItem(tr("2xx"), 2);
    m_statusClass->addItem(tr("4xx"), 4);
    m_statusClass->addItem(tr("5xx"), 5);
    m_statusClass->addItem(tr("No response"), 0);
    m_failuresOnly->setToolTip(tr("Error statuses, requests with no response, and bodies that "
                                  "could not be read; not requests that were cancelled"));
    m_copyCurl->setToolTip(tr("Copy the selected request as a curl command that reads the key "
                              "from $INCREASE_API_KEY"));
    m_saveHar->setToolTip(tr("Save every logged request as a HAR 1.2 file, which browser "
                             "developer tools open; the key is never written"));
    m_clear->setToolTip(tr("Empty the log and start the session figures again"));
    m_copyCurl->setEnabled(false);
    for (QLabel *label : {m_count, m_message}) {
        label->setTextFormat(Qt::PlainText); // file paths and error text
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_count->setAccessibleName(tr("Requests shown"));
    m_message->setAccessibleName(tr("Request log message"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_table->setModel(m_filter);
    m_table->setAccessibleName(tr("Requests"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false); // rows, not cells: Tab moves on to the detail
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView *header = m_table->horizontalHeader();
    // Arrival order until the operator sorts; a third click on a header returns to it.
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);

    m_splitter->setObjectName(u"requestLogSplitter"_s);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    // Two thirds for the table: the path shares it with seven short columns and needs room
    // for its endpoint and the end of its query. The detail wraps and scrolls.
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_failuresOnly);
    controls->addWidget(m_statusClass);
    controls->addWidget(m_count, 1);
    controls->addWidget(m_copyCurl);
    controls->addWidget(m_saveHar);
    controls->addWidget(m_clear);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_message);
    setWidget(content);

    connect(m_failuresOnly, &QCheckBox::toggled, m_filter, &RequestLogFilterModel::setFailuresOnly);
    connect(m_statusClass, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStatusClass(m_statusClass->currentData().toInt()); });
    connect(m_copyCurl, &QPushButton::clicked, this, &RequestLogDock::copyAsCurl);
    connect(m_saveHar, &QPushButton::clicked, this, &RequestLogDock::chooseHarFile);
    connect(m_clear, &QPushButton::clicked, this, &RequestLogDock::clear);
    connect(m_harSaver, &HarSaver::finished, this, &RequestLogDock::onHarSaved);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RequestLogDock::onCurrentChanged);
    // Keep the newest row in sight while the operator watches the tail, not when reading
    // an older one.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_table->verticalScrollBar();
        m_followTail = bar->value() == bar->maximum();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail && m_table->horizontalHeader()->sortIndicatorSection() < 0)
            m_table->scrollToBottom();
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &RequestLogDock::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RequestLogDock::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RequestLogDock::updateCount);
    updateCount();
}

void RequestLogDock::follow(IncreaseClient *client)
{
    connect(client, &IncreaseClient::exchange, m_model, &RequestLogModel::append);
    connect(client, &IncreaseClient::retryCancelled, m_model, &RequestLogModel::markRetryCancelled);
}

void RequestLogDock::showFailures()
{
    show();
    raise();
    m_failuresOnly->setChecked(true);
    selectNewestRow();
    m_table->setFocus();
}

void RequestLogDock::selectNewestRow()
{
    // The source is oldest first, whatever order the view is sorted in.
    int newest = -1;
    int newestSource = -1;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const int source = m_filter->mapToSource(m_filter->index(row, 0)).row();
        if (source > newestSource) {
            newestSource = source;
            newest = row;
        }
    }
    if (newest < 0)
        return;
    const QModelIndex index = m_filter->index(newest, 0);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void RequestLogDock::onCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        m_detail->showEntry(current.data(RequestLogModel::EntryRole).value<RequestLogEntry>());
    else
        m_detail->clear();
    m_copyCurl->setEnabled(m_detail->entry().has_value());
}

void RequestLogDock::copyAsCurl()
{
    const std::optional<RequestLogEntry> &entry = m_detail->entry();
    if (!entry)
        return;
    QGuiApplication::clipboard()->setText(curlCommand(*entry));
    m_message->setText(tr("Copied a curl command for %1. It reads the key from "
                          "$INCREASE_API_KEY: set that before running it.")
                           .arg(RequestLogModel::readableTarget(entry->url)));
    m_message->show();
}

void RequestLogDock::chooseHarFile()
{
    auto *chooser = new QFileDialog(this, tr("Save Request Log as HAR"));
    chooser->setObjectName(u"harFileDialog"_s);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setFileMode(QFileDialog::AnyFile);
    chooser->setNameFilters({tr("HAR files (*.har)"), tr("All files (*)")});
    chooser->setDefaultSuffix(u"har"_s);
    chooser->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    chooser->selectFile(u"increase-connections-"_s %
                        QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s) % u".har"_s);
    connect(chooser, &QFileDialog::fileSelected, this,
            [this](const QString &path) { saveHarTo(path); });
    chooser->open();
}

bool RequestLogDock::saveHarTo(const QString &path)
{
    const QList<RequestLogEntry> entries = m_model->entries();
    const QString shownPath = QDir::toNativeSeparators(path);
    // A second chooser may have been opened before the first save began.
    if (!m_harSaver->save(path, entries, QStringLiteral(IC_VERSION))) {
        m_message->setText(
            tr("Did not save %1: the previous save is still running.").arg(shownPath));
        m_message->show();
        return false;
    }
    m_saveHar->setEnabled(false);
    if (entries.size() == 1)
        m_message->setText(tr("Saving 1 request to %1…").arg(shownPath));
    else
        m_message->setText(
            tr("Saving %1 requests to %2…").arg(QLocale().toString(entries.size()), shownPath));
    m_message->show();
    return true;
}

bool RequestLogDock::isSavingHar() const
{
    return m_harSaver->isSaving();
}

void RequestLogDock::onHarSaved(const QString &path, qsizetype entries, bool saved,
                                const QString &error)
{
    m_saveHar->setEnabled(true);
    const QString shownPath = QDir::toNativeSeparators(path);
    if (!saved)
        m_message->setText(error); // it names the file
    else
        m_message->setText(tr("Saved %Ln request(s) to %1.", nullptr, int(entries)).arg(shownPath));
    m_message->show();
    Q_EMIT harSaved(saved);
}

void RequestLogDock::clear()
{
    m_model->clear();
    m_detail->clear();
    m_copyCurl->setEnabled(false);
    m_message->hide();
    Q_EMIT cleared();
}

QString RequestLogDock::countText() const
{
    return m_count->text();
}

QString RequestLogDock::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void RequestLogDock::updateCount()
{
    const QLocale locale;
    const int all = m_model->rowCount();
    const int shown = m_filter->rowCount();
    QString text = shown == all
                       ? tr("%Ln request(s)", nullptr, all)
                       : tr("%1 of %Ln request(s)", nullptr, all).arg(locale.toString(shown));
    if (m_model->droppedCount() > 0)
        text += u" · "_s + tr("%Ln older one(s) dropped (the log keeps the last %1)", nullptr,
                              int(m_model->droppedCount()))
                               .arg(locale.toString(m_model->capacity()));
    m_count->setText(text);
}

void RequestLogDock::restoreLayout(const QSettings &settings)
{
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    m_table->restoreHeaderState(settings.value(kColumnsKey).toByteArray());
}

void RequestLogDock::saveLayout(QSettings &settings) const
{
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kColumnsKey, m_table->headerState());
    settings.remove(kOldHeaderKey);
}
