#include "desktopoptions.h"

#include "cli/commonoptions.h"
#include "endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DesktopOptions", text);
}

std::optional<ConnectionChoice> readChoice(const QCommandLineParser &parser,
                                           const QProcessEnvironment &environment, QString *error)
{
    QString environmentFlag = parser.value(u"environment"_s);
    if (parser.isSet(u"demo"_s)) {
        if (!environmentFlag.isEmpty() && environmentFlag != "local"_L1) {
            *error = tr("--demo means --environment local, but --environment %1 was given; "
                        "choose one")
                         .arg(environmentFlag);
            return std::nullopt;
        }
        environmentFlag = u"local"_s;
    }
    const QString baseUrlFlag = parser.value(u"base-url"_s);
    if (parser.isSet(u"base-url"_s) && baseUrlFlag.isEmpty()) {
        *error = tr("--base-url needs an address, e.g. https://sandbox.increase.com");
        return std::nullopt;
    }
    const bool fromEnvironment = !environment.value(u"INCREASE_BASE_URL"_s).isEmpty() ||
                                 !environment.value(u"INCREASE_URL"_s).isEmpty();
    if (environmentFlag.isEmpty() && baseUrlFlag.isEmpty() && !fromEnvironment)
        return ConnectionChoice{}; // nothing said: the caller uses the saved choice
    const std::optional<Endpoint::Resolved> endpoint =
        Endpoint::resolve(baseUrlFlag, environmentFlag, environment, error);
    if (!endpoint)
        return std::nullopt;
    if (endpoint->environment == "local"_L1)
        return ConnectionChoice{endpoint->environment, {}};
    if (!Endpoint::checkBaseUrl(endpoint->baseUrl, error))
        return std::nullopt;
    return ConnectionChoice{endpoint->environment,
                            endpoint->environment == "custom"_L1 ? endpoint->baseUrl : QUrl()};
}

} // namespace

void DesktopOptions::add(QCommandLineParser &parser)
{
    CommonOptions::add(parser);
}

std::optional<DesktopStart> DesktopOptions::read(const QCommandLineParser &parser,
                                                 const QProcessEnvironment &environment,
                                                 QString *error)
{
    DesktopStart start;
    if (parser.isSet(u"timeout-ms"_s)) {
        const auto timeout =
            CommonOptions::readInt(parser, u"timeout-ms"_s, 1, 24 * 60 * 60 * 1000, error);
        if (!timeout)
            return std::nullopt;
        start.clientDefaults.timeoutMs = *timeout;
    }
    if (parser.isSet(u"max-retries"_s)) {
        const auto retries = CommonOptions::readInt(parser, u"max-retries"_s, 0,
                                                    CommonOptions::kMaxRetriesLimit, error);
        if (!retries)
            return std::nullopt;
        start.clientDefaults.maxRetries = *retries;
    }
    if (parser.isSet(u"ca-file"_s)) {
        const QString path = parser.value(u"ca-file"_s);
        if (!CommonOptions::checkCaFile(path, error))
            return std::nullopt;
        start.clientDefaults.caFile = path;
    }

    const std::optional<ConnectionChoice> choice = readChoice(parser, environment, error);
    if (!choice)
        return std::nullopt;
    if (!choice->environment.isEmpty())
        start.choice = choice;

    if (parser.isSet(u"api-key-file"_s)) {
        const QString path = parser.value(u"api-key-file"_s);
        QString why;
        const std::optional<QString> key = Endpoint::readApiKeyFile(path, &why);
        if (!key) {
            *error = tr("--api-key-file: %1").arg(why);
            return std::nullopt;
        }
        start.apiKey = *key;
    } else if (const std::optional<QString> key = Endpoint::apiKeyFromEnvironment(environment)) {
        start.apiKey = *key;
    }
    return start;
}

ConnectionChoice DesktopOptions::firstChoice(const DesktopStart &start,
                                             const std::optional<ConnectionChoice> &saved)
{
    if (start.choice)
        return *start.choice;
    if (saved)
        return *saved;
    if (!start.apiKey.isEmpty())
        return ConnectionChoice{u"production"_s, {}};
    return ConnectionChoice{u"local"_s, {}};
}
