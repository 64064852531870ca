// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The fast page reader against the QJsonDocument parser it stands in for: it reads the
// pages the API sends, declines everything it is not sure of, and never returns a page
// that differs from the reference parser's.
#include "apiparsing.h"
#include "connectionpagereader.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject connectionObject(int i)
{
    return {
        {u"id"_s, u"connection_%1"_s.arg(i, 20, 36, QChar(u'0'))},
        {u"created_at"_s, u"2024-03-01T12:%1:00Z"_s.arg(59 - i % 60, 2, 10, QChar(u'0'))},
        {u"deleted_at"_s, i % 3 == 0 ? QJsonValue(u"2024-03-02T00:00:00Z"_s) : QJsonValue()},
        {u"group_id"_s, u"group_%1"_s.arg(i * 7, 20, 36, QChar(u'0'))},
        {u"oauth_application_id"_s, u"application_%1"_s.arg(i % 4)},
        {u"status"_s, i % 3 == 0 ? u"inactive"_s : u"active"_s},
        {u"type"_s, u"oauth_connection"_s},
    };
}

QByteArray generatedPage(int rows, QJsonDocument::JsonFormat format)
{
    QJsonArray data;
    for (int i = 0; i < rows; ++i)
        data.append(connectionObject(i));
    return QJsonDocument(QJsonObject{{u"data"_s, data}, {u"next_cursor"_s, u"Y3Vyc29y"_s}})
        .toJson(format);
}

const QByteArray kRow = "{\"id\":\"connection_a\",\"created_at\":\"2024-03-01T12:00:00Z\","
                        "\"deleted_at\":null,\"group_id\":\"group_a\","
                        "\"oauth_application_id\":\"application_a\",\"status\":\"active\","
                        "\"type\":\"oauth_connection\"}";

// A row with one more field, or with `field`'s value replaced.
QByteArray row(const QByteArray &field, const QByteArray &value)
{
    QByteArray out = kRow;
    const QByteArray key = '"' + field + "\":";
    const qsizetype at = out.indexOf(key);
    if (at < 0) {
        out.insert(1, key + value + ',');
        return out;
    }
    const qsizetype from = at + key.size();
    qsizetype to = from;
    if (out.at(to) == '"')
        to = out.indexOf('"', to + 1) + 1;
    else
        while (out.at(to) != ',' && out.at(to) != '}')
            ++to;
    out.replace(from, to - from, value);
    return out;
}

QByteArray page(const QByteArray &rows, const QByteArray &rest = ",\"next_cursor\":null")
{
    return "{\"data\":[" + rows + ']' + rest + '}';
}

// When the reader returns a page, the reference parser returns the same one.
void verifyAgreement(const QByteArray &body)
{
    const std::optional<ConnectionPage> fast = ConnectionPageReader::read(body);
    if (!fast)
        return;
    QString error;
    const std::optional<ConnectionPage> reference =
        ApiParsing::referenceConnectionPage(body, &error);
    QVERIFY2(reference, qPrintable(u"the reader accepted what the reference refuses ("_s % error %
                                   u"): "_s % QString::fromLatin1(body.left(300))));
    QCOMPARE(fast->nextCursor, reference->nextCursor);
    QCOMPARE(fast->data, reference->data);
}

} // namespace

class TestConnectionPageReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsWhatTheApiSends_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("fixture, indented") << testData(u"oauth_connection_list.json"_s);
        QTest::newRow("100 rows, compact") << generatedPage(100, QJsonDocument::Compact);
        QTest::newRow("100 rows, indented") << generatedPage(100, QJsonDocument::Indented);
        QTest::newRow("empty page") << QByteArray("{\"data\":[],\"next_cursor\":null}");
        QTest::newRow("cursor missing") << QByteArray("{\"data\":[" + kRow + "]}");
        QTest::newRow("cursor empty") << page(kRow, ",\"next_cursor\":\"\"");
        QTest::newRow("cursor first") << QByteArray("{\"next_cursor\":\"abc\",\"data\":[]}");
        QTest::newRow("unknown status kept") << page(row("status", "\"suspended\""));
        QTest::newRow("unknown type kept") << page(row("type", "\"oauth_connection_v2\""));
        QTest::newRow("deleted_at set") << page(row("deleted_at", "\"2024-03-02T00:00:00Z\""));
        QTest::newRow("unknown fields of every kind")
            << page(row("extra", "{\"a\":[1,-2.5,0,true,false,null,\"x\",{}],\"b\":[]}"));
        QTest::newRow("unknown top-level field")
            << page(kRow, ",\"next_cursor\":null,\"meta\":{\"total\":[1,2]}");
        QTest::newRow("spaces everywhere")
            << QByteArray(" \r\n\t{ \"data\" : [ " + kRow + " ] , \"next_cursor\" : null } \n");
        QTest::newRow("many applications")
            << page(row("oauth_application_id", "\"application_1\"") + ',' +
                    row("oauth_application_id", "\"application_2\"") + ',' + kRow);
    }

    void readsWhatTheApiSends()
    {
        QFETCH(QByteArray, body);
        const std::optional<ConnectionPage> fast = ConnectionPageReader::read(body);
        QVERIFY2(fast, "declined a page the API could send: the fast path would never run");
        verifyAgreement(body);
        // connectionPage, which every caller uses, gives the same.
        QString error;
        const std::optional<ConnectionPage> viaApi = ApiParsing::connectionPage(body, &error);
        QVERIFY(viaApi);
        QCOMPARE(viaApi->data, fast->data);
    }

    void declinesWhatItIsNotSureOf_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("validForReference");
        QTest::newRow("escape in a value") << page(row("group_id", "\"group\\u0041\"")) << true;
        QTest::newRow("escaped key") << QByteArray("{\"d\\u0061ta\":[]}") << true;
        QTest::newRow("non-ASCII") << page(row("group_id", "\"gr\xc3\xa9up\"")) << true;
        QTest::newRow("invalid UTF-8") << page(row("group_id", "\"gr\xc3(up\"")) << false;
        // JSON forbids both, QJsonDocument takes them: the reference decides.
        QTest::newRow("control byte") << page(row("group_id", "\"gr\x01up\"")) << true;
        QTest::newRow("duplicate known field")
            << page(row("id", "\"connection_a\",\"id\":\"connection_b\"")) << true;
        QTest::newRow("duplicate data") << QByteArray("{\"data\":[],\"data\":[]}") << true;
        QTest::newRow("missing field")
            << page(row("id", "null").replace("\"id\":null,", "")) << false;
        QTest::newRow("number for a string") << page(row("group_id", "5")) << false;
        QTest::newRow("null for id") << page(row("id", "null")) << false;
        QTest::newRow("exponent") << page(row("extra", "1e5")) << true;
        QTest::newRow("long number") << page(row("extra", "12345678901234567890")) << true;
        QTest::newRow("leading zero") << page(row("extra", "012")) << false;
        QTest::newRow("bare minus") << page(row("extra", "-")) << false;
        QTest::newRow("deep nesting")
            << page(row("extra", QByteArray(40, '[') + QByteArray(40, ']'))) << true;
        QTest::newRow("trailing comma") << page(kRow + ',') << false;
        QTest::newRow("garbage after") << QByteArray(page(kRow) + "x") << false;
        QTest::newRow("two documents") << QByteArray(page(kRow) + page(kRow)) << false;
        QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf" + page(kRow)) << true;
        QTest::newRow("data not an array") << QByteArray("{\"data\":{}}") << false;
        QTest::newRow("no data") << QByteArray("{\"next_cursor\":null}") << false;
        QTest::newRow("cursor a number") << page(kRow, ",\"next_cursor\":5") << false;
        QTest::newRow("row not an object") << page("[]") << false;
        QTest::newRow("top-level array") << QByteArray("[]") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("HTML") << QByteArray("<html><body>502</body></html>") << false;
        QTest::newRow("bad literal") << page(row("extra", "nul")) << false;
    }

    void declinesWhatItIsNotSureOf()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, validForReference);
        QVERIFY(!ConnectionPageReader::read(body));
        // Declining loses nothing: the reference parser decides, as connectionPage does.
        QString error;
        QCOMPARE(bool(ApiParsing::referenceConnectionPage(body, &error)), validForReference);
        QCOMPARE(bool(ApiParsing::connectionPage(body, &error)), validForReference);
        if (!validForReference)
            QVERIFY(!error.isEmpty());
    }

    // A body cut off anywhere is never read as a (shorter) page.
    void everyCutOffBodyIsDeclined()
    {
        const QByteArray body = generatedPage(3, QJsonDocument::Indented).trimmed();
        QVERIFY(ConnectionPageReader::read(body));
        for (qsizetype size = 0; size < body.size(); ++size) {
            const QByteArray cut = body.left(size);
            if (ConnectionPageReader::read(cut))
                QFAIL(qPrintable(
                    u"accepted a body cut at %1 of %2 bytes"_s.arg(size).arg(body.size())));
        }
    }

    // Every byte replaced by each of the bytes that matter to JSON: whatever the reader
    // accepts, the reference parser reads the same way.
    void agreesWithTheReferenceOnMutations()
    {
        const QByteArray body =
            page(kRow + ',' + row("extra", "[1,{\"k\":-0.5},true]"), ",\"next_cursor\":\"abc\"");
        const QByteArray replacements("\"\\{}[],: 0-.e9anutfl\x01\x7f\x80\xc3\xff\t\n");
        int accepted = 0;
        int declined = 0;
        for (qsizetype at = 0; at < body.size(); ++at) {
            for (const char c : replacements) {
                QByteArray mutated = body;
                mutated[at] = c;
                ConnectionPageReader::read(mutated) ? ++accepted : ++declined;
                verifyAgreement(mutated);
                if (QTest::currentTestFailed())
                    return;
                // Inserted and deleted bytes shift everything after them.
                QByteArray inserted = body;
                verifyAgreement(inserted.insert(at, c));
                if (QTest::currentTestFailed())
                    return;
            }
            verifyAgreement(QByteArray(body).remove(at, 1));
            if (QTest::currentTestFailed())
                return;
        }
        // Both sides are exercised: values changed within strings are still read.
        QVERIFY(accepted > 100);
        QVERIFY(declined > 100);
    }
};

QTEST_APPLESS_MAIN(TestConnectionPageReader)
#include "tst_connectionpagereader.moc"
