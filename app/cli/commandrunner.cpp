// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandrunner.h"

#include "applicationscommand.h"
#include "commonoptions.h"
#include "connectionflags.h"
#include "console.h"
#include "demosandbox.h"
#include "exitcode.h"
#include "exportcommand.h"
#include "getcommand.h"
#include "icversion.h"
#include "increaseclient.h"
#include "requestlogprinter.h"
#include "signalwatcher.h"
#include "summarycommand.h"
#include "watchcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkProxyFactory>

#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandRunner", text);
}

// QCommandLineParser's usage line names argv[0], the path the program was started from
// (./build/release/app/increase-connections); the help names the program instead.
QString helpNamingTheProgram(const QCommandLineParser &parser)
{
    QString help = parser.helpText();
    const QStringList arguments = QCoreApplication::arguments();
    const QString usage = u"Usage: "_s;
    if (!arguments.isEmpty() && help.startsWith(usage + arguments.constFirst()))
        help.replace(usage.size(), arguments.constFirst().size(), u"increase-connections"_s);
    return help;
}

QString versionLine()
{
    return u"increase-connections "_s + QStringLiteral(IC_VERSION_TEXT) + u'\n';
}

void printStdout(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

int usageError(Console &console, const QString &message, const QString &command = {})
{
    const QString help = command.isEmpty() ? u"increase-connections --help"_s
                                           : u"increase-connections "_s + command + u" --help"_s;
    console.error(message, tr("see '%1' for usage").arg(help));
    return ExitCode::Usage;
}

using CommandFactory = std::function<Command *(IncreaseClient *, Console *)>;

} // namespace

QStringList CommandRunner::commandNames()
{
    return {u"export"_s, u"get"_s, u"applications"_s, u"watch"_s, u"summary"_s};
}

QString CommandRunner::generalHelp()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists and exports the OAuth connections of an Increase account.\n\n"
           "Commands:\n"
           "  export        write every matching connection as CSV or JSON Lines\n"
           "  get ID        print one connection\n"
           "  applications  list the OAuth applications\n"
           "  watch         print the connections created or deactivated, as they happen\n"
           "  summary       count the connections by application, day, week or month\n\n"
           "Run 'increase-connections COMMAND --help' for a command's own options.\n"
           "Without a command, the desktop window opens (it takes the same connection flags).\n"
           "The key comes from INCREASE_API_KEY or --api-key-file; --demo needs none.\n"
           "Exit codes: 0 done, 1 failed, 2 usage error, 130 SIGINT, 143 SIGTERM."));
    ConnectionFlags::add(parser);
    parser.addPositionalArgument(u"command"_s, tr("export, get, applications, watch or summary."),
                                 u"COMMAND"_s);
    return helpNamingTheProgram(parser);
}

bool CommandRunner::wantsCommand(const QStringList &arguments)
{
    QCommandLineParser finder;
    ConnectionFlags::add(finder);
    finder.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!finder.parse(arguments))
        return true;
    return !finder.positionalArguments().isEmpty() || finder.isSet(u"help"_s) ||
           finder.isSet(u"version"_s);
}

int CommandRunner::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    // A reader that closes the pipe (`| head`) must end an export quietly, not kill it.
    std::signal(SIGPIPE, SIG_IGN);
    Console console;

    for (const QString &argument : arguments) {
        if (argument.startsWith("--api-key"_L1) && !argument.startsWith("--api-key-file"_L1))
            return usageError(console, tr("there is no --api-key flag: a key on the command line "
                                          "ends up in shell history and process lists; set "
                                          "INCREASE_API_KEY or use --api-key-file PATH"));
    }

    // The common flags may come before the command; the command's own flags after it.
    QCommandLineParser finder;
    ConnectionFlags::add(finder);
    finder.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!finder.parse(arguments))
        return usageError(console,
                          finder.errorText() + tr(" (a command's own flags go after its name)"));
    if (finder.isSet(u"version"_s)) {
        printStdout(versionLine());
        return ExitCode::Success;
    }
    const QString name = finder.positionalArguments().value(0);
    if (name.isEmpty()) {
        if (finder.isSet(u"help"_s)) {
            printStdout(generalHelp());
            return ExitCode::Success;
        }
        std::fputs(generalHelp().toUtf8().constData(), stderr);
        return usageError(console,
                          tr("no command given: choose export, get, applications, watch or summary "
                             "(try 'increase-connections export --demo')"));
    }
    if (!commandNames().contains(name))
        return usageError(console, tr("unknown command '%1'; the commands are export, get, "
                                      "applications, watch and summary")
                                       .arg(name));
    return runCommand(name, arguments, environment, console);
}

int CommandRunner::runCommand(const QString &name, const QStringList &arguments,
                              const QProcessEnvironment &environment, Console &console)
{
    QCommandLineParser parser;
    ConnectionFlags::add(parser);
    if (name == "export"_L1)
        ExportCommand::addOptions(parser);
    else if (name == "get"_L1)
        GetCommand::addOptions(parser);
    else if (name == "watch"_L1)
        WatchCommand::addOptions(parser);
    else if (name == "summary"_L1)
        SummaryCommand::addOptions(parser);
    else
        ApplicationsCommand::addOptions(parser);
    if (!parser.parse(arguments))
        return usageError(console, parser.errorText(), name);
    if (parser.isSet(u"help"_s)) {
        printStdout(helpNamingTheProgram(parser));
        return ExitCode::Success;
    }
    if (parser.isSet(u"version"_s)) {
        printStdout(versionLine());
        return ExitCode::Success;
    }

    // Everything is checked before anything starts: a usage error never sends a request.
    const QStringList positional = parser.positionalArguments().mid(1);
    QString error;
    CommandFactory makeCommand;
    int defaultMaxRetries = ExportOptions().maxRetries;
    if (name == "export"_L1) {
        auto options = ExportCommand::readOptions(parser, positional, &error);
        if (!options)
            return usageError(console, error, name);
        makeCommand = [options = *options](IncreaseClient *client, Console *out) {
            ExportOptions withRetries = options;
            withRetries.maxRetries = client->config().maxRetries;
            return new ExportCommand(client, out, withRetries);
        };
    } else if (name == "get"_L1) {
        auto options = GetCommand::readOptions(parser, positional, &error);
        if (!options)
            return usageError(console, error, name);
        defaultMaxRetries = ClientConfig().maxRetries;
        makeCommand = [options = *options](IncreaseClient *client, Console *out) {
            return new GetCommand(client, out, options);
        };
    } else if (name == "watch"_L1) {
        auto options = WatchCommand::readOptions(parser, positional, &error);
        if (!options)
            return usageError(console, error, name);
        makeCommand = [options = *options](IncreaseClient *client, Console *out) {
            WatchCommand::Options withRetries = options;
            withRetries.maxRetries = client->config().maxRetries;
            return new WatchCommand(client, out, withRetries);
        };
    } else if (name == "summary"_L1) {
        auto options = SummaryCommand::readOptions(parser, positional, &error);
        if (!options)
            return usageError(console, error, name);
        makeCommand = [options = *options](IncreaseClient *client, Console *out) {
            SummaryCommand::Options withRetries = options;
            withRetries.maxRetries = client->config().maxRetries;
            return new SummaryCommand(client, out, withRetries);
        };
    } else {
        auto options = ApplicationsCommand::readOptions(parser, positional, &error);
        if (!options)
            return usageError(console, error, name);
        makeCommand = [options = *options](IncreaseClient *client, Console *out) {
            ApplicationsCommand::Options withRetries = options;
            withRetries.maxRetries = client->config().maxRetries;
            return new ApplicationsCommand(client, out, withRetries);
        };
    }

    const auto settings = CommonOptions::read(parser, environment, &error);
    if (!settings)
        return usageError(console, error, name);
    console.setVerbosity(settings->verbosity);

    SignalWatcher signalWatcher;
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    ClientConfig config = settings->clientConfig(defaultMaxRetries);
    DemoSandbox sandbox; // outlives the client that talks to it
    if (settings->isLocal()) {
        if (!sandbox.start(&error)) {
            console.error(error, tr("check that loopback networking (127.0.0.1) is available"));
            return ExitCode::Failure;
        }
        config.baseUrl = sandbox.baseUrl();
        config.apiKey = sandbox.apiKey();
        if (console.showsProgress())
            console.note(tr("local sandbox with generated demo data at %1")
                             .arg(config.baseUrl.toDisplayString()));
    }

    console.setSecret(config.apiKey);
    IncreaseClient client(config);
    if (!client.configurationError().isEmpty())
        return usageError(console, client.configurationError(), name);
    RequestLogPrinter requestLog(&client, &console);

    std::unique_ptr<Command> command(makeCommand(&client, &console));
    QEventLoop loop;
    int exitCode = ExitCode::Failure;
    bool done = false;
    int signalNumber = 0;
    QObject::connect(command.get(), &Command::finished, &loop, [&](int code) {
        exitCode = code;
        done = true;
        loop.quit();
    });
    QObject::connect(&signalWatcher, &SignalWatcher::received, &loop, [&](int received) {
        if (signalNumber == 0)
            signalNumber = received;
        command->cancel();
    });

    command->start();
    if (!done)
        loop.exec();
    return signalNumber != 0 ? ExitCode::SignalBase + signalNumber : exitCode;
}
