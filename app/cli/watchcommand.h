// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "changefeed.h"
#include "command.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimer>
#include <optional>

class QCommandLineParser;

// `watch`: prints one line per OAuth connection created or deactivated, from the
// ChangeFeed. --once catches up and exits; otherwise it polls every --interval seconds
// until SIGINT/SIGTERM. --state-file is saved (atomically) after each printed batch, so a
// later run resumes where this one stopped.
class WatchCommand : public Command
{
    Q_OBJECT
public:
    enum class Format { Jsonl, Text };
    static constexpr int kDefaultIntervalSeconds = 15;
    static constexpr int kMinimumIntervalSeconds = 5;

    struct Options
    {
        ChangeFeedFilter filter;
        std::optional<QDateTime> since; // nullopt: now, by the server's clock
        int intervalSeconds = kDefaultIntervalSeconds;
        bool once = false;
        QString stateFile;
        std::optional<ChangeFeedState> savedState; // read from stateFile; it wins over since
        Format format = Format::Jsonl;
        int maxRetries = 5;
    };

    static void addOptions(QCommandLineParser &parser);
    // Reads the state file too: a corrupt one is an error here, before any request.
    static std::optional<Options> readOptions(const QCommandLineParser &parser,
                                              const QStringList &positional, QString *error);
    // --since: "now" (nullopt in *since) or an ISO 8601 date-time with Z or an offset.
    static bool parseSince(const QString &text, std::optional<QDateTime> *since, QString *error);

    static QByteArray formatJsonl(const ConnectionChange &change);
    static QByteArray formatText(const ConnectionChange &change);

    WatchCommand(IncreaseClient *client, Console *console, Options options,
                 QObject *parent = nullptr);

    void start() override;
    void cancel() override;

private:
    void onChanged(const QList<ConnectionChange> &changes);
    void onPolled(int reported);
    void onFailed(const ApiError &error);
    bool saveState();

    Options m_options;
    ChangeFeed *m_feed = nullptr;
    QTimer m_interval;
    QByteArray m_savedState; // what the state file holds, to skip rewriting the same bytes
};
