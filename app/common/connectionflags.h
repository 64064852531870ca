// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>
#include <optional>

class QCommandLineParser;

// The connection flags the headless commands and the window both take (PRODUCT.md §5),
// read the same way by each: --demo, --environment, --base-url, --api-key-file,
// --ca-file, --http2-prior-knowledge, --timeout-ms, --max-retries, plus --verbose, --quiet,
// --help, --version.
namespace ConnectionFlags {

inline constexpr int kMaxRetriesLimit = 100;

void add(QCommandLineParser &parser);

// --name as a whole number in [min, max], or nullopt with `error` saying what it takes.
std::optional<int> readInt(const QCommandLineParser &parser, const QString &name, int min, int max,
                           QString *error);
// --timeout-ms and --max-retries, each left alone when not given; false with `error` on a
// bad value.
bool readLimits(const QCommandLineParser &parser, std::optional<int> *timeoutMs,
                std::optional<int> *maxRetries, QString *error);
// A readable file holding a PEM certificate, or false with `error` saying how to fix it.
bool checkCaFile(const QString &path, QString *error);

// --http2-prior-knowledge: true when given for a plain http:// endpoint; false with `error`
// when given for https (ALPN already picks HTTP/2) or for the local sandbox (HTTP/1.1 only).
bool readHttp2PriorKnowledge(const QCommandLineParser &parser, const QString &environment,
                             const QUrl &baseUrl, bool *enabled, QString *error);

// --environment (with --demo folded in as "local") and --base-url as given, empty when
// not; nullopt with `error` when they contradict each other or --base-url is empty.
struct EndpointFlags
{
    QString environment;
    QString baseUrl;
};
std::optional<EndpointFlags> readEndpointFlags(const QCommandLineParser &parser, QString *error);

// The key from --api-key-file, else INCREASE_API_KEY; empty when neither gives one.
// nullopt with `error` when the key file is refused.
std::optional<QString> readApiKey(const QCommandLineParser &parser,
                                  const QProcessEnvironment &environment, QString *error);

} // namespace ConnectionFlags
