// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailpane.h"

#include "jsonformat.h"

#include "apicall.h"
#include "apiparsing.h"
#include "apiquery.h"
#include "applicationlistmodel.h"
#include "errorbanner.h"
#include "historysection.h"
#include "increaseclient.h"
#include "instanttext.h"
#include "jsonhighlighter.h"
#include "tabstops.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// QScrollArea keeps the first size hint its widget gave (empty, before any connection):
// this one asks again, so the fields get their height whenever the pane has it.
class FieldsScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;
    QSize sizeHint() const override
    {
        if (!widget())
            return QScrollArea::sizeHint();
        const int frame = 2 * frameWidth();
        QSize hint = widget()->sizeHint();
        // Wrapped values are taller in a narrow pane: the height for the width it has.
        if (widget()->hasHeightForWidth() && viewport()->width() > 0)
            hint.setHeight(std::max(hint.height(), widget()->heightForWidth(viewport()->width())));
        return hint + QSize(frame + scrollBarWidth(), frame);
    }
    // As wide as the fields and a vertical scrollbar (the pane never cuts a value off
    // sideways); as short as a few lines (the pane never sets the window's height).
    QSize minimumSizeHint() const override
    {
        if (!widget())
            return QScrollArea::minimumSizeHint();
        return {widget()->minimumSizeHint().width() + 2 * frameWidth() + scrollBarWidth(),
                QScrollArea::minimumSizeHint().height()};
    }

private:
    int scrollBarWidth() const
    {
        return style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    }
};

} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent)
    , m_goTo(new QLineEdit(this))
    , m_goToError(new QLabel(this))
    , m_banner(new ErrorBanner(this))
    , m_state(new QLabel(this))
    , m_fields(new QWidget(this))
    , m_history(new HistorySection(this))
    , m_copyId(new QPushButton(tr("Copy &ID"), this))
    , m_copyJson(new QPushButton(tr("Copy JS&ON"), this))
    , m_json(new QPlainTextEdit(this))
{
    setAccessibleName(tr("Connection details"));

    m_goTo->setPlaceholderText(tr("Go to ID… (Ctrl+L)"));
    m_goTo->setAccessibleName(tr("Go to connection ID"));
    m_goTo->setAccessibleDescription(
        tr("Type or paste a connection ID and press Enter to show that connection here"));
    m_goTo->setClearButtonEnabled(true);
    auto *go = new QPushButton(tr("&Go"), this);
    go->setAccessibleName(tr("Go to this connection ID"));
    m_goToError->setTextFormat(Qt::PlainText); // echoes what was typed
    m_goToError->setWordWrap(true);
    m_goToError->setAccessibleName(tr("Connection ID error"));
    m_goToError->hide();

    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);

    auto *form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_id = addField(form, tr("ID:"));
    m_status = addField(form, tr("Status:"));
    m_application = addField(form, tr("Application:"));
    m_groupId = addField(form, tr("Group ID:"));
    m_type = addField(form, tr("Type:"));
    m_created = addField(form, tr("Created:"));
    m_deleted = addField(form, tr("Deleted:"));
    m_retrievedAt = addField(form, tr("Retrieved:"));
    int labelWidth = 0;
    for (int row = 0; row < form->rowCount(); ++row)
        labelWidth =
            std::max(labelWidth, form->itemAt(row, QFormLayout::LabelRole)->sizeHint().width());
    m_history->setLabelWidth(labelWidth);

    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setAccessibleName(tr("Raw JSON"));
    m_json->setPlaceholderText(tr("The connection's JSON, as retrieved"));
    new JsonHighlighter(m_json);

    auto *goRow = new QHBoxLayout;
    goRow->addWidget(m_goTo, 1);
    goRow->addWidget(go);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyId);
    buttons->addWidget(m_copyJson);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(goRow);
    layout->addWidget(m_goToError);
    layout->addWidget(m_banner);
    layout->addWidget(m_state);
    // The fields and the history scroll on their own: with the request log open in a
    // short window they would otherwise set the window's least height (past 700 px) or
    // be cut mid-line.
    auto *details = new QWidget;
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_fields);
    detailsLayout->addWidget(m_history);
    detailsLayout->addStretch(1);
    auto *scroll = new FieldsScrollArea(this);
    scroll->setObjectName(u"detailFields"_s);
    scroll->setWidget(details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Not a stop of its own: Tab goes to the values in it, and scrolls to show each.
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // wide enough, see above
    // As tall as the fields need while there is room; the JSON below takes the rest.
    scroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    layout->addWidget(scroll);
    m_detailsScroll = scroll;
    details->installEventFilter(this);
    layout->addLayout(buttons);
    layout->addWidget(m_json, 1);

    connect(m_goTo, &QLineEdit::returnPressed, this, &DetailPane::goToTyped);
    connect(go, &QPushButton::clicked, this, &DetailPane::goToTyped);
    connect(m_goTo, &QLineEdit::textEdited, m_goToError, &QLabel::hide);
    connect(m_copyId, &QPushButton::clicked, this, [this] {
        if (m_shown)
            QGuiApplication::clipboard()->setText(m_shown->id);
    });
    connect(m_copyJson, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_json->toPlainText()); });
    connect(m_banner, &ErrorBanner::retryRequested, this, [this] {
        if (!m_requestedId.isEmpty())
            retrieve(m_requestedId);
    });
    connect(m_banner, &ErrorBanner::setApiKeyRequested, this, &DetailPane::setApiKeyRequested);

    // Tab goes down the pane as it reads, not in the order its parts were made.
    chainTabStops({m_goTo, go, m_banner, m_fields, m_history, m_copyId, m_copyJson, m_json});

    clearFields(tr("Select a connection to see it here, or go to an ID."));
}

DetailPane::~DetailPane()
{
    abortCall();
}

QLabel *DetailPane::addField(QFormLayout *form, const QString &label)
{
    auto *value = new QLabel(m_fields);
    // Values come from the server: plain text only, selectable for copying.
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setAccessibleName(label.chopped(1));
    form->addRow(label, value);
    return value;
}

void DetailPane::setSource(IncreaseClient *client, const ApplicationListModel *names)
{
    abortCall();
    disconnect(m_namesConnection);
    m_client = client;
    m_history->setClient(client);
    m_names = names;
    if (names)
        m_namesConnection =
            connect(names, &ApplicationListModel::loaded, this, &DetailPane::showApplicationName);
    m_requestedId.clear();
    m_banner->clear();
    clearFields(tr("Select a connection to see it here, or go to an ID."));
}

void DetailPane::showConnection(const QString &id)
{
    if (id.isEmpty() || (id == m_requestedId && (isRetrieving() || shownId() == id)))
        return;
    // Another row chosen: what was typed in Go to ID, and what was said about it, is over.
    m_goTo->clear();
    m_goToError->hide();
    retrieve(id);
}

void DetailPane::markNotListed()
{
    if (!m_shown || isRetrieving())
        return;
    m_state->setText(tr("%1 is not in the current list (the filters changed).").arg(m_shown->id));
    m_state->show();
}

void DetailPane::beginGoToId()
{
    m_goTo->setFocus(Qt::ShortcutFocusReason);
    m_goTo->selectAll();
}

void DetailPane::clear()
{
    abortCall();
    m_requestedId.clear();
    m_banner->clear();
    clearFields(tr("Select a connection to see it here, or go to an ID."));
}

QString DetailPane::rawJson() const
{
    return m_json->toPlainText();
}

QString DetailPane::stateText() const
{
    return m_state->isHidden() ? QString() : m_state->text();
}

QString DetailPane::goToError() const
{
    return m_goToError->isHidden() ? QString() : m_goToError->text();
}

void DetailPane::goToTyped()
{
    const QString id = m_goTo->text().trimmed();
    QString why;
    // Checked here so a mistyped id is explained next to the field and nothing is sent.
    if (!ApiQuery::isValidPathId(id, &why)) {
        m_goToError->setText(tr("Not a connection ID: %1").arg(why));
        m_goToError->show();
        return;
    }
    m_goToError->hide();
    retrieve(id);
    Q_EMIT goToRequested(id);
}

void DetailPane::abortCall()
{
    ++m_generation;
    if (ApiCall *call = m_call.data()) {
        m_call = nullptr;
        call->abort();
    }
}

void DetailPane::retrieve(const QString &id)
{
    abortCall();
    m_requestedId = id;
    m_banner->clear();
    if (!m_client) {
        clearFields(tr("Not connected."));
        return;
    }
    clearFields(tr("Retrieving %1…").arg(id));
    const quint64 generation = m_generation;
    m_call = m_client->retrieveConnection(id);
    connect(m_call, &ApiCall::finished, this, [this, generation, id](const ApiResult &result) {
        if (generation != m_generation)
            return; // the user has moved on to another connection
        m_call = nullptr;
        onRetrieved(id, result);
    });
}

void DetailPane::onRetrieved(const QString &id, const ApiResult &result)
{
    if (!result.ok()) {
        clearFields(tr("Could not retrieve %1.").arg(id));
        m_banner->showError(*result.error);
        return;
    }
    QString error;
    QJsonObject raw;
    const std::optional<OAuthConnection> connection =
        ApiParsing::connectionBody(result.body, &error, &raw);
    if (!connection) {
        clearFields(tr("Could not retrieve %1.").arg(id));
        ApiError malformed =
            ApiError::make(ApiError::Kind::MalformedResponse, tr("Malformed response"), error);
        malformed.httpStatus = result.httpStatus;
        m_banner->showError(malformed);
        return;
    }
    m_shown = connection;
    showFields(*connection);
    // Once the connection is known to exist: an id that is not found has no history.
    m_history->load(connection->id);
    // As retrieved: the server's key order and digits, unknown fields included.
    m_json->setPlainText(QString::fromUtf8(JsonFormat::indented(result.body)));
    const QDateTime finished =
        result.finishedAt.isValid() ? result.finishedAt : QDateTime::currentDateTimeUtc();
    QString retrievedText =
        tr("%1 in %2 ms")
            .arg(QLocale().toString(finished.toLocalTime().time(), QLocale::LongFormat))
            .arg(result.latencyMs);
    if (result.attempts > 1)
        retrievedText += u' ' + tr("(after %Ln attempt(s))", nullptr, result.attempts);
    m_retrievedAt->setText(retrievedText);
    Q_EMIT retrieved(connection->id);
}

void DetailPane::showFields(const OAuthConnection &connection)
{
    m_state->hide();
    m_fields->show();
    m_copyId->setEnabled(true);
    m_copyJson->setEnabled(true);
    m_id->setText(connection.id);
    m_status->setText(connection.status);
    m_groupId->setText(connection.groupId);
    m_type->setText(connection.type);
    m_created->setText(InstantText::utcAndLocal(connection.createdAt));
    m_created->setToolTip(tr("As sent: %1").arg(connection.createdAt));
    m_deleted->setText(connection.deletedAt ? InstantText::utcAndLocal(*connection.deletedAt)
                                            : tr("Not deleted (null)"));
    m_deleted->setToolTip(connection.deletedAt ? tr("As sent: %1").arg(*connection.deletedAt)
                                               : QString());
    showApplicationName();
}

void DetailPane::showApplicationName()
{
    if (!m_shown)
        return;
    const QString id = m_shown->oauthApplicationId;
    const std::optional<QString> name = m_names ? m_names->nameOf(id) : std::nullopt;
    m_application->setText(name ? tr("%1\n%2").arg(m_names->displayName(id), id) : id);
}

void DetailPane::clearFields(const QString &message)
{
    m_shown.reset();
    m_history->clear();
    m_state->setText(message);
    m_state->show();
    m_fields->hide();
    m_copyId->setEnabled(false);
    m_copyJson->setEnabled(false);
    m_json->clear();
    for (QLabel *label :
         {m_id, m_status, m_application, m_groupId, m_type, m_created, m_deleted, m_retrievedAt})
        label->clear();
}

bool DetailPane::eventFilter(QObject *watched, QEvent *event)
{
    // A scroll area does not pass its widget's new size hint on to the pane's layout: a
    // field that gains a line, or the history arriving, would stay hidden behind it.
    if (event->type() == QEvent::LayoutRequest && m_detailsScroll &&
        watched == m_detailsScroll->widget())
        m_detailsScroll->updateGeometry();
    return QWidget::eventFilter(watched, event);
}
