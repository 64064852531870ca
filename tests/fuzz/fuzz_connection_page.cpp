// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: ApiParsing::connectionPage / connectionBody and CursorPeek::nextCursor on
// arbitrary response bodies. Checks: PageOracle::checkParser (verdict, error naming field
// and index, every field and the cursor as the contract reads the body; re-serialized
// page and single objects read the same); the peeked cursor is a plain string that stood
// between quotes in the body, and for a body in Increase's layout it is the cursor itself
// (or declined, for a cursor that is not plain ASCII or reads "next_cursor").

#include "apiparsing.h"
#include "cursorpeek.h"
#include "fuzzsupport.h"
#include "pageoracle.h"

#include <QStringBuilder>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QList<PageOracle::Field> kFields = {
    {"id"_L1, false},       {"created_at"_L1, false},           {"deleted_at"_L1, true},
    {"group_id"_L1, false}, {"oauth_application_id"_L1, false}, {"status"_L1, false},
    {"type"_L1, false},
};

PageOracle::Row row(const OAuthConnection &c)
{
    return {c.id, c.createdAt, c.deletedAt, c.groupId, c.oauthApplicationId, c.status, c.type};
}

bool isPlainAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x80 && c != u'"' && c != u'\\';
    });
}

const PageOracle::Parser<ConnectionPage, OAuthConnection> kParser{
    &ApiParsing::connectionPage, &ApiParsing::connectionBody, &row};

// What the walker relies on: a peeked cursor is a non-empty run of printable ASCII (no
// escape) that stood between quotes in the body.
void checkPeekIsPlain(const QByteArray &body, const std::optional<QString> &peeked)
{
    if (!peeked)
        return;
    FUZZ_CHECK(!peeked->isEmpty(), u"peeked an empty cursor"_s);
    FUZZ_CHECK(isPlainAscii(*peeked),
               u"peeked cursor holds an escape, control or non-ASCII character: "_s %
                   Fuzz::dump(*peeked));
    FUZZ_CHECK(body.contains(QByteArray('"' + peeked->toLatin1() + '"')),
               u"peeked cursor "_s % Fuzz::dump(*peeked) % u" is not in the body"_s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Raw data, not a copy: a read past the end is then a read past libFuzzer's buffer.
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    checkPeekIsPlain(body, CursorPeek::nextCursor(body));
    QByteArray shaped;
    const std::optional<ConnectionPage> page =
        PageOracle::checkParser(kParser, body, kFields, &shaped);
    if (!page)
        return 0;

    // In Increase's layout the last "next_cursor" is the top-level key, unless the cursor
    // is that very text: a peek is never wrong, and declined only when there is no cursor,
    // it is not plain ASCII, or it reads "next_cursor".
    const std::optional<QString> peeked = CursorPeek::nextCursor(shaped);
    checkPeekIsPlain(shaped, peeked);
    FUZZ_CHECK(!peeked || *peeked == page->nextCursor,
               u"peek "_s % Fuzz::dump(peeked) % u" for cursor "_s % Fuzz::dump(page->nextCursor));
    const bool plain = !page->nextCursor.isEmpty() && page->nextCursor != u"next_cursor"_s &&
                       isPlainAscii(page->nextCursor);
    FUZZ_CHECK(peeked || !plain, u"peek declined the plain cursor "_s %
                                     Fuzz::dump(page->nextCursor) % u" in "_s % Fuzz::dump(shaped));
    return 0;
}
