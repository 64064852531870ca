// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringView>
#include <QtGlobal>

// Opaque pagination cursors. A cursor carries the position in a list and a signature of
// the filter that produced it, sealed with a checksum keyed by the dataset, so a cursor
// reused with another filter, another dataset, or edited by hand is refused.
class SandboxCursor
{
public:
    enum class Problem { None, Garbled, OtherFilter };

    explicit SandboxCursor(quint64 key)
        : m_key(key)
    {}

    // A stable signature for a filter's canonical description.
    static quint64 signature(QByteArrayView filter);

    QByteArray encode(quint64 filterSignature, quint32 offset) const;
    // The offset in the list `filterSignature` designates, or a problem.
    Problem decode(QStringView cursor, quint64 filterSignature, quint32 *offset) const;

private:
    quint32 checksum(const char *bytes, int size) const;

    quint64 m_key;
};
