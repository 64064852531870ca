// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: ApiParsing::applicationPage / applicationBody on arbitrary response
// bodies. Checks PageOracle::checkParser: the verdict, the error naming field and index,
// every field (name and deleted_at nullable) and the cursor as the contract reads the
// body; the page re-serialized in Increase's layout and each object alone read the same.

#include "apiparsing.h"
#include "fuzzsupport.h"
#include "pageoracle.h"

using namespace Qt::StringLiterals;

namespace {

const QList<PageOracle::Field> kFields = {
    {"id"_L1, false},  {"client_id"_L1, false}, {"created_at"_L1, false}, {"deleted_at"_L1, true},
    {"name"_L1, true}, {"status"_L1, false},    {"type"_L1, false},
};

PageOracle::Row row(const OAuthApplication &a)
{
    return {a.id, a.clientId, a.createdAt, a.deletedAt, a.name, a.status, a.type};
}

const PageOracle::Parser<ApplicationPage, OAuthApplication> kParser{
    &ApiParsing::applicationPage, &ApiParsing::applicationBody, &row};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QByteArray shaped;
    PageOracle::checkParser(kParser, body, kFields, &shaped);
    return 0;
}
