// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "partitionplan.h"

#include <algorithm>
#include <cmath>

bool PartitionPlan::oneStreamTooSlow(double rate, qint64 latencyMs)
{
    return rate * double(std::max<qint64>(latencyMs, 0)) / 1000.0 >= 1.0;
}

int PartitionPlan::streams(int parallel, int applications, double rate, qint64 latencyMs)
{
    if (applications < 2 || parallel == 1)
        return 1;
    if (parallel > 1)
        return std::min({parallel, applications, kMaxParallel});
    if (applications > kAutoMaxApplications)
        return 1;
    const double inFlight = rate * double(std::max<qint64>(latencyMs, 0)) / 1000.0;
    if (inFlight < 1.0)
        return 1;
    const int wanted = int(std::ceil(inFlight)) + 1;
    return std::min({wanted, applications, kAutoMaxStreams, kConnectionsPerHost});
}
