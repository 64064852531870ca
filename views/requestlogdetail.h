// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestlogentry.h"

#include <QWidget>
#include <optional>

class JsonHighlighter;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

// One request-log entry in full, below or beside the log's table: what was asked and what
// came back (or the error), the request and response headers, and the body pretty-printed
// and coloured when it is JSON. On screen only, Authorization reads "Bearer ••••" plus the
// key's last 4 characters, to tell keys apart; nothing here is ever written to a file or the
// clipboard.
class RequestLogDetail : public QWidget
{
    Q_OBJECT
public:
    explicit RequestLogDetail(QWidget *parent = nullptr);

    void showEntry(const RequestLogEntry &entry);
    void clear();
    const std::optional<RequestLogEntry> &entry() const { return m_entry; }

    // What is shown, for tests and for copying by hand.
    QString summaryText() const;
    QString headersText() const;
    QString bodyText() const;

    // "Bearer ••••7788", or "Bearer ••••" when the client gave no hint (a short key).
    static QString authorizationOnScreen(const QString &keyHint);
    // The request line and headers, a blank line, then the response's status and headers.
    static QString headersFor(const RequestLogEntry &entry);
    // Indented when the body is JSON, else the text as received.
    static QString bodyFor(const RequestLogEntry &entry);
    static QString summaryFor(const RequestLogEntry &entry);

private:
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    JsonHighlighter *m_bodyColours;
    std::optional<RequestLogEntry> m_entry;
};
