// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nodesdkrun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace NodeSdk {

QString missing(const QString &script)
{
    if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
        return u"node is not installed (scripts/bench installs it)"_s;
    if (!QFileInfo::exists(script))
        return u"%1 is missing"_s.arg(script);
    const QString sdk = QFileInfo(script).dir().filePath(u"node_modules/increase/package.json"_s);
    if (!QFileInfo::exists(sdk))
        return u"the Node SDK is not installed: run npm ci --prefix %1"_s.arg(
            QFileInfo(script).absolutePath());
    return {};
}

QString version(const QString &script)
{
    QFile package(QFileInfo(script).dir().filePath(u"node_modules/increase/package.json"_s));
    if (!package.open(QIODevice::ReadOnly))
        return u"increase@?"_s;
    return u"increase@"_s +
           QJsonDocument::fromJson(package.readAll()).object().value("version"_L1).toString();
}

std::optional<NodeSdkRun> run(const QString &script, const QUrl &baseUrl, const QString &apiKey,
                              const QString &output, QString *error)
{
    NodeSdkRun result;
    result.process = BenchProcess::run(QStandardPaths::findExecutable(u"node"_s),
                                       {script, baseUrl.toString(), apiKey, output},
                                       BenchProcess::clientEnvironment(apiKey));
    if (!result.process.ok()) {
        *error = u"the Node SDK loop failed: "_s + result.process.describe();
        return std::nullopt;
    }
    const QJsonObject figures = QJsonDocument::fromJson(result.process.out).object();
    if (!figures.contains("rows"_L1)) {
        *error = u"bench-sdk.mjs printed no figures: "_s + QString::fromUtf8(result.process.out);
        return std::nullopt;
    }
    result.rows = figures.value("rows"_L1).toInteger();
    result.loopSeconds = figures.value("seconds"_L1).toDouble();
    result.requests = figures.value("requests"_L1).toInt();
    const QJsonObject statuses = figures.value("statuses"_L1).toObject();
    for (auto it = statuses.begin(); it != statuses.end(); ++it)
        result.statuses.insert(it.key().toInt(), it.value().toInt());
    return result;
}

} // namespace NodeSdk
