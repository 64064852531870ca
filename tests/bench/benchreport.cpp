// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchreport.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace BenchReport {

void summary(const QString &measurement, const QString &figure, const QString &target,
             const QString &verdict)
{
    std::printf("SUMMARY\t%s\t%s\t%s\t%s\n", qUtf8Printable(measurement), qUtf8Printable(figure),
                qUtf8Printable(target), qUtf8Printable(verdict));
    std::fflush(stdout);
}

QString verdict(bool met)
{
    return met ? u"met"_s : u"NOT met"_s;
}

int fail(const char *bench, const QString &message)
{
    std::fflush(stdout);
    std::fprintf(stderr, "%s: FAILED: %s\n", bench, qUtf8Printable(message));
    return 1;
}

} // namespace BenchReport
