// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "getcommand.h"

#include "jsonformat.h"

#include "apicall.h"
#include "apiparsing.h"
#include "apiquery.h"
#include "commandoutput.h"
#include "console.h"
#include "errorreport.h"
#include "exitcode.h"
#include "increaseclient.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

void GetCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"get"_s, tr("Print one OAuth connection."), u"get"_s);
    parser.addPositionalArgument(u"id"_s, tr("The connection's id, e.g. connection_abc123."),
                                 u"ID"_s);
    parser.addOption({u"format"_s, tr("json (as the API sent it, indented) or text."),
                      u"json|text"_s, u"json"_s});
}

std::optional<GetCommand::Options> GetCommand::readOptions(const QCommandLineParser &parser,
                                                           const QStringList &positional,
                                                           QString *error)
{
    if (positional.size() != 1) {
        *error = positional.isEmpty()
                     ? tr("get needs the id of a connection: increase-connections get ID")
                     : tr("get takes one id, not %1 arguments").arg(positional.size());
        return std::nullopt;
    }
    Options options;
    options.id = positional.first();
    QString why;
    if (!ApiQuery::isValidPathId(options.id, &why)) {
        *error = tr("'%1' is not a connection id: %2").arg(ApiQuery::quotableId(options.id), why);
        return std::nullopt;
    }
    const QString format = parser.value(u"format"_s);
    if (format == "text"_L1) {
        options.format = Format::Text;
    } else if (format != "json"_L1) {
        *error = tr("--format for get is json or text, not '%1'").arg(format);
        return std::nullopt;
    }
    return options;
}

QByteArray GetCommand::formatText(const QJsonObject &object)
{
    static const QStringList contractOrder = {
        u"id"_s,     u"created_at"_s, u"deleted_at"_s, u"group_id"_s, u"oauth_application_id"_s,
        u"status"_s, u"type"_s,
    };
    QStringList keys;
    for (const QString &key : contractOrder) {
        if (object.contains(key))
            keys.append(key);
    }
    for (const QString &key : object.keys()) {
        if (!contractOrder.contains(key))
            keys.append(key);
    }

    QByteArray out;
    for (const QString &key : keys) {
        const QJsonValue value = object.value(key);
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isNull())
            text = u"null"_s;
        else if (value.isObject())
            text =
                QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        else
            text = value.toVariant().toString();
        // A value from the server must not be able to steer the terminal.
        out += (key + u": "_s + Console::printable(text)).toUtf8() + '\n';
    }
    return out;
}

GetCommand::GetCommand(IncreaseClient *client, Console *console, Options options, QObject *parent)
    : Command(client, console, parent)
    , m_options(std::move(options))
{}

void GetCommand::start()
{
    m_call = m_client->retrieveConnection(m_options.id);
    connect(m_call, &ApiCall::finished, this, &GetCommand::onResult);
}

void GetCommand::cancel()
{
    if (m_call && !m_call->isFinished())
        m_call->abort();
    finish(ExitCode::Failure);
}

void GetCommand::onResult(const ApiResult &result)
{
    m_call.clear();
    if (isFinished())
        return;
    if (!result.ok()) {
        if (result.error->kind != ApiError::Kind::Cancelled)
            m_console->error(ErrorReport::summary(*result.error),
                             ErrorReport::hint(*result.error, m_client->config()));
        finish(ExitCode::Failure);
        return;
    }

    QString why;
    QJsonObject raw;
    if (!ApiParsing::connectionBody(result.body, &why, &raw)) {
        const ApiError error =
            ApiError::make(ApiError::Kind::MalformedResponse, tr("Unexpected response"), why);
        m_console->error(ErrorReport::summary(error), ErrorReport::hint(error, m_client->config()));
        finish(ExitCode::Failure);
        return;
    }

    // As the API sent it: key order and number digits kept (QJsonDocument sorts keys).
    const QByteArray bytes =
        m_options.format == Format::Json ? JsonFormat::indented(result.body) : formatText(raw);
    QString error;
    if (CommandOutput::write(u"-"_s, bytes, &error) == CommandOutput::Outcome::Failed) {
        m_console->error(error);
        finish(ExitCode::Failure);
        return;
    }
    finish(ExitCode::Success);
}
