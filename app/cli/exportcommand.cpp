// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommand.h"

#include "apiquery.h"
#include "console.h"
#include "errorreport.h"
#include "exitcode.h"
#include "increaseclient.h"
#include "partitionplan.h"

#include <QCommandLineParser>
#include <QLocale>

#include <cmath>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Redrawing a terminal line for every page would cost more than the page at local speeds.
constexpr qint64 kRedrawIntervalMs = 100;

// At 0.01 req/s a 100-page export already takes nearly three hours: a lower rate is a
// slip (a unit or a few zeros off) rather than any limit a server sets, and at a few
// requests a year a token's wait no longer fits a timer at all.
constexpr double kMinRateLimit = 0.01;

} // namespace

void ExportCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"export"_s, tr("Write every matching OAuth connection."),
                                 u"export"_s);
    parser.addOptions({
        {u"status"_s,
         tr("active, inactive, all or active,inactive (default: the API's, "
            "active)."),
         u"status"_s},
        {u"application"_s, tr("Only connections to this OAuth application id."), u"id"_s},
        {u"format"_s, tr("csv (RFC 4180) or jsonl."), u"csv|jsonl"_s, u"csv"_s},
        {u"columns"_s,
         tr("Comma-separated columns, from: %1.").arg(ExportColumns::allNames().join(u", "_s)),
         u"list"_s},
        {u"with-application-name"_s, tr("Add oauth_application_name after oauth_application_id.")},
        {u"output"_s,
         tr("Write to this file, replaced only when the export completes "
            "(default: - for standard output)."),
         u"file"_s, u"-"_s},
        {u"bom"_s, tr("Start the CSV with a UTF-8 byte order mark (for Excel).")},
        {u"parallel"_s,
         tr("Split the listing by application into up to N concurrent streams, merged back "
            "into the API's order; 1 is one sequential stream (default: automatic, from the "
            "number of applications, the latency and the rate limit; at most %1).")
             .arg(PartitionPlan::kAutoMaxStreams),
         u"N"_s},
        {u"rate-limit"_s,
         tr("Requests per second for all streams together, at least %1 (default for a split "
            "listing: production and local 100, the Increase sandbox 20).")
             .arg(QLocale::c().toString(kMinRateLimit)),
         u"RPS"_s},
    });
}

std::optional<ExportOptions> ExportCommand::readOptions(const QCommandLineParser &parser,
                                                        const QStringList &positional,
                                                        QString *error)
{
    if (!positional.isEmpty()) {
        *error = tr("export takes no arguments, but got '%1'; filters are flags, e.g. "
                    "--application ID")
                     .arg(positional.first());
        return std::nullopt;
    }
    ExportOptions options;
    QString why;
    if (parser.isSet(u"status"_s)) {
        const auto statuses = ApiQuery::parseStatusFilter(parser.value(u"status"_s),
                                                          {u"active"_s, u"inactive"_s}, &why);
        if (!statuses) {
            *error = tr("--status: %1").arg(why);
            return std::nullopt;
        }
        options.query.statuses = *statuses;
    }
    if (parser.isSet(u"application"_s)) {
        options.query.applicationId = parser.value(u"application"_s);
        if (!ApiQuery::isValidPathId(options.query.applicationId, &why)) {
            *error = tr("--application '%1' is not an application id: %2")
                         .arg(ApiQuery::quotableId(options.query.applicationId), why);
            return std::nullopt;
        }
    }

    const QString format = parser.value(u"format"_s);
    if (format == "jsonl"_L1) {
        options.format = ExportOptions::Format::Jsonl;
    } else if (format != "csv"_L1) {
        *error = tr("--format for export is csv or jsonl, not '%1'").arg(format);
        return std::nullopt;
    }
    options.bom = parser.isSet(u"bom"_s);
    if (options.bom && options.format != ExportOptions::Format::Csv) {
        *error = tr("--bom applies to CSV only; JSON Lines never starts with a byte order mark");
        return std::nullopt;
    }

    if (parser.isSet(u"columns"_s)) {
        const auto columns = ExportColumns::parse(parser.value(u"columns"_s), &why);
        if (!columns) {
            *error = tr("--columns: %1").arg(why);
            return std::nullopt;
        }
        options.columns = *columns;
    }
    if (parser.isSet(u"with-application-name"_s))
        options.columns = withApplicationName(options.columns);

    options.parallel = 0; // automatic unless asked
    if (parser.isSet(u"parallel"_s)) {
        bool ok = false;
        options.parallel = parser.value(u"parallel"_s).toInt(&ok);
        if (!ok || options.parallel < 1 || options.parallel > PartitionPlan::kMaxParallel) {
            *error = tr("--parallel takes a whole number from 1 to %1, not '%2'")
                         .arg(PartitionPlan::kMaxParallel)
                         .arg(parser.value(u"parallel"_s));
            return std::nullopt;
        }
    }
    if (parser.isSet(u"rate-limit"_s)) {
        bool ok = false;
        options.rateLimit = parser.value(u"rate-limit"_s).toDouble(&ok);
        if (!ok || !(options.rateLimit >= kMinRateLimit) || !std::isfinite(options.rateLimit)) {
            *error = tr("--rate-limit takes at least %1 requests per second (one request "
                        "every %2 s), not '%3'")
                         .arg(QLocale::c().toString(kMinRateLimit))
                         .arg(qRound(1.0 / kMinRateLimit))
                         .arg(parser.value(u"rate-limit"_s));
            return std::nullopt;
        }
    }

    options.outputPath = parser.value(u"output"_s);
    if (options.outputPath.isEmpty()) {
        *error = tr("--output needs a file name, or - for standard output");
        return std::nullopt;
    }
    return options;
}

QList<ExportColumn> ExportCommand::withApplicationName(QList<ExportColumn> columns)
{
    if (columns.contains(ExportColumn::OAuthApplicationName))
        return columns;
    const qsizetype id = columns.indexOf(ExportColumn::OAuthApplicationId);
    columns.insert(id < 0 ? columns.size() : id + 1, ExportColumn::OAuthApplicationName);
    return columns;
}

ExportCommand::ExportCommand(IncreaseClient *client, Console *console, ExportOptions options,
                             QObject *parent)
    : Command(client, console, parent)
    , m_options(std::move(options))
{}

void ExportCommand::start()
{
    m_exporter = new Exporter(m_client, m_options, this);
    connect(m_exporter, &Exporter::progress, this, &ExportCommand::onProgress);
    connect(m_exporter, &Exporter::retryScheduled, this, &ExportCommand::onRetryScheduled);
    connect(m_exporter, &Exporter::finished, this, &ExportCommand::onFinished);
    connect(m_exporter, &Exporter::note, this, [this](const QString &text) {
        m_console->clearProgress();
        m_console->note(text);
    });
    // Rows streaming to the same terminal would tear the progress line apart.
    const bool rowsOnTerminal =
        m_options.outputPath == QLatin1Char('-') && ::isatty(STDOUT_FILENO) == 1;
    m_showProgress = m_console->showsProgress() && !rowsOnTerminal;
    m_elapsed.start();
    m_exporter->start();
}

void ExportCommand::cancel()
{
    if (isFinished())
        return;
    if (m_exporter)
        m_exporter->cancel();
    m_console->clearProgress();
    if (m_options.outputPath != QLatin1Char('-'))
        m_console->note(tr("cancelled: %1 was not written; a file already there is unchanged")
                            .arg(m_options.outputPath));
    finish(ExitCode::Failure);
}

void ExportCommand::onProgress(qint64 rows, int pages, int retries)
{
    m_rows = rows;
    m_pages = pages;
    m_retries = retries;
    if (!m_showProgress)
        return;
    if (m_sinceDrawn.isValid() && m_sinceDrawn.elapsed() < kRedrawIntervalMs)
        return;
    m_sinceDrawn.start();
    m_console->progress(progressText(rows, pages, retries));
}

void ExportCommand::onRetryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason)
{
    Q_UNUSED(nextAttempt)
    if (!m_showProgress)
        return;
    m_sinceDrawn.start();
    m_console->progress(
        progressText(m_rows, m_pages, m_retries) +
        tr(" · retrying in %1 s after %2")
            .arg(QLocale().toString(double(delayMs) / 1000.0, 'f', 1), reason.type));
}

QString ExportCommand::progressText(qint64 rows, int pages, int retries) const
{
    const QLocale locale;
    const double seconds = double(qMax<qint64>(m_elapsed.elapsed(), 1)) / 1000.0;
    return tr("%1 rows · %2 pages · %3 rows/s · retries: %4")
        .arg(locale.toString(rows), locale.toString(pages),
             locale.toString(qRound64(double(rows) / seconds)), locale.toString(retries));
}

void ExportCommand::onFinished(const ExportResult &result)
{
    if (isFinished())
        return;
    m_console->clearProgress();
    switch (result.outcome) {
    case ExportResult::Outcome::Completed:
        if (result.duplicatesDropped > 0)
            m_console->warning(tr("%1 duplicate rows dropped: the same id came back on more "
                                  "than one page, as happens when connections change during "
                                  "an export; each id is written once")
                                   .arg(QLocale().toString(result.duplicatesDropped)));
        if (result.outOfOrder > 0)
            m_console->warning(tr("%1 rows arrived out of the API's order (newest first); they "
                                  "were written, but duplicates among them could only be "
                                  "checked against the last pages")
                                   .arg(QLocale().toString(result.outOfOrder)));
        if (m_showProgress)
            m_console->note(
                tr("exported %1 rows (%2 pages, retries: %3) to %4 in %5 s")
                    .arg(QLocale().toString(result.rows), QLocale().toString(result.pages),
                         QLocale().toString(result.retries),
                         m_options.outputPath == QLatin1Char('-') ? tr("standard output")
                                                                  : m_options.outputPath,
                         QLocale().toString(double(m_elapsed.elapsed()) / 1000.0, 'f', 1)));
        finish(ExitCode::Success);
        return;
    case ExportResult::Outcome::OutputClosed:
        // The reader of a pipe (`| head`) has what it wanted: not an error.
        finish(ExitCode::Success);
        return;
    case ExportResult::Outcome::Cancelled:
        finish(ExitCode::Failure);
        return;
    case ExportResult::Outcome::Failed:
        break;
    }

    if (result.error.type.isEmpty()) {
        // Output trouble: the exporter's message says what happened to the file.
        m_console->error(result.message.isEmpty() ? tr("the export failed") : result.message);
        finish(ExitCode::Failure);
        return;
    }
    m_console->error(tr("export stopped after %1 rows: %2")
                         .arg(QLocale().toString(result.rows), ErrorReport::summary(result.error)),
                     ErrorReport::hint(result.error, m_client->config()));
    if (m_options.outputPath != QLatin1Char('-'))
        m_console->note(
            tr("%1 was not written; a file already there is unchanged").arg(m_options.outputPath));
    finish(ExitCode::Failure);
}
