// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "curlrun.h"

#include <QStandardPaths>

using namespace Qt::StringLiterals;

std::optional<CurlRun> CurlPeer::run(const QString &config, const QString &apiKey, QString *error)
{
    CurlRun result;
    result.process =
        BenchProcess::run(QStandardPaths::findExecutable(u"curl"_s),
                          {u"--config"_s, config, u"--write-out"_s,
                           u"%{http_code} %{size_download} %{num_connects} %{http_version}\\n"_s},
                          BenchProcess::clientEnvironment(apiKey));
    if (!result.process.ok()) {
        *error = u"curl failed: "_s + result.process.describe();
        return std::nullopt;
    }
    for (const QByteArray &line : result.process.out.split('\n')) {
        const QByteArrayList fields = line.split(' ');
        if (fields.size() != 4)
            continue;
        if (fields.at(0) != "200") {
            *error = u"curl got HTTP %1 for a page"_s.arg(QString::fromLatin1(fields.at(0)));
            return std::nullopt;
        }
        ++result.pages;
        result.bytes += fields.at(1).toLongLong();
        result.connections += fields.at(2).toInt();
        result.protocol = QString::fromLatin1(fields.at(3));
    }
    return result;
}
