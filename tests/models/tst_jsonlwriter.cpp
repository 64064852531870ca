// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// JSON Lines output: compact objects in column order, checked against QJsonDocument.
#include "jsonlwriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

OAuthConnection makeConnection(const QString &groupId,
                               const std::optional<QString> &deletedAt = std::nullopt)
{
    return {u"connection_1"_s, u"2024-03-01T12:00:00Z"_s, deletedAt, groupId, u"application_1"_s,
            u"active"_s,       u"oauth_connection"_s};
}

} // namespace

class TestJsonlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactBytes();
    void noPreamble();
    void chosenColumnsInOrder();
    void escaping_data();
    void escaping();
    void manyRowsOneLineEach();
};

void TestJsonlWriter::exactBytes()
{
    // Given the default columns with the application name
    const JsonlWriter writer(ExportColumns::defaults(true));

    // when one connection without deleted_at or name and one with both are written
    QByteArray out;
    writer.appendRow(out, makeConnection(u"group_1"_s), std::nullopt);
    writer.appendRow(out, makeConnection(u"group_2"_s, u"2024-03-02T00:00:00Z"_s), u"Acme"_s);

    // then each is one compact line, nulls kept as null
    QCOMPARE(out, QByteArray(R"({"id":"connection_1","created_at":"2024-03-01T12:00:00Z",)"
                             R"("deleted_at":null,"group_id":"group_1",)"
                             R"("oauth_application_id":"application_1",)"
                             R"("oauth_application_name":null,"status":"active",)"
                             R"("type":"oauth_connection"})"
                             "\n"
                             R"({"id":"connection_1","created_at":"2024-03-01T12:00:00Z",)"
                             R"("deleted_at":"2024-03-02T00:00:00Z","group_id":"group_2",)"
                             R"("oauth_application_id":"application_1",)"
                             R"("oauth_application_name":"Acme","status":"active",)"
                             R"("type":"oauth_connection"})"
                             "\n"));
}

void TestJsonlWriter::noPreamble()
{
    QVERIFY(JsonlWriter(ExportColumns::defaults(false)).preamble().isEmpty());
}

void TestJsonlWriter::chosenColumnsInOrder()
{
    const JsonlWriter writer({ExportColumn::Type, ExportColumn::DeletedAt, ExportColumn::Id});
    QByteArray out;
    writer.appendRow(out, makeConnection(u"g"_s), std::nullopt);
    QCOMPARE(out, QByteArray(R"({"type":"oauth_connection","deleted_at":null,"id":"connection_1"})"
                             "\n"));
}

void TestJsonlWriter::escaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expectedJson");

    QTest::newRow("plain") << u"Acme"_s << QByteArray(R"("Acme")");
    QTest::newRow("empty") << QString() << QByteArray(R"("")");
    QTest::newRow("quote") << u"say \"hi\""_s << QByteArray(R"("say \"hi\"")");
    QTest::newRow("backslash") << u"C:\\path\\"_s << QByteArray(R"("C:\\path\\")");
    QTest::newRow("newline and CR") << u"a\r\nb"_s << QByteArray(R"("a\r\nb")");
    QTest::newRow("tab, backspace, form feed") << u"\t\b\f"_s << QByteArray(R"("\t\b\f")");
    QTest::newRow("other controls")
        << QString::fromUtf16(u"\u0000\u0001\u001f", 3) << QByteArray(R"("\u0000\u0001\u001f")");
    QTest::newRow("DEL is not a control in JSON") << u"\u007f"_s << QByteArray("\"\x7f\"");
    QTest::newRow("slash untouched") << u"a/b"_s << QByteArray(R"("a/b")");
    QTest::newRow("formula not guarded") << u"=1+1"_s << QByteArray(R"("=1+1")");
    QTest::newRow("unicode as UTF-8")
        << u"Caf\u00e9 \u6f22 \U0001F600"_s
        << QByteArray("\"Caf\xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x98\x80\"");
    QTest::newRow("line separators")
        << u"\u2028\u2029"_s << QByteArray("\"\xe2\x80\xa8\xe2\x80\xa9\"");
}

void TestJsonlWriter::escaping()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expectedJson);

    // Given an application name holding characters JSON must escape
    const JsonlWriter writer({ExportColumn::OAuthApplicationName});

    // when it is written
    QByteArray out;
    writer.appendRow(out, makeConnection(u"g"_s), text);

    // then the bytes are as expected, on one line
    QCOMPARE(out, R"({"oauth_application_name":)" + expectedJson + "}\n");
    QCOMPARE(out.count('\n'), 1);

    // and QJsonDocument reads back the same text
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object().value("oauth_application_name"_L1).toString(), text);
}

void TestJsonlWriter::manyRowsOneLineEach()
{
    // Given rows whose text covers every BMP code unit class that needs care
    const JsonlWriter writer(ExportColumns::defaults(true));
    QList<QString> names;
    for (char16_t c = 0; c < 0x80; ++c)
        names.append(u"n"_s + QChar(c) + u"e"_s);
    names.append(u"\U0001F600\U0001F680"_s);

    QByteArray out;
    for (const QString &name : names)
        writer.appendRow(out, makeConnection(name, u"2024-03-02T00:00:00Z"_s), name);

    // then each line parses on its own and gives back the values
    const QByteArrayList lines = out.split('\n');
    QCOMPARE(lines.size(), names.size() + 1);
    QVERIFY(lines.last().isEmpty());
    for (qsizetype i = 0; i < names.size(); ++i) {
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(lines.at(i), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(object.size(), 8);
        QCOMPARE(object.value("group_id"_L1).toString(), names.at(i));
        QCOMPARE(object.value("oauth_application_name"_L1).toString(), names.at(i));
        QCOMPARE(object.value("deleted_at"_L1).toString(), u"2024-03-02T00:00:00Z"_s);
    }
}

QTEST_GUILESS_MAIN(TestJsonlWriter)
#include "tst_jsonlwriter.moc"
