// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxcursor.h"

#include "sandboxrandom.h"

#include <QtEndian>

namespace {

constexpr char Version = 1;
// version, signature (8), offset (4), checksum (4)
constexpr int PayloadSize = 1 + 8 + 4;
constexpr int EncodedSize = PayloadSize + 4;
constexpr auto Base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

quint64 SandboxCursor::signature(QByteArrayView filter)
{
    quint64 hash = 0xcbf29ce484222325ULL; // FNV-1a
    for (const char c : filter) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

quint32 SandboxCursor::checksum(const char *bytes, int size) const
{
    quint64 hash = m_key;
    for (int i = 0; i < size; ++i)
        hash = SandboxRandom::mix(hash ^ static_cast<unsigned char>(bytes[i]));
    return quint32(hash);
}

QByteArray SandboxCursor::encode(quint64 filterSignature, quint32 offset) const
{
    char bytes[EncodedSize];
    bytes[0] = Version;
    qToLittleEndian(filterSignature, bytes + 1);
    qToLittleEndian(offset, bytes + 9);
    qToLittleEndian(checksum(bytes, PayloadSize), bytes + PayloadSize);
    return QByteArray(bytes, EncodedSize).toBase64(Base64Options);
}

SandboxCursor::Problem SandboxCursor::decode(QStringView cursor, quint64 filterSignature,
                                             quint32 *offset) const
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), Base64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != EncodedSize)
        return Problem::Garbled;
    const char *bytes = decoded.decoded.constData();
    if (bytes[0] != Version ||
        qFromLittleEndian<quint32>(bytes + PayloadSize) != checksum(bytes, PayloadSize)) {
        return Problem::Garbled;
    }
    if (qFromLittleEndian<quint64>(bytes + 1) != filterSignature)
        return Problem::OtherFilter;
    *offset = qFromLittleEndian<quint32>(bytes + 9);
    return Problem::None;
}
