// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apiresult.h"

#include <QObject>

class IncreaseClient;

// One logical GET with its retries. Created by IncreaseClient; emits `finished` exactly
// once and then deletes itself (deleteLater), so receivers must not keep the pointer
// past `finished`.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    ~ApiCall() override;

    // Stops the attempt in flight or the wait before a retry. `finished` is emitted
    // synchronously, inside abort(), with a Cancelled error: bump any generation counter
    // before calling it.
    void abort();
    bool isFinished() const;

Q_SIGNALS:
    // A retry is scheduled: `nextAttempt` (2 for the first retry) starts after `delayMs`.
    void retryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    void finished(const ApiResult &result);

private:
    friend class IncreaseClient;
    friend class ApiCallPrivate;
    explicit ApiCall(QObject *parent);
    class ApiCallPrivate *d = nullptr;
};
