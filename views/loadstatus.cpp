// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadstatus.h"

#include "connectiontablemodel.h"
#include "elidedlabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

LoadStatus::LoadStatus(QWidget *parent)
    : QWidget(parent)
    , m_count(new QLabel(this))
    , m_lastFetch(new QLabel(this))
    , m_inFlight(new QLabel(this))
    , m_message(new ElidedLabel(this))
    , m_loadAll(new QPushButton(tr("Load All"), this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_loadAll->setToolTip(tr("Fetch every remaining page (then the table can be sorted)"));
    m_cancel->setToolTip(tr("Stop loading (Esc); the rows loaded so far stay"));
    m_cancel->setAccessibleName(tr("Cancel loading all"));
    m_progress->setAccessibleName(tr("Load all progress"));
    m_progress->setMaximumWidth(120);
    m_progress->setRange(0, 0); // no total to measure against: a busy indicator
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_progressText->hide();
    m_cancel->hide();
    m_count->setAccessibleName(tr("Rows loaded"));
    m_lastFetch->setAccessibleName(tr("Last fetch"));
    m_inFlight->setAccessibleName(tr("Requests in flight"));
    m_message->setAccessibleName(tr("Status message"));
    m_messageTimeout.setSingleShot(true);
    connect(&m_messageTimeout, &QTimer::timeout, this, [this] { showMessage(QString()); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_count);
    layout->addSpacing(12);
    layout->addWidget(m_lastFetch);
    layout->addSpacing(12);
    layout->addWidget(m_inFlight);
    layout->addSpacing(12);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_loadAll);
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);

    connect(m_loadAll, &QPushButton::clicked, this, &LoadStatus::loadAll);
    connect(m_cancel, &QPushButton::clicked, this, &LoadStatus::cancelLoadAll);
    setInFlight(0);
    update();
}

void LoadStatus::setModel(ConnectionTableModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_model = model;
    if (model) {
        m_connections = {
            connect(model, &ConnectionTableModel::fetchStarted, this, &LoadStatus::update),
            connect(model, &ConnectionTableModel::pageLoaded, this, &LoadStatus::update),
            connect(model, &ConnectionTableModel::fetchFailed, this, &LoadStatus::update),
            connect(model, &ConnectionTableModel::loadingAllChanged, this, &LoadStatus::update),
            connect(model, &QAbstractItemModel::modelReset, this, &LoadStatus::update),
        };
    }
    update();
}

void LoadStatus::setInFlight(int requests)
{
    m_inFlight->setText(requests == 0 ? tr("No requests in flight")
                                      : tr("%n request(s) in flight", nullptr, requests));
}

void LoadStatus::setActivity(const QString &text)
{
    m_activity = text;
    updateMessage();
}

void LoadStatus::showMessage(const QString &text, int timeoutMs)
{
    m_text = text;
    if (timeoutMs > 0 && !text.isEmpty())
        m_messageTimeout.start(timeoutMs);
    else
        m_messageTimeout.stop();
    updateMessage();
}

QString LoadStatus::messageText() const
{
    return m_message->text();
}

void LoadStatus::updateMessage()
{
    m_message->setText(m_activity.isEmpty() ? m_text : m_activity);
}

QString LoadStatus::countText() const
{
    return m_count->text();
}

QString LoadStatus::lastFetchText() const
{
    return m_lastFetch->text();
}

QString LoadStatus::inFlightText() const
{
    return m_inFlight->text();
}

QString LoadStatus::progressText() const
{
    return m_progressText->isHidden() ? QString() : m_progressText->text();
}

bool LoadStatus::isLoadingAll() const
{
    return m_model && m_model->isLoadingAll();
}

void LoadStatus::loadAll()
{
    if (m_model)
        m_model->loadAll();
    update();
}

void LoadStatus::cancelLoadAll()
{
    if (m_model)
        m_model->cancelLoadAll();
    update();
}

void LoadStatus::update()
{
    if (!m_model) {
        m_count->setText(tr("Not connected"));
        m_lastFetch->clear();
        m_loadAll->setEnabled(false);
        m_progress->hide();
        m_progressText->hide();
        m_cancel->hide();
        return;
    }
    const int rows = m_model->rowCount();
    const QLocale locale;
    if (m_model->hasMore())
        m_count->setText(tr("%1 loaded · more available").arg(locale.toString(rows)));
    else
        m_count->setText(tr("%Ln connection(s) · all loaded", nullptr, rows));

    const QDateTime last = m_model->lastFetchAt();
    m_lastFetch->setText(
        last.isValid() ? tr("Last fetch %1")
                             .arg(locale.toString(last.toLocalTime().time(), QLocale::LongFormat))
                       : tr("Not fetched yet"));

    const bool loadingAll = m_model->isLoadingAll();
    m_loadAll->setVisible(!loadingAll);
    m_loadAll->setEnabled(m_model->hasMore());
    m_progress->setVisible(loadingAll);
    m_progressText->setVisible(loadingAll);
    m_cancel->setVisible(loadingAll);
    if (loadingAll)
        m_progressText->setText(tr("Loading all… %Ln row(s)", nullptr, rows));
}
