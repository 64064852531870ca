// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxcommandline.h"

#include "sandboxdataset.h"

#include <QCoreApplication>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

struct Reader
{
    const QCommandLineParser &parser;
    QString &error;

    template <typename T> void integer(const QString &name, qint64 min, qint64 max, T *out)
    {
        if (!error.isEmpty() || !parser.isSet(name))
            return;
        bool ok = false;
        const QString text = parser.value(name);
        const qint64 value = text.toLongLong(&ok);
        if (!ok || value < min || value > max) {
            error = u"--%1: expected an integer from %2 to %3, got \"%4\""_s.arg(name)
                        .arg(min)
                        .arg(max)
                        .arg(text);
            return;
        }
        *out = T(value);
    }

    void number(const QString &name, double min, double max, double *out)
    {
        if (!error.isEmpty() || !parser.isSet(name))
            return;
        bool ok = false;
        const QString text = parser.value(name);
        const double value = text.toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < min || value > max) {
            error = u"--%1: expected a number from %2 to %3, got \"%4\""_s.arg(name)
                        .arg(min)
                        .arg(max)
                        .arg(text);
            return;
        }
        *out = value;
    }
};

} // namespace

SandboxCommandLine::SandboxCommandLine()
{
    m_parser.setApplicationDescription(
        u"The local Increase sandbox: OAuth connections, applications and their events "
        u"over generated data, with fault injection. Serves on 127.0.0.1 only."_s);
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        {u"port"_s, u"TCP port (default 4010; 0 picks a free one)."_s, u"P"_s},
        {u"connections"_s, u"Number of OAuth connections (default 2500)."_s, u"N"_s},
        {u"applications"_s, u"Number of OAuth applications (default 8)."_s, u"K"_s},
        {u"seed"_s, u"Seed of the generated data (default 1)."_s, u"S"_s},
        {u"api-key"_s, u"Accept only this API key (default: any non-empty key)."_s, u"KEY"_s},
        {u"latency-ms"_s, u"Delay every response by L ms."_s, u"L"_s},
        {u"jitter-ms"_s, u"Add a uniform 0..J ms to the delay."_s, u"J"_s},
        {u"fail-rate"_s, u"Fraction (0-1) of requests answered 500."_s, u"R"_s},
        {u"drop-rate"_s, u"Fraction (0-1) of 200 bodies cut mid-way."_s, u"R"_s},
        {u"rate-limit"_s, u"Requests per second before 429s (0: unlimited)."_s, u"RPS"_s},
        {u"churn"_s,
         u"Changes per minute while serving: new connections and deactivations, each "
         u"with its event (default 0: none)."_s,
         u"N"_s},
        {u"tricky"_s, u"Application names that test edge cases (formula strings, line "
                      u"breaks, a null name, non-ASCII) instead of realistic ones."_s},
    });
}

QString SandboxCommandLine::helpText() const
{
    QString help = m_parser.helpText();
    const QStringList arguments = QCoreApplication::arguments();
    const QString usage = u"Usage: "_s;
    if (!arguments.isEmpty() && help.startsWith(usage + arguments.constFirst()))
        help.replace(usage.size(), arguments.constFirst().size(), u"increase-sandbox"_s);
    return help;
}

SandboxCommandLine::Outcome SandboxCommandLine::parse(const QStringList &arguments)
{
    m_error.clear();
    if (!m_parser.parse(arguments)) {
        m_error = m_parser.errorText();
        return Outcome::UsageError;
    }
    if (m_parser.isSet(u"help"_s))
        return Outcome::ShowHelp;
    if (m_parser.isSet(u"version"_s))
        return Outcome::ShowVersion;
    if (!m_parser.positionalArguments().isEmpty()) {
        m_error = u"unexpected argument \"%1\""_s.arg(m_parser.positionalArguments().constFirst());
        return Outcome::UsageError;
    }
    return readOptions() ? Outcome::Run : Outcome::UsageError;
}

bool SandboxCommandLine::readOptions()
{
    Reader read{m_parser, m_error};
    const qint64 hourMs = 3'600'000;
    read.integer(u"port"_s, 0, 65535, &m_options.port);
    read.integer(u"connections"_s, 0, SandboxDataset::MaxConnections, &m_options.connections);
    read.integer(u"applications"_s, 1, SandboxDataset::MaxApplications, &m_options.applications);
    read.integer(u"latency-ms"_s, 0, hourMs, &m_options.latencyMs);
    read.integer(u"jitter-ms"_s, 0, hourMs, &m_options.jitterMs);
    read.number(u"fail-rate"_s, 0.0, 1.0, &m_options.failRate);
    read.number(u"drop-rate"_s, 0.0, 1.0, &m_options.dropRate);
    read.number(u"rate-limit"_s, 0.0, 1e9, &m_options.rateLimit);
    read.integer(u"churn"_s, 0, 60'000, &m_options.churnPerMinute);
    m_options.tricky = m_parser.isSet(u"tricky"_s);
    if (m_error.isEmpty() && m_parser.isSet(u"seed"_s)) {
        bool ok = false;
        m_options.seed = m_parser.value(u"seed"_s).toULongLong(&ok);
        if (!ok)
            m_error = u"--seed: expected an unsigned integer, got \"%1\""_s.arg(
                m_parser.value(u"seed"_s));
    }
    if (m_error.isEmpty() && m_parser.isSet(u"api-key"_s)) {
        m_options.apiKey = m_parser.value(u"api-key"_s);
        if (m_options.apiKey.trimmed().isEmpty())
            m_error = u"--api-key: must not be empty"_s;
    }
    return m_error.isEmpty();
}
