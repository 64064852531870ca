// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: ApiParsing::eventPage / eventBody on arbitrary response bodies. Checks
// PageOracle::checkParser: the verdict, the error naming field and index, every field
// (created_at also a date-time) and the cursor as the contract reads the body; the page
// re-serialized in Increase's layout and each object alone read the same.

#include "apiparsing.h"
#include "fuzzsupport.h"
#include "pageoracle.h"

using namespace Qt::StringLiterals;

namespace {

// In the order ApiParsing::event reads them, so the first problem is the one named.
const QList<PageOracle::Field> kFields = {
    {"id"_L1, false},
    {"created_at"_L1, false, true},
    {"category"_L1, false},
    {"associated_object_id"_L1, false},
    {"associated_object_type"_L1, false},
    {"type"_L1, false},
};

PageOracle::Row row(const IncreaseEvent &e)
{
    return {e.id, e.createdAt, e.category, e.associatedObjectId, e.associatedObjectType, e.type};
}

const PageOracle::Parser<EventPage, IncreaseEvent> kParser{&ApiParsing::eventPage,
                                                           &ApiParsing::eventBody, &row};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QByteArray shaped;
    PageOracle::checkParser(kParser, body, kFields, &shaped);
    return 0;
}
