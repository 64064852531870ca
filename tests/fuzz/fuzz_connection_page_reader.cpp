// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Differential fuzz target: ConnectionPageReader::read, the byte-level fast path, against
// ApiParsing::referenceConnectionPage (QJsonDocument) on arbitrary bodies. Checks: a page
// the reader returns is the reference's page, row for row and field for field, with the
// same cursor; and the reader does not decline what the API sends in practice: the
// reference's page rewritten as Increase lays it out (compact or indented), when every
// string is printable ASCII without escapes.

#include "apiparsing.h"
#include "connectionpagereader.h"
#include "fuzzsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringBuilder>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString describe(const ConnectionPage &page)
{
    QString text = u"cursor "_s % Fuzz::dump(page.nextCursor);
    for (const OAuthConnection &c : page.data) {
        text += u"\n    "_s % Fuzz::dump(c.id) % u' ' % Fuzz::dump(c.createdAt) % u' ' %
                Fuzz::dump(c.deletedAt) % u' ' % Fuzz::dump(c.groupId) % u' ' %
                Fuzz::dump(c.oauthApplicationId) % u' ' % Fuzz::dump(c.status) % u' ' %
                Fuzz::dump(c.type);
    }
    return text;
}

bool samePage(const ConnectionPage &a, const ConnectionPage &b)
{
    return a.nextCursor == b.nextCursor && a.data == b.data;
}

// Printable ASCII without a quote or backslash: what the reader promises to take.
bool isPlain(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
}

bool isPlain(const OAuthConnection &c)
{
    return isPlain(c.id) && isPlain(c.createdAt) && isPlain(c.deletedAt.value_or(QString())) &&
           isPlain(c.groupId) && isPlain(c.oauthApplicationId) && isPlain(c.status) &&
           isPlain(c.type);
}

QJsonDocument apiLayout(const ConnectionPage &page)
{
    QJsonArray data;
    for (const OAuthConnection &c : page.data) {
        data.append(QJsonObject{
            {u"id"_s, c.id},
            {u"created_at"_s, c.createdAt},
            {u"deleted_at"_s, c.deletedAt ? QJsonValue(*c.deletedAt) : QJsonValue()},
            {u"group_id"_s, c.groupId},
            {u"oauth_application_id"_s, c.oauthApplicationId},
            {u"status"_s, c.status},
            {u"type"_s, c.type},
        });
    }
    return QJsonDocument(QJsonObject{
        {u"data"_s, data},
        {u"next_cursor"_s, page.nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page.nextCursor)},
    });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Raw data, not a copy: the reader's word-at-a-time scan must stop at the last byte.
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    const std::optional<ConnectionPage> fast = ConnectionPageReader::read(body);
    QString error;
    const std::optional<ConnectionPage> reference =
        ApiParsing::referenceConnectionPage(body, &error);
    if (fast) {
        FUZZ_CHECK(reference, u"the reader accepts a page the reference refuses ("_s % error %
                                  u"):\n  reader: "_s % describe(*fast));
        FUZZ_CHECK(samePage(*fast, *reference), u"the pages differ:\n  reader:    "_s %
                                                    describe(*fast) % u"\n  reference: "_s %
                                                    describe(*reference));
    }
    if (!reference || !isPlain(reference->nextCursor) ||
        !std::all_of(reference->data.cbegin(), reference->data.cend(),
                     [](const OAuthConnection &c) { return isPlain(c); }))
        return 0;

    const QJsonDocument layout = apiLayout(*reference);
    for (const QJsonDocument::JsonFormat format :
         {QJsonDocument::Compact, QJsonDocument::Indented}) {
        const QByteArray typical = layout.toJson(format);
        const std::optional<ConnectionPage> read = ConnectionPageReader::read(typical);
        FUZZ_CHECK(read,
                   u"the reader declines a page as the API sends it: "_s % Fuzz::dump(typical));
        FUZZ_CHECK(samePage(*read, *reference), u"the reader misreads "_s % Fuzz::dump(typical) %
                                                    u"\n  reader: "_s % describe(*read));
    }
    return 0;
}
