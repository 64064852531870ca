// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Column names, the default sets, and parsing --columns.
#include "exportcolumn.h"

#include <QtTest>

using namespace Qt::StringLiterals;

using Columns = QList<ExportColumn>;

class TestExportColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names();
    void defaults_data();
    void defaults();
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void values_data();
    void values();
};

void TestExportColumns::names()
{
    QCOMPARE(ExportColumns::allNames(),
             (QStringList{u"id"_s, u"created_at"_s, u"deleted_at"_s, u"group_id"_s,
                          u"oauth_application_id"_s, u"oauth_application_name"_s, u"status"_s,
                          u"type"_s}));
    QCOMPARE(ExportColumns::name(ExportColumn::OAuthApplicationName), u"oauth_application_name"_s);
}

void TestExportColumns::defaults_data()
{
    QTest::addColumn<bool>("withApplicationName");
    QTest::addColumn<QString>("expected");

    QTest::newRow("without name") << false
                                  << u"id,created_at,deleted_at,group_id,oauth_application_id,"
                                     "status,type"_s;
    QTest::newRow("with name") << true
                               << u"id,created_at,deleted_at,group_id,oauth_application_id,"
                                  "oauth_application_name,status,type"_s;
}

void TestExportColumns::defaults()
{
    QFETCH(bool, withApplicationName);
    QFETCH(QString, expected);

    QStringList names;
    for (ExportColumn column : ExportColumns::defaults(withApplicationName))
        names.append(ExportColumns::name(column));
    QCOMPARE(names.join(u','), expected);

    // The default list written out parses back to itself.
    QString error;
    QCOMPARE(ExportColumns::parse(expected, &error).value_or(Columns{}),
             ExportColumns::defaults(withApplicationName));
}

void TestExportColumns::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Columns>("expected");

    QTest::newRow("one") << u"id"_s << Columns{ExportColumn::Id};
    QTest::newRow("order kept") << u"status,id"_s
                                << Columns{ExportColumn::Status, ExportColumn::Id};
    QTest::newRow("spaces trimmed")
        << u" id , oauth_application_name ,type "_s
        << Columns{ExportColumn::Id, ExportColumn::OAuthApplicationName, ExportColumn::Type};
}

void TestExportColumns::parse()
{
    QFETCH(QString, text);
    QFETCH(Columns, expected);

    QString error;
    const std::optional<Columns> columns = ExportColumns::parse(text, &error);
    QVERIFY2(columns, qPrintable(error));
    QCOMPARE(*columns, expected);
}

void TestExportColumns::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedError");

    const QString valid = u"valid columns: id, created_at, deleted_at, group_id, "
                          "oauth_application_id, oauth_application_name, status, type"_s;
    QTest::newRow("empty") << QString() << u"no columns given; "_s + valid;
    QTest::newRow("spaces only") << u"  "_s << u"no columns given; "_s + valid;
    QTest::newRow("unknown") << u"id,name"_s << u"unknown column 'name'; "_s + valid;
    QTest::newRow("case matters") << u"ID"_s << u"unknown column 'ID'; "_s + valid;
    QTest::newRow("duplicate") << u"id,status,id"_s << u"column 'id' is given twice"_s;
    QTest::newRow("empty item") << u"id,,status"_s
                                << u"empty column name in \"id,,status\"; "_s + valid;
    QTest::newRow("trailing comma") << u"id,"_s << u"empty column name in \"id,\"; "_s + valid;
}

void TestExportColumns::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedError);

    QString error;
    QVERIFY(!ExportColumns::parse(text, &error));
    QCOMPARE(error, expectedError);
}

void TestExportColumns::values_data()
{
    QTest::addColumn<ExportColumn>("column");
    QTest::addColumn<bool>("deleted");
    QTest::addColumn<bool>("named");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("isNull");

    QTest::newRow("id") << ExportColumn::Id << false << false << u"connection_1"_s << false;
    QTest::newRow("created_at") << ExportColumn::CreatedAt << false << false
                                << u"2024-01-01T00:00:00Z"_s << false;
    QTest::newRow("deleted_at null")
        << ExportColumn::DeletedAt << false << false << QString() << true;
    QTest::newRow("deleted_at set")
        << ExportColumn::DeletedAt << true << false << u"2024-02-02T00:00:00Z"_s << false;
    QTest::newRow("group_id") << ExportColumn::GroupId << false << false << u"group_1"_s << false;
    QTest::newRow("application id")
        << ExportColumn::OAuthApplicationId << false << false << u"application_1"_s << false;
    QTest::newRow("application name unknown")
        << ExportColumn::OAuthApplicationName << false << false << QString() << true;
    QTest::newRow("application name")
        << ExportColumn::OAuthApplicationName << false << true << u"My App"_s << false;
    QTest::newRow("status") << ExportColumn::Status << false << false << u"active"_s << false;
    QTest::newRow("type") << ExportColumn::Type << false << false << u"oauth_connection"_s << false;
}

void TestExportColumns::values()
{
    QFETCH(ExportColumn, column);
    QFETCH(bool, deleted);
    QFETCH(bool, named);
    QFETCH(QString, expected);
    QFETCH(bool, isNull);

    const OAuthConnection connection{u"connection_1"_s,
                                     u"2024-01-01T00:00:00Z"_s,
                                     deleted ? std::optional<QString>(u"2024-02-02T00:00:00Z"_s)
                                             : std::nullopt,
                                     u"group_1"_s,
                                     u"application_1"_s,
                                     u"active"_s,
                                     u"oauth_connection"_s};
    const std::optional<QString> name = named ? std::optional<QString>(u"My App"_s) : std::nullopt;

    const std::optional<QString> value = ExportColumns::value(column, connection, name);
    const std::optional<QStringView> cell = ExportColumns::cell(column, connection, name);

    QCOMPARE(!value, isNull);
    QCOMPARE(!cell, isNull);
    if (!isNull) {
        QCOMPARE(*value, expected);
        QCOMPARE(cell->toString(), expected);
    }
}

QTEST_GUILESS_MAIN(TestExportColumns)
#include "tst_exportcolumns.moc"
