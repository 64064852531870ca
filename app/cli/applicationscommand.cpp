// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationscommand.h"

#include "apiquery.h"
#include "applicationdirectory.h"
#include "applicationlist.h"
#include "commandoutput.h"
#include "console.h"
#include "errorreport.h"
#include "exitcode.h"
#include "increaseclient.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

void ApplicationsCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"applications"_s, tr("List the OAuth applications."),
                                 u"applications"_s);
    parser.addOptions({
        {u"status"_s, tr("active, deleted or all (default: all)."), u"status"_s},
        {u"format"_s, tr("csv or jsonl."), u"csv|jsonl"_s, u"csv"_s},
        {u"output"_s,
         tr("Write to this file, replaced only when complete (default: - for "
            "standard output)."),
         u"file"_s, u"-"_s},
    });
}

std::optional<ApplicationsCommand::Options>
ApplicationsCommand::readOptions(const QCommandLineParser &parser, const QStringList &positional,
                                 QString *error)
{
    if (!positional.isEmpty()) {
        *error = tr("applications takes no arguments, but got '%1'").arg(positional.first());
        return std::nullopt;
    }
    Options options;
    if (parser.isSet(u"status"_s)) {
        QString why;
        const auto statuses = ApiQuery::parseStatusFilter(parser.value(u"status"_s),
                                                          {u"active"_s, u"deleted"_s}, &why);
        if (!statuses) {
            *error = tr("--status: %1").arg(why);
            return std::nullopt;
        }
        options.statuses = *statuses;
    }
    const QString format = parser.value(u"format"_s);
    if (format == "jsonl"_L1) {
        options.format = Format::Jsonl;
    } else if (format != "csv"_L1) {
        *error = tr("--format for applications is csv or jsonl, not '%1'").arg(format);
        return std::nullopt;
    }
    options.outputPath = parser.value(u"output"_s);
    if (options.outputPath.isEmpty()) {
        *error = tr("--output needs a file name, or - for standard output");
        return std::nullopt;
    }
    return options;
}

ApplicationsCommand::ApplicationsCommand(IncreaseClient *client, Console *console, Options options,
                                         QObject *parent)
    : Command(client, console, parent)
    , m_options(std::move(options))
{}

void ApplicationsCommand::start()
{
    m_directory = new ApplicationDirectory(m_client, this);
    connect(m_directory, &ApplicationDirectory::loaded, this, &ApplicationsCommand::onLoaded);
    connect(m_directory, &ApplicationDirectory::failed, this, &ApplicationsCommand::onFailed);
    m_directory->load(m_options.statuses, m_options.maxRetries);
}

void ApplicationsCommand::cancel()
{
    if (m_directory && !m_directory->isLoaded())
        m_directory->cancel();
    finish(ExitCode::Failure);
}

void ApplicationsCommand::onLoaded()
{
    if (isFinished())
        return;
    const QList<OAuthApplication> &applications = m_directory->applications();
    const QByteArray bytes = m_options.format == Format::Csv ? ApplicationList::csv(applications)
                                                             : ApplicationList::jsonl(applications);
    QString error;
    if (CommandOutput::write(m_options.outputPath, bytes, &error) ==
        CommandOutput::Outcome::Failed) {
        m_console->error(error);
        finish(ExitCode::Failure);
        return;
    }
    finish(ExitCode::Success);
}

void ApplicationsCommand::onFailed(const ApiError &error)
{
    if (isFinished())
        return;
    if (error.kind != ApiError::Kind::Cancelled)
        m_console->error(ErrorReport::summary(error), ErrorReport::hint(error, m_client->config()));
    finish(ExitCode::Failure);
}
