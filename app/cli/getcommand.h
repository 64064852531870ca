// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include <QJsonObject>
#include <QPointer>
#include <optional>

class ApiCall;
class QCommandLineParser;
struct ApiResult;

// `get ID`: retrieves one connection and prints it as the API sent it, as indented
// JSON (unknown fields included) or as `field: value` lines.
class GetCommand : public Command
{
    Q_OBJECT
public:
    enum class Format { Json, Text };
    struct Options
    {
        QString id;
        Format format = Format::Json;
    };

    static void addOptions(QCommandLineParser &parser);
    // `positional` holds what follows the command name: exactly the id.
    static std::optional<Options> readOptions(const QCommandLineParser &parser,
                                              const QStringList &positional, QString *error);

    // The text form: the contract's fields in its order, then any others by name. Values
    // that are not strings are written as compact JSON; null as `null`.
    static QByteArray formatText(const QJsonObject &object);

    GetCommand(IncreaseClient *client, Console *console, Options options,
               QObject *parent = nullptr);

    void start() override;
    void cancel() override;

private:
    void onResult(const ApiResult &result);

    Options m_options;
    QPointer<ApiCall> m_call;
};
