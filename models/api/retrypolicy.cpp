// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include <QLocale>
#include <QString>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

std::optional<QByteArray> header(const RetryPolicy::Headers &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return std::nullopt;
}

// Zero, negative and non-finite values are not delays: like the SDKs, fall back (here to
// the next source, then to backoff). A zero would make 429s, which do not spend the retry
// budget, loop without waiting.
std::optional<qint64> clampedMs(double ms)
{
    if (!std::isfinite(ms) || ms <= 0)
        return std::nullopt;
    return qint64(std::llround(std::clamp(ms, 0.0, double(RetryPolicy::kMaxServerDelayMs))));
}

std::optional<double> number(const QByteArray &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

namespace RetryPolicy {

bool shouldRetry(int httpStatus, const Headers &headers)
{
    if (const std::optional<QByteArray> explicitAnswer = header(headers, "x-should-retry")) {
        if (explicitAnswer->compare("true", Qt::CaseInsensitive) == 0)
            return true;
        if (explicitAnswer->compare("false", Qt::CaseInsensitive) == 0)
            return false;
    }
    return httpStatus == 0 || httpStatus == 408 || httpStatus == 409 || httpStatus == 429 ||
           httpStatus >= 500;
}

std::optional<qint64> serverDelayMs(const Headers &headers, std::optional<int> bodyRetryAfter,
                                    const QDateTime &now)
{
    if (const std::optional<QByteArray> ms = header(headers, "retry-after-ms")) {
        if (const std::optional<double> value = number(*ms)) {
            if (const std::optional<qint64> delay = clampedMs(*value))
                return delay;
        }
    }
    if (const std::optional<QByteArray> retryAfter = header(headers, "retry-after")) {
        std::optional<qint64> delay;
        if (const std::optional<double> seconds = number(*retryAfter))
            delay = clampedMs(*seconds * 1000.0);
        else if (const QDateTime when = parseHttpDate(*retryAfter); when.isValid())
            delay = clampedMs(double(now.msecsTo(when)));
        if (delay)
            return delay;
    }
    if (bodyRetryAfter)
        return clampedMs(*bodyRetryAfter * 1000.0);
    return std::nullopt;
}

qint64 backoffMs(int retryIndex, double random01)
{
    const int exponent = std::clamp(retryIndex, 0, 16);
    const double base =
        std::min(double(kInitialBackoffMs) * std::pow(2.0, exponent), double(kMaxBackoffMs));
    const double jitter = 1.0 - 0.25 * std::clamp(random01, 0.0, 1.0);
    return qint64(std::llround(base * jitter));
}

QDateTime parseHttpDate(const QByteArray &value)
{
    // The date and the time are read apart and joined as UTC. Read together they would be
    // local time first: 02:30 on a spring-forward night does not exist there, and an hour
    // that exists twice is ambiguous.
    const QString text = QString::fromLatin1(value.trimmed());
    const qsizetype zone = text.lastIndexOf(u' ');
    const qsizetype time = zone > 0 ? text.lastIndexOf(u' ', zone - 1) : -1;
    if (time <= 0 || QStringView(text).sliced(zone + 1) != "GMT"_L1)
        return {};
    const QLocale c = QLocale::c();
    const QDate date = c.toDate(text.first(time), u"ddd, dd MMM yyyy"_s);
    const QTime clock = c.toTime(text.sliced(time + 1, zone - time - 1), u"HH:mm:ss"_s);
    if (!date.isValid() || !clock.isValid())
        return {};
    return QDateTime(date, clock, Qt::UTC);
}

} // namespace RetryPolicy
