// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "summarycommand.h"

#include "applicationdirectory.h"
#include "commandoutput.h"
#include "connectionwalker.h"
#include "console.h"
#include "csvwriter.h"
#include "errorreport.h"
#include "exitcode.h"
#include "increaseclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kRedrawIntervalMs = 100;

// One cell of a row: text (null when nullopt) or a number, kept as its digits.
struct Cell
{
    std::optional<QString> text;
    QByteArray number; // non-empty: a number
    static Cell of(const std::optional<QString> &text) { return {text, {}}; }
    static Cell of(qint64 value) { return {std::nullopt, QByteArray::number(value)}; }
    static Cell share(double value) { return {std::nullopt, QByteArray::number(value, 'f', 4)}; }
};

using Row = QList<Cell>;

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray csv(const QStringList &header, const QList<Row> &rows)
{
    QByteArray out = header.join(u',').toUtf8() + "\r\n";
    for (const Row &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                out += ',';
            const Cell &cell = row.at(i);
            if (!cell.number.isEmpty())
                out += cell.number;
            else if (cell.text)
                CsvWriter::appendField(out, *cell.text);
        }
        out += "\r\n";
    }
    return out;
}

QByteArray jsonl(const QStringList &header, const QList<Row> &rows)
{
    QByteArray out;
    for (const Row &row : rows) {
        out += '{';
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                out += ',';
            out += jsonString(header.at(i));
            out += ':';
            const Cell &cell = row.at(i);
            if (!cell.number.isEmpty())
                out += cell.number;
            else if (cell.text)
                out += jsonString(*cell.text);
            else
                out += "null";
        }
        out += "}\n";
    }
    return out;
}

// Aligned columns: text to the left, numbers to the right, two spaces apart. `footer`,
// when not empty, is a last row under the others.
QByteArray text(const QStringList &header, QList<Row> rows, const Row &footer)
{
    if (!footer.isEmpty())
        rows.append(footer);
    QList<qsizetype> widths;
    for (const QString &name : header)
        widths.append(name.size());
    QList<QStringList> shown;
    for (const Row &row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const Cell &cell = row.at(i);
            // Values from the server must not be able to steer the terminal.
            const QString value = !cell.number.isEmpty() ? QString::fromLatin1(cell.number)
                                  : cell.text            ? Console::printable(*cell.text)
                                                         : QString();
            widths[i] = qMax(widths.at(i), value.size());
            cells.append(value);
        }
        shown.append(cells);
    }
    const auto line = [&](const QStringList &cells, const Row *row) {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                out += u"  "_s;
            const bool number = row && !row->at(i).number.isEmpty();
            const bool last = i + 1 == cells.size();
            if (number)
                out += cells.at(i).rightJustified(widths.at(i));
            else
                out += last ? cells.at(i) : cells.at(i).leftJustified(widths.at(i));
        }
        while (out.endsWith(u' '))
            out.chop(1);
        out += u'\n';
        return out.toUtf8();
    };
    QByteArray out = line(header, nullptr);
    for (qsizetype r = 0; r < rows.size(); ++r)
        out += line(shown.at(r), &rows.at(r));
    return out;
}

QByteArray render(SummaryCommand::Format format, const QStringList &header, const QList<Row> &rows,
                  const Row &footer)
{
    switch (format) {
    case SummaryCommand::Format::Csv:
        return csv(header, rows);
    case SummaryCommand::Format::Jsonl:
        return jsonl(header, rows);
    case SummaryCommand::Format::Text:
        break;
    }
    return text(header, rows, footer);
}

} // namespace

void SummaryCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        u"summary"_s, tr("Print how many connections each application has, or how they moved."),
        u"summary"_s);
    parser.addOptions({
        {u"by"_s,
         tr("application (default: active, inactive, created and deactivated in the last 30 "
            "days, share of active), or day, week (from Monday) or month (created, "
            "deactivated, active at the period's end, oldest first)."),
         u"application|day|week|month"_s, u"application"_s},
        {u"status"_s, tr("active, inactive, all or active,inactive (default: the API's, active)."),
         u"status"_s},
        {u"application"_s, tr("Only connections to this OAuth application id."), u"id"_s},
        {u"format"_s, tr("text (aligned columns), csv (RFC 4180) or jsonl (default: text)."),
         u"text|csv|jsonl"_s, u"text"_s},
        {u"output"_s,
         tr("Write to this file, replaced only when complete (default: - for standard "
            "output)."),
         u"file"_s, u"-"_s},
        {u"local-time"_s,
         tr("Days, weeks and months begin at midnight in this machine's time zone (default: "
            "UTC).")},
        {u"now"_s,
         tr("The instant the last 30 days and the last period end at: an ISO 8601 date-time "
            "with Z or an offset (default: this machine's clock)."),
         u"time"_s},
    });
}

std::optional<SummaryCommand::Options> SummaryCommand::readOptions(const QCommandLineParser &parser,
                                                                   const QStringList &positional,
                                                                   QString *error)
{
    if (!positional.isEmpty()) {
        *error = tr("summary takes no arguments, but got '%1'; filters are flags, e.g. "
                    "--application ID")
                     .arg(Console::printable(positional.first()));
        return std::nullopt;
    }
    Options options;
    const QString by = parser.value(u"by"_s);
    if (by == "day"_L1) {
        options.by = By::Day;
    } else if (by == "week"_L1) {
        options.by = By::Week;
    } else if (by == "month"_L1) {
        options.by = By::Month;
    } else if (by != "application"_L1) {
        *error = tr("--by for summary is application, day, week or month, not '%1'")
                     .arg(Console::printable(by));
        return std::nullopt;
    }
    if (parser.isSet(u"local-time"_s)) {
        if (options.by == By::Application) {
            *error = tr("--local-time applies to --by day, week or month only");
            return std::nullopt;
        }
        options.zone = Insights::Zone::Local;
    }

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
    if (format == "csv"_L1) {
        options.format = Format::Csv;
    } else if (format == "jsonl"_L1) {
        options.format = Format::Jsonl;
    } else if (format != "text"_L1) {
        *error = tr("--format for summary is text, csv or jsonl, not '%1'")
                     .arg(Console::printable(format));
        return std::nullopt;
    }

    if (parser.isSet(u"now"_s)) {
        const QString text = parser.value(u"now"_s);
        const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!parsed.isValid() || !text.contains(u'T')) {
            *error = tr("--now '%1' is not an ISO 8601 date-time such as 2026-01-31T07:00:00Z")
                         .arg(Console::printable(text));
            return std::nullopt;
        }
        if (parsed.timeSpec() == Qt::LocalTime) {
            *error = tr("--now '%1' has no time zone: add Z (UTC) or an offset such as +02:00")
                         .arg(Console::printable(text));
            return std::nullopt;
        }
        options.now = parsed.toSecsSinceEpoch();
    }

    options.outputPath = parser.value(u"output"_s);
    if (options.outputPath.isEmpty()) {
        *error = tr("--output needs a file name, or - for standard output");
        return std::nullopt;
    }
    return options;
}

QByteArray SummaryCommand::format(const Insights::Figures &figures, By by, Format format,
                                  const QHash<QString, std::optional<QString>> &names)
{
    if (by != By::Application) {
        const QStringList header = {u"period_start"_s, u"created"_s, u"deactivated"_s,
                                    u"active_at_end"_s};
        QList<Row> rows;
        for (const Insights::PeriodFigures &period : figures.periods)
            rows.append({Cell::of(period.start.toString(Qt::ISODate)), Cell::of(period.created),
                         Cell::of(period.deactivated), Cell::of(period.activeAtEnd)});
        return render(format, header, rows, {});
    }

    const QStringList header = {u"oauth_application_id"_s,
                                u"application_name"_s,
                                u"active"_s,
                                u"inactive"_s,
                                u"created_last_30_days"_s,
                                u"deactivated_last_30_days"_s,
                                u"share_of_active"_s};
    QList<Row> rows;
    qint64 active = 0, inactive = 0, created = 0, deactivated = 0;
    for (const Insights::ApplicationFigures &application : figures.applications) {
        rows.append({Cell::of(application.applicationId),
                     Cell::of(names.value(application.applicationId)), Cell::of(application.active),
                     Cell::of(application.inactive), Cell::of(application.createdLast30Days),
                     Cell::of(application.deactivatedLast30Days),
                     Cell::share(application.shareOfActive)});
        active += application.active;
        inactive += application.inactive;
        created += application.createdLast30Days;
        deactivated += application.deactivatedLast30Days;
    }
    const Row total = {Cell::of(u"total"_s),
                       Cell::of(u""_s),
                       Cell::of(active),
                       Cell::of(inactive),
                       Cell::of(created),
                       Cell::of(deactivated),
                       Cell::share(active > 0 ? 1.0 : 0.0)};
    return render(format, header, rows, total);
}

SummaryCommand::SummaryCommand(IncreaseClient *client, Console *console, Options options,
                               QObject *parent)
    : Command(client, console, parent)
    , m_options(std::move(options))
{}

SummaryCommand::~SummaryCommand() = default;

void SummaryCommand::start()
{
    // A file that cannot be written fails before any request, and is replaced only once
    // the figures are complete: an error or a signal leaves the previous one, or none.
    if (m_options.outputPath != QLatin1Char('-')) {
        m_file = std::make_unique<QSaveFile>(m_options.outputPath);
        if (!m_file->open(QIODevice::WriteOnly)) {
            m_console->error(
                tr("could not write %1: %2; check that its folder exists and is writable")
                    .arg(m_options.outputPath, m_file->errorString()));
            m_file.reset();
            finish(ExitCode::Failure);
            return;
        }
    }

    Insights::Options figures;
    switch (m_options.by) {
    case By::Day:
        figures.period = Insights::Period::Day;
        break;
    case By::Week:
        figures.period = Insights::Period::Week;
        break;
    case By::Application: // the fewest periods: they are not printed
    case By::Month:
        figures.period = Insights::Period::Month;
        break;
    }
    figures.zone = m_options.zone;
    figures.now = m_options.now.value_or(QDateTime::currentSecsSinceEpoch());
    m_aggregator = std::make_unique<Insights::Aggregator>(figures);

    m_showProgress = m_console->showsProgress();
    m_elapsed.start();
    if (m_options.by != By::Application) {
        startListing();
        return;
    }
    // The names, from one listing of the applications (deleted ones too), like
    // `export --with-application-name`.
    m_directory = new ApplicationDirectory(m_client, this);
    connect(m_directory, &ApplicationDirectory::loaded, this, &SummaryCommand::startListing);
    connect(m_directory, &ApplicationDirectory::failed, this, [this](const ApiError &error) {
        if (isFinished())
            return;
        if (error.kind != ApiError::Kind::Cancelled)
            m_console->error(tr("the application names could not be listed: %1")
                                 .arg(ErrorReport::summary(error)),
                             ErrorReport::hint(error, m_client->config()));
        m_file.reset();
        finish(ExitCode::Failure);
    });
    m_directory->load({u"active"_s, u"deleted"_s}, m_options.maxRetries);
}

void SummaryCommand::startListing()
{
    if (isFinished())
        return;
    m_walker = new ConnectionWalker(m_client, m_options.query, m_options.maxRetries, this);
    connect(m_walker, &ConnectionWalker::pageReady, this, &SummaryCommand::onPage);
    connect(m_walker, &ConnectionWalker::finished, this, &SummaryCommand::onListed);
    connect(m_walker, &ConnectionWalker::failed, this, &SummaryCommand::onFailed);
    connect(m_walker, &ConnectionWalker::retryScheduled, this,
            [this](int, qint64 delayMs, const ApiError &reason) {
                if (!m_showProgress)
                    return;
                m_sinceDrawn.start();
                m_console->progress(tr("%1 connections read · retrying in %2 s after %3")
                                        .arg(QLocale().toString(m_rows),
                                             QLocale().toString(double(delayMs) / 1000.0, 'f', 1),
                                             reason.type));
            });
    m_walker->start();
}

void SummaryCommand::cancel()
{
    if (isFinished())
        return;
    if (m_directory && !m_directory->isLoaded())
        m_directory->cancel();
    if (m_walker && m_walker->isRunning())
        m_walker->cancel();
    m_console->clearProgress();
    m_file.reset(); // never committed: the previous file stays as it was
    if (m_options.outputPath != QLatin1Char('-'))
        m_console->note(tr("cancelled: %1 was not written; a file already there is unchanged")
                            .arg(m_options.outputPath));
    finish(ExitCode::Failure);
}

void SummaryCommand::onPage(const QList<OAuthConnection> &rows)
{
    if (isFinished())
        return;
    for (const OAuthConnection &row : rows) {
        // A row that shifted across a page boundary while the listing ran counts once.
        if (m_duplicates.check(row) == DuplicateFilter::Verdict::Duplicate) {
            ++m_duplicatesDropped;
            continue;
        }
        m_aggregator->add(row);
        ++m_rows;
    }
    showProgress(false);
}

void SummaryCommand::showProgress(bool force)
{
    if (!m_showProgress)
        return;
    if (!force && m_sinceDrawn.isValid() && m_sinceDrawn.elapsed() < kRedrawIntervalMs)
        return;
    m_sinceDrawn.start();
    m_console->progress(tr("%1 connections read · %2 pages")
                            .arg(QLocale().toString(m_rows),
                                 QLocale().toString(m_walker ? m_walker->pagesReceived() : 0)));
}

void SummaryCommand::onListed()
{
    if (isFinished())
        return;
    m_console->clearProgress();
    const Insights::Figures figures = m_aggregator->result();
    if (m_duplicatesDropped > 0)
        m_console->warning(tr("%1 duplicate rows left out: the same id came back on more than "
                              "one page, as happens when connections change during the listing")
                               .arg(QLocale().toString(m_duplicatesDropped)));
    if (figures.unreadable > 0)
        m_console->warning(tr("%1 connections have a created_at or deleted_at that could not be "
                              "read; they are left out of the periods")
                               .arg(QLocale().toString(figures.unreadable)));
    qint64 other = 0;
    for (const Insights::ApplicationFigures &application : figures.applications)
        other += application.other;
    if (other > 0 && m_options.by == By::Application)
        m_console->warning(tr("%1 connections have a status other than active or inactive; "
                              "they are counted in neither column")
                               .arg(QLocale().toString(other)));

    QHash<QString, std::optional<QString>> names;
    if (m_directory) {
        for (const Insights::ApplicationFigures &application : figures.applications)
            names.insert(application.applicationId, m_directory->nameOf(application.applicationId));
    }
    const QByteArray bytes = format(figures, m_options.by, m_options.format, names);

    QString error;
    if (m_file) {
        if (m_file->write(bytes) != bytes.size() || !m_file->commit()) {
            m_console->error(
                tr("could not write %1: %2; check that its folder exists and is writable")
                    .arg(m_options.outputPath, m_file->errorString()));
            m_file.reset();
            finish(ExitCode::Failure);
            return;
        }
        m_file.reset();
    } else if (CommandOutput::write(m_options.outputPath, bytes, &error) ==
               CommandOutput::Outcome::Failed) {
        m_console->error(error);
        finish(ExitCode::Failure);
        return;
    }
    if (m_showProgress)
        m_console->note(tr("%1 connections summarised in %2 s")
                            .arg(QLocale().toString(figures.rows),
                                 QLocale().toString(double(m_elapsed.elapsed()) / 1000.0, 'f', 1)));
    finish(ExitCode::Success);
}

void SummaryCommand::onFailed(const ApiError &error)
{
    if (isFinished())
        return;
    m_console->clearProgress();
    m_file.reset();
    if (error.kind != ApiError::Kind::Cancelled) {
        m_console->error(tr("summary stopped after %1 connections: %2")
                             .arg(QLocale().toString(m_rows), ErrorReport::summary(error)),
                         ErrorReport::hint(error, m_client->config()));
        if (m_options.outputPath != QLatin1Char('-'))
            m_console->note(tr("%1 was not written; a file already there is unchanged")
                                .arg(m_options.outputPath));
    }
    finish(ExitCode::Failure);
}
