// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Valid but unusual pages, exported through the real client: the fast page reader must
// either read them as QJsonDocument does or decline, so an export always equals what the
// reference parser makes of the same bytes (or fails with its error).
#include "apiparsing.h"
#include "exporter.h"
#include "increaseclient.h"
#include "stagedserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray rowWith(const QByteArray &id, const QByteArray &extra = {})
{
    return "{\"id\":" + id + extra +
           ",\"created_at\":\"2024-01-01T00:00:00Z\",\"deleted_at\":null,"
           "\"group_id\":\"group_1\",\"oauth_application_id\":\"application_1\","
           "\"status\":\"active\",\"type\":\"oauth_connection\"}";
}

QByteArray pageWith(const QByteArray &rows)
{
    return "{\"data\":[" + rows + "],\"next_cursor\":null}";
}

// Decided: UTF-8 cannot carry a lone surrogate (JSON's "\\ud800" escape can name one),
// so the writers put U+FFFD in its place; everything else is written exactly.
QString asWritten(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool pair =
            text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        if (pair)
            ++i;
        else if (text.at(i).isSurrogate())
            text[i] = QChar::ReplacementCharacter;
    }
    return text;
}

QJsonObject jsonOf(const OAuthConnection &c)
{
    return QJsonObject{{u"id"_s, asWritten(c.id)},
                       {u"created_at"_s, asWritten(c.createdAt)},
                       {u"deleted_at"_s, c.deletedAt ? QJsonValue(asWritten(*c.deletedAt))
                                                     : QJsonValue(QJsonValue::Null)},
                       {u"group_id"_s, asWritten(c.groupId)},
                       {u"oauth_application_id"_s, asWritten(c.oauthApplicationId)},
                       {u"status"_s, asWritten(c.status)},
                       {u"type"_s, asWritten(c.type)}};
}

} // namespace

class TestTrickyPages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void exportEqualsTheReferenceParser_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray plain = rowWith("\"connection_b\"");
        QTest::newRow("an id inside an unknown object, before the real one")
            << pageWith("{\"extension\":{\"id\":\"evil\",\"status\":\"x\"}," + plain.mid(1));
        QTest::newRow("the id twice")
            << pageWith(rowWith("\"connection_first\",\"id\":\"second\""));
        QTest::newRow("next_cursor before data")
            << QByteArray("{\"next_cursor\":null,\"data\":[" + plain + "]}");
        QTest::newRow("a cursor-shaped string in an unknown field")
            << pageWith(rowWith("\"connection_c\"", ",\"note\":\"\\\"next_cursor\\\":\\\"x\\\"\""));
        QTest::newRow("whitespace everywhere")
            << QByteArray("\r\n {\t\"data\" :\n[ " + plain + " ] ,\"next_cursor\" : null }\n");
        QTest::newRow("escapes in the id")
            << pageWith(rowWith("\"connection_\\u0041\\\"\\\\\\/\""));
        QTest::newRow("an escaped surrogate pair")
            << pageWith(rowWith("\"connection_\\ud83d\\ude00\""));
        QTest::newRow("a raw four-byte character")
            << pageWith(rowWith("\"connection_\xf0\x9f\x98\x80\""));
        QTest::newRow("a lone escaped surrogate") << pageWith(rowWith("\"connection_\\ud800\""));
        QTest::newRow("a huge number in an unknown field")
            << pageWith(rowWith("\"connection_d\"", ",\"n\":1e400"));
        QTest::newRow("33 levels in an unknown field") << pageWith(
            rowWith("\"connection_e\"", ",\"deep\":" + QByteArray(33, '[') + QByteArray(33, ']')));
        QTest::newRow("an empty id") << pageWith(rowWith("\"\""));
        QTest::newRow("an unknown top-level field after data")
            << QByteArray("{\"data\":[" + plain + "],\"more\":{\"data\":[]},\"next_cursor\":null}");
        QTest::newRow("data twice")
            << QByteArray("{\"data\":[" + plain + "],\"data\":[],\"next_cursor\":null}");
        QTest::newRow("a trailing comma")
            << QByteArray("{\"data\":[" + plain + ",],\"next_cursor\":null}");
    }

    void exportEqualsTheReferenceParser()
    {
        QFETCH(QByteArray, body);
        QString referenceError;
        const std::optional<ConnectionPage> reference =
            ApiParsing::referenceConnectionPage(body, &referenceError);

        StagedServer server;
        server.stage(200, body);
        ClientConfig config;
        config.baseUrl = server.url();
        config.apiKey = u"ic_test_key_tricky_0000"_s;
        config.environment = u"local"_s;
        config.maxRetries = 0;
        IncreaseClient client(config);
        ExportOptions options;
        options.format = ExportOptions::Format::Jsonl;
        options.maxRetries = 0;
        options.outputPath =
            m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".jsonl"_s);
        Exporter exporter(&client, options);
        std::optional<ExportResult> result;
        connect(&exporter, &Exporter::finished, this, [&](const ExportResult &r) { result = r; });
        exporter.start();
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));

        if (!reference) {
            QCOMPARE(result->outcome, ExportResult::Outcome::Failed);
            QVERIFY2(result->error.detail.contains(referenceError),
                     qPrintable(result->error.detail + u" / "_s + referenceError));
            return;
        }
        QCOMPARE(result->outcome, ExportResult::Outcome::Completed);
        QFile file(options.outputPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.takeLast(), QByteArray());
        QCOMPARE(lines.size(), reference->data.size());
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(QJsonDocument::fromJson(lines.at(i)).object(), jsonOf(reference->data.at(i)));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestTrickyPages)
#include "tst_trickypages.moc"
