// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include <QStringList>
#include <optional>

class ApplicationDirectory;
class QCommandLineParser;
struct ApiError;

// `applications`: every OAuth application (all pages) as CSV or JSON Lines.
class ApplicationsCommand : public Command
{
    Q_OBJECT
public:
    enum class Format { Csv, Jsonl };
    struct Options
    {
        QStringList statuses; // empty: the API's default, every status
        Format format = Format::Csv;
        QString outputPath = QStringLiteral("-");
        int maxRetries = 5;
    };

    static void addOptions(QCommandLineParser &parser);
    static std::optional<Options> readOptions(const QCommandLineParser &parser,
                                              const QStringList &positional, QString *error);

    ApplicationsCommand(IncreaseClient *client, Console *console, Options options,
                        QObject *parent = nullptr);

    void start() override;
    void cancel() override;

private:
    void onLoaded();
    void onFailed(const ApiError &error);

    Options m_options;
    ApplicationDirectory *m_directory = nullptr;
};
