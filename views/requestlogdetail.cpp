// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogdetail.h"

#include "jsonformat.h"
#include "jsonhighlighter.h"
#include "requestlogmodel.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString headerLine(const QByteArray &name, const QString &value)
{
    return QString::fromLatin1(name) % u": "_s % value;
}

bool parsesAsJson(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError && !body.isEmpty();
}

// "application/json", "application/problem+json; charset=utf-8"
bool saysJson(const RequestLogEntry::Headers &headers)
{
    for (const auto &[name, value] : headers) {
        if (name.compare("Content-Type", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArray type = value.split(';').constFirst().trimmed().toLower();
        return type == "application/json" || type.endsWith("+json");
    }
    return false;
}

QString shownBody(const QByteArray &body, bool isJson)
{
    return isJson ? QString::fromUtf8(JsonFormat::indented(body)) : QString::fromUtf8(body);
}

} // namespace

RequestLogDetail::RequestLogDetail(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_headers(new QPlainTextEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_bodyColours(new JsonHighlighter(m_body))
{
    setAccessibleName(tr("Request details"));
    // URLs, error messages and bodies come from the server: never markup.
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Request summary"));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *text : {m_headers, m_body}) {
        text->setReadOnly(true);
        text->setFont(fixed);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_headers->setAccessibleName(tr("Request and response headers"));
    m_body->setAccessibleName(tr("Response body"));
    m_tabs->addTab(m_headers, tr("&Headers"));
    m_tabs->addTab(m_body, tr("&Body"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    clear();
}

void RequestLogDetail::showEntry(const RequestLogEntry &entry)
{
    m_entry = entry;
    m_summary->setText(summaryFor(entry));
    m_headers->setPlainText(headersFor(entry));
    const bool json = parsesAsJson(entry.responseBody);
    // In JSON's colours when it parses, or when the response says it is JSON: a body cut at
    // the log's cap no longer parses. An HTML or text body stays plain. Emptied first, so
    // switching the colouring does not colour the previous body again.
    m_body->clear();
    m_bodyColours->setActive(json || saysJson(entry.responseHeaders));
    m_body->setPlainText(shownBody(entry.responseBody, json));
}

void RequestLogDetail::clear()
{
    m_entry.reset();
    m_summary->setText(tr("Select a request to see its headers and body."));
    m_headers->clear();
    m_body->clear();
}

QString RequestLogDetail::summaryText() const
{
    return m_summary->text();
}

QString RequestLogDetail::headersText() const
{
    return m_headers->toPlainText();
}

QString RequestLogDetail::bodyText() const
{
    return m_body->toPlainText();
}

QString RequestLogDetail::authorizationOnScreen(const QString &keyHint)
{
    return u"Bearer ••••"_s + keyHint;
}

QString RequestLogDetail::headersFor(const RequestLogEntry &entry)
{
    QStringList lines;
    lines << QString(QString::fromLatin1(entry.method) % u' ' %
                     entry.url.toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded));
    for (const auto &[name, value] : entry.requestHeaders) {
        // The client logs a placeholder; the hint is added here, on screen only.
        const bool authorization = name.compare("Authorization", Qt::CaseInsensitive) == 0;
        lines << headerLine(name, authorization ? authorizationOnScreen(entry.keyHint)
                                                : QString::fromUtf8(value));
    }
    lines << QString();
    if (entry.httpStatus > 0)
        lines << tr("HTTP %1").arg(entry.httpStatus);
    else
        lines << tr("No response");
    for (const auto &[name, value] : entry.responseHeaders)
        lines << headerLine(name, QString::fromUtf8(value));
    return lines.join(u'\n');
}

QString RequestLogDetail::bodyFor(const RequestLogEntry &entry)
{
    return shownBody(entry.responseBody, parsesAsJson(entry.responseBody));
}

QString RequestLogDetail::summaryFor(const RequestLogEntry &entry)
{
    const QLocale locale;
    const QUrl origin = entry.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath |
                                           QUrl::RemoveQuery | QUrl::RemoveFragment);
    QStringList lines;
    lines << QString(QString::fromLatin1(entry.method) % u' ' % origin.toString() %
                     RequestLogModel::readableTarget(entry.url));

    QStringList facts;
    facts << tr("attempt %1").arg(entry.attempt);
    facts << (entry.httpStatus > 0 ? tr("HTTP %1").arg(entry.httpStatus) : tr("no response"));
    facts << tr("%1 ms").arg(locale.toString(entry.latencyMs));
    facts << tr("%1 received").arg(locale.formattedDataSize(entry.bytesReceived, 1));
    facts
        << tr("started %1 UTC").arg(entry.startedAt.toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s));
    lines << facts.join(u" · "_s);

    // The client's message usually names the type already: "… (internal_server_error, HTTP 500)".
    if (!entry.errorType.isEmpty() && entry.errorMessage.contains(entry.errorType))
        lines << tr("Error: %1").arg(entry.errorMessage);
    else if (!entry.errorType.isEmpty())
        lines << tr("Error: %1 (%2)").arg(entry.errorMessage, entry.errorType);
    const QString delay = locale.toString(double(entry.retryDelayMs) / 1000.0, 'f', 1);
    if (entry.retryCancelled)
        lines << tr("Retry cancelled while it waited (it was due after %1 s); no further "
                    "attempt was sent")
                     .arg(delay);
    else if (entry.willRetry)
        lines << tr("Retried after %1 s").arg(delay);
    if (entry.bodyTruncated)
        lines << tr("Only the first %1 of the body were kept.")
                     .arg(locale.formattedDataSize(RequestLogEntry::kMaxLoggedBody));
    return lines.join(u'\n');
}
