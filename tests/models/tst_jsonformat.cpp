// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// JsonFormat::indented keeps the server's key order and number digits.
#include "jsonformat.h"

#include <QJsonDocument>
#include <QTest>

class TestJsonFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void indents_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("object") << QByteArray("{\"b\":1,\"a\":[true,null]}")
                                << QByteArray(
                                       "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ]\n}\n");
        QTest::newRow("empty containers") << QByteArray("{\"a\": { },\"b\":[ ]}")
                                          << QByteArray("{\n  \"a\": {},\n  \"b\": []\n}\n");
        QTest::newRow("punctuation inside strings")
            << QByteArray("{\"k\":\"a,b:{c}[d] \\\"q\\\" \\\\\"}")
            << QByteArray("{\n  \"k\": \"a,b:{c}[d] \\\"q\\\" \\\\\"\n}\n");
        QTest::newRow("big integer keeps its digits")
            << QByteArray("{\"n\":12345678901234567890}")
            << QByteArray("{\n  \"n\": 12345678901234567890\n}\n");
        QTest::newRow("already indented")
            << QByteArray("{\n\t\"x\" :\r\n 2 }") << QByteArray("{\n  \"x\": 2\n}\n");
    }
    void indents()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const QByteArray out = JsonFormat::indented(input, 2);
        QCOMPARE(out, expected);
        // Same document, only whitespace changed.
        QCOMPARE(QJsonDocument::fromJson(out), QJsonDocument::fromJson(input));
    }

    void keepsKeyOrderThatQJsonDocumentSorts()
    {
        const QByteArray input = "{\"type\":\"oauth_connection\",\"id\":\"connection_1\"}";
        const QByteArray out = JsonFormat::indented(input);
        QVERIFY(out.indexOf("\"type\"") < out.indexOf("\"id\""));
        const QByteArray viaDocument = QJsonDocument::fromJson(input).toJson();
        QVERIFY(viaDocument.indexOf("\"type\"") > viaDocument.indexOf("\"id\""));
    }
};

QTEST_GUILESS_MAIN(TestJsonFormat)
#include "tst_jsonformat.moc"
