// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchcommand.h"

#include "apiquery.h"
#include "commandoutput.h"
#include "console.h"
#include "errorreport.h"
#include "exitcode.h"
#include "increaseclient.h"
#include "retrypolicy.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

void WatchCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        u"watch"_s, tr("Print the OAuth connections created or deactivated, as they happen."),
        u"watch"_s);
    parser.addOptions({
        {u"status"_s,
         tr("active (created and deactivated: a watcher of active connections learns that one "
            "left), inactive (deactivated only) or all (default)."),
         u"status"_s},
        {u"application"_s, tr("Only connections to this OAuth application id."), u"id"_s},
        {u"since"_s,
         tr("Report changes from this instant: an ISO 8601 date-time with Z or an offset, or "
            "now (the default; the server's clock)."),
         u"time"_s},
        {u"interval"_s,
         tr("Seconds between polls, at least %1 (default %2).")
             .arg(kMinimumIntervalSeconds)
             .arg(kDefaultIntervalSeconds),
         u"S"_s},
        {u"once"_s, tr("Print what changed since --since or the state file, then exit.")},
        {u"state-file"_s,
         tr("Where the last event seen is remembered between runs; once it exists it wins over "
            "--since."),
         u"path"_s},
        {u"format"_s, tr("jsonl or text."), u"jsonl|text"_s, u"jsonl"_s},
    });
}

bool WatchCommand::parseSince(const QString &text, std::optional<QDateTime> *since, QString *error)
{
    if (text == "now"_L1) {
        since->reset();
        return true;
    }
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid() || !text.contains(u'T')) {
        *error = tr("--since '%1' is not an ISO 8601 date-time such as 2026-01-31T07:00:00Z, nor "
                    "now")
                     .arg(Console::printable(text));
        return false;
    }
    if (parsed.timeSpec() == Qt::LocalTime) {
        *error = tr("--since '%1' has no time zone: add Z (UTC) or an offset such as +02:00")
                     .arg(Console::printable(text));
        return false;
    }
    *since = parsed.toUTC();
    return true;
}

std::optional<WatchCommand::Options> WatchCommand::readOptions(const QCommandLineParser &parser,
                                                               const QStringList &positional,
                                                               QString *error)
{
    if (!positional.isEmpty()) {
        *error = tr("watch takes no arguments, but got '%1'")
                     .arg(Console::printable(positional.first()));
        return std::nullopt;
    }
    Options options;
    const QString status = parser.isSet(u"status"_s) ? parser.value(u"status"_s) : u"all"_s;
    if (status == "active"_L1) {
        options.filter.status = ChangeFeedFilter::Status::Active;
    } else if (status == "inactive"_L1) {
        options.filter.status = ChangeFeedFilter::Status::Inactive;
    } else if (status != "all"_L1) {
        *error = tr("--status for watch is active, inactive or all, not '%1'")
                     .arg(Console::printable(status));
        return std::nullopt;
    }
    if (parser.isSet(u"application"_s)) {
        options.filter.applicationId = parser.value(u"application"_s);
        QString why;
        if (!ApiQuery::isValidPathId(options.filter.applicationId, &why)) {
            *error = tr("--application '%1' is not an application id: %2")
                         .arg(ApiQuery::quotableId(options.filter.applicationId), why);
            return std::nullopt;
        }
    }
    if (parser.isSet(u"since"_s) && !parseSince(parser.value(u"since"_s), &options.since, error))
        return std::nullopt;
    if (parser.isSet(u"interval"_s)) {
        bool ok = false;
        options.intervalSeconds = parser.value(u"interval"_s).toInt(&ok);
        if (!ok || options.intervalSeconds < kMinimumIntervalSeconds ||
            options.intervalSeconds > 24 * 3600) {
            *error = tr("--interval is a whole number of seconds from %1 to 86400, not '%2'")
                         .arg(kMinimumIntervalSeconds)
                         .arg(Console::printable(parser.value(u"interval"_s)));
            return std::nullopt;
        }
    }
    options.once = parser.isSet(u"once"_s);
    const QString format = parser.value(u"format"_s);
    if (format == "text"_L1) {
        options.format = Format::Text;
    } else if (format != "jsonl"_L1) {
        *error =
            tr("--format for watch is jsonl or text, not '%1'").arg(Console::printable(format));
        return std::nullopt;
    }
    if (parser.isSet(u"state-file"_s)) {
        options.stateFile = parser.value(u"state-file"_s);
        if (options.stateFile.isEmpty()) {
            *error = tr("--state-file needs a file name");
            return std::nullopt;
        }
        QFile file(options.stateFile);
        if (file.exists()) {
            if (!file.open(QIODevice::ReadOnly)) {
                *error = tr("cannot read the state file %1: %2")
                             .arg(options.stateFile, file.errorString());
                return std::nullopt;
            }
            QString why;
            options.savedState = ChangeFeedState::fromJson(file.readAll(), &why);
            if (!options.savedState) {
                // Never reset silently: a reset would skip or repeat changes.
                *error = tr("the state file %1 is corrupt (%2); fix it, or remove it to start "
                            "again from --since or now")
                             .arg(options.stateFile, why);
                return std::nullopt;
            }
        }
    }
    return options;
}

QByteArray WatchCommand::formatJsonl(const ConnectionChange &change)
{
    static const QStringList fields = {
        u"id"_s,     u"created_at"_s, u"deleted_at"_s, u"group_id"_s, u"oauth_application_id"_s,
        u"status"_s, u"type"_s,
    };
    QJsonObject connection;
    for (const QString &field : fields)
        connection.insert(field, change.rawConnection.value(field));
    const QJsonObject line{
        {u"event_id"_s, change.event.id},
        {u"category"_s, change.event.category},
        {u"event_created_at"_s, change.event.createdAt},
        {u"connection"_s, connection},
    };
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray WatchCommand::formatText(const ConnectionChange &change)
{
    const QString what = change.event.category.section(u'.', -1);
    const OAuthConnection &c = change.connection;
    const QString line = u"%1  %2  %3  %4  %5  %6  %7"_s.arg(
        change.event.createdAt, what.leftJustified(11), c.id, c.status.leftJustified(8),
        c.oauthApplicationId, c.groupId, change.event.id);
    // Values from the server must not be able to steer the terminal.
    return Console::printable(line).toUtf8() + '\n';
}

WatchCommand::WatchCommand(IncreaseClient *client, Console *console, Options options,
                           QObject *parent)
    : Command(client, console, parent)
    , m_options(std::move(options))
{
    m_interval.setSingleShot(true);
    m_interval.setInterval(m_options.intervalSeconds * 1000);
}

void WatchCommand::start()
{
    m_feed = new ChangeFeed(m_client, m_options.filter, this);
    m_feed->setMaxRetries(m_options.maxRetries);
    if (m_options.savedState)
        m_feed->setState(*m_options.savedState);
    else if (m_options.since)
        m_feed->startAt(*m_options.since);
    connect(m_feed, &ChangeFeed::changed, this, &WatchCommand::onChanged);
    connect(m_feed, &ChangeFeed::polled, this, &WatchCommand::onPolled);
    connect(m_feed, &ChangeFeed::failed, this, &WatchCommand::onFailed);
    connect(m_feed, &ChangeFeed::started, this, [this](const QDateTime &since) {
        if (!m_console->isQuiet())
            m_console->note(
                tr("watching from %1 (the server's clock)").arg(since.toString(Qt::ISODate)));
    });
    connect(&m_interval, &QTimer::timeout, m_feed, &ChangeFeed::poll);
    m_feed->poll();
}

void WatchCommand::cancel()
{
    m_interval.stop();
    if (m_feed)
        m_feed->cancel();
    finish(ExitCode::Failure);
}

void WatchCommand::onChanged(const QList<ConnectionChange> &changes)
{
    if (isFinished())
        return;
    // One write for the whole batch, then the state: a kill before the state is saved
    // means the next run prints the batch again only if this write already happened.
    QByteArray bytes;
    for (const ConnectionChange &change : changes)
        bytes += m_options.format == Format::Jsonl ? formatJsonl(change) : formatText(change);
    QString error;
    switch (CommandOutput::write(u"-"_s, bytes, &error)) {
    case CommandOutput::Outcome::Written:
        break;
    case CommandOutput::Outcome::PipeClosed:
        m_interval.stop();
        m_feed->cancel();
        finish(ExitCode::Success);
        return;
    case CommandOutput::Outcome::Failed:
        m_console->error(error);
        m_interval.stop();
        m_feed->cancel();
        finish(ExitCode::Failure);
        return;
    }
    saveState();
}

void WatchCommand::onPolled(int)
{
    if (isFinished())
        return;
    if (!saveState())
        return;
    if (m_options.once) {
        finish(ExitCode::Success);
        return;
    }
    m_interval.start();
}

void WatchCommand::onFailed(const ApiError &error)
{
    if (isFinished() || error.kind == ApiError::Kind::Cancelled)
        return;
    m_console->error(ErrorReport::summary(error), ErrorReport::hint(error, m_client->config()));
    // What a later poll cannot fix (a bad key, a bad parameter, TLS) ends the watch; what
    // retries could not get past this time (5xx, 429, the network, a bad body) is tried
    // again at the next interval over the same span.
    const bool transient =
        error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout ||
        error.kind == ApiError::Kind::MalformedResponse ||
        (error.isIncreaseError() && RetryPolicy::shouldRetry(error.httpStatus, {}));
    if (m_options.once || !transient) {
        finish(ExitCode::Failure);
        return;
    }
    if (!m_console->isQuiet())
        m_console->note(tr("trying again in %1 s").arg(m_options.intervalSeconds));
    m_interval.start();
}

bool WatchCommand::saveState()
{
    if (m_options.stateFile.isEmpty() || !m_feed->state())
        return true;
    const QByteArray bytes = m_feed->state()->toJson();
    if (bytes == m_savedState)
        return true;
    QSaveFile file(m_options.stateFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_console->error(tr("could not write the state file %1: %2")
                             .arg(m_options.stateFile, file.errorString()),
                         tr("check that its folder exists and is writable"));
        m_interval.stop();
        m_feed->cancel();
        finish(ExitCode::Failure);
        return false;
    }
    m_savedState = bytes;
    return true;
}
