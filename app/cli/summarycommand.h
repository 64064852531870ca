// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiquery.h"
#include "command.h"
#include "connectionfigures.h"
#include "duplicatefilter.h"

#include <QElapsedTimer>
#include <QHash>
#include <memory>
#include <optional>

class ApplicationDirectory;
class ConnectionWalker;
class QCommandLineParser;
class QSaveFile;
struct ApiError;

// `summary`: the figures of Insights::Aggregator over every connection matching the
// filters, streamed page by page into its counters (flat memory: no row is kept), then
// printed as one row per application or per day, week or month.
class SummaryCommand : public Command
{
    Q_OBJECT
public:
    enum class By { Application, Day, Week, Month };
    enum class Format { Text, Csv, Jsonl };

    struct Options
    {
        By by = By::Application;
        Insights::Zone zone = Insights::Zone::Utc;
        ConnectionQuery query; // statuses empty: the API's default (active)
        Format format = Format::Text;
        QString outputPath = QStringLiteral("-");
        std::optional<qint64> now; // Unix seconds; nullopt: this machine's clock at start
        int maxRetries = 5;
    };

    static void addOptions(QCommandLineParser &parser);
    static std::optional<Options> readOptions(const QCommandLineParser &parser,
                                              const QStringList &positional, QString *error);

    // The output, whole. `names` maps application ids to names (by application only).
    static QByteArray format(const Insights::Figures &figures, By by, Format format,
                             const QHash<QString, std::optional<QString>> &names);

    SummaryCommand(IncreaseClient *client, Console *console, Options options,
                   QObject *parent = nullptr);
    ~SummaryCommand() override;

    void start() override;
    void cancel() override;

private:
    void startListing();
    void onPage(const QList<OAuthConnection> &rows);
    void onListed();
    void onFailed(const ApiError &error);
    void showProgress(bool force);

    Options m_options;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<Insights::Aggregator> m_aggregator;
    DuplicateFilter m_duplicates{true};
    ApplicationDirectory *m_directory = nullptr;
    ConnectionWalker *m_walker = nullptr;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_sinceDrawn;
    qint64 m_rows = 0;
    qint64 m_duplicatesDropped = 0;
    bool m_showProgress = false;
};
