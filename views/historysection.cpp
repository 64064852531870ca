// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "historysection.h"

#include "connectionhistory.h"
#include "instanttext.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QString whatHappened(const QString &category)
{
    if (category == QStringView(EventCategory::ConnectionCreated))
        return HistorySection::tr("Created");
    if (category == QStringView(EventCategory::ConnectionDeactivated))
        return HistorySection::tr("Deactivated");
    return category; // a category this build does not know, as sent
}

} // namespace

HistorySection::HistorySection(QWidget *parent)
    : QWidget(parent)
    , m_history(new ConnectionHistory(this))
    , m_state(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_events(new QWidget(this))
    , m_form(new QFormLayout(m_events))
{
    setAccessibleName(tr("History"));
    auto *title = new QLabel(tr("History"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_state->setTextFormat(Qt::PlainText); // the reason comes from the server
    m_state->setWordWrap(true);
    m_state->setAccessibleName(tr("History state"));
    m_retry->setAccessibleName(tr("Retry loading the history"));
    m_retry->hide();
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_retry, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(stateRow);
    layout->addWidget(m_events);

    connect(m_history, &ConnectionHistory::loaded, this, &HistorySection::showEvents);
    connect(m_history, &ConnectionHistory::failed, this, &HistorySection::showFailure);
    connect(m_retry, &QPushButton::clicked, this, [this] { load(m_history->connectionId()); });
    hide();
}

void HistorySection::setClient(IncreaseClient *client)
{
    clear();
    m_history->setClient(client);
}

void HistorySection::load(const QString &connectionId)
{
    removeEvents();
    showState(tr("Loading history…"));
    show();
    m_history->load(connectionId); // may fail at once: after the state above
}

void HistorySection::clear()
{
    m_history->cancel();
    removeEvents();
    showState(QString());
    hide();
}

bool HistorySection::isLoading() const
{
    return m_history->isLoading();
}

QString HistorySection::stateText() const
{
    return m_state->isHidden() ? QString() : m_state->text();
}

QStringList HistorySection::eventTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        const auto *label =
            qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        const auto *value =
            qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        texts.append(label->text() + u' ' + value->text());
    }
    return texts;
}

void HistorySection::showEvents(const QList<IncreaseEvent> &events)
{
    removeEvents();
    if (events.isEmpty()) {
        showState(tr("No events recorded"));
        return;
    }
    showState(QString());
    for (const IncreaseEvent &event : events) {
        const QString what = whatHappened(event.category);
        auto *value = new QLabel(m_events);
        // From the server: plain text, selectable so the event id can be copied.
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
        value->setText(InstantText::utcAndLocal(event.createdAt) + u'\n' + event.id);
        value->setToolTip(tr("As sent: %1").arg(event.createdAt));
        value->setAccessibleName(tr("%1 event").arg(what));
        auto *label = new QLabel(tr("%1:").arg(what), m_events);
        label->setTextFormat(Qt::PlainText);
        label->setMinimumWidth(m_labelWidth);
        label->setBuddy(value);
        m_form->addRow(label, value);
    }
}

void HistorySection::showFailure(const ApiError &error)
{
    removeEvents();
    QString reason = error.title;
    if (error.httpStatus > 0)
        reason = tr("%1 (HTTP %2)").arg(reason).arg(error.httpStatus);
    showState(tr("Could not load the history: %1").arg(reason));
    m_state->setToolTip(error.message());
    m_retry->show();
}

void HistorySection::showState(const QString &text)
{
    m_state->setText(text);
    m_state->setToolTip(QString());
    m_state->setVisible(!text.isEmpty());
    m_retry->hide();
}

void HistorySection::removeEvents()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
}
