// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionchoice.h"
#include "environmentbadge.h"
#include "errorbanner.h"
#include "filtersummary.h"
#include "rowcopy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// The window's small parts on their own: no server needed.
class TestViewParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tsvFlattensTabsAndLineBreaks();
    void jsonKeepsNullAndAllSevenFields();
    void baseUrls_data();
    void baseUrls();
    void bannerShowsServerTextAsPlainText();
    void bannerOffersSetApiKeyForAnInvalidKey();
    void rateLimitCountsDown();
    void badgesAreDistinct();
    void summarySaysWhatIsShown_data();
    void summarySaysWhatIsShown();
};

void TestViewParts::tsvFlattensTabsAndLineBreaks()
{
    const QString tsv =
        RowCopy::tsv({u"id"_s, u"name"_s}, {{u"a"_s, u"x\ty"_s}, {u"b"_s, u"line\r\nbreak"_s}});
    QCOMPARE(tsv, u"id\tname\na\tx y\nb\tline  break\n"_s);
    QCOMPARE(RowCopy::tsv({}, {{u"a"_s}}), u"a\n"_s);
}

void TestViewParts::jsonKeepsNullAndAllSevenFields()
{
    OAuthConnection c{u"connection_1"_s,    u"2024-01-02T03:04:05Z"_s, std::nullopt,
                      u"group_1"_s,         u"application_1"_s,        u"active"_s,
                      u"oauth_connection"_s};
    const QJsonArray array = QJsonDocument::fromJson(RowCopy::jsonArray({c})).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject o = array.at(0).toObject();
    QCOMPARE(o.size(), 7);
    QVERIFY(o.value(u"deleted_at"_s).isNull());
    QCOMPARE(o.value(u"oauth_application_id"_s).toString(), u"application_1"_s);
    QCOMPARE(o.value(u"created_at"_s).toString(), u"2024-01-02T03:04:05Z"_s);
}

void TestViewParts::baseUrls_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QUrl>("custom");
    QTest::addColumn<QUrl>("expected");
    QTest::addColumn<QString>("name");
    QTest::newRow("production") << u"production"_s << QUrl() << QUrl(u"https://api.increase.com"_s)
                                << u"Production"_s;
    QTest::newRow("sandbox") << u"sandbox"_s << QUrl() << QUrl(u"https://sandbox.increase.com"_s)
                             << u"Increase sandbox"_s;
    QTest::newRow("local") << u"local"_s << QUrl() << QUrl() << u"Local sandbox — demo data"_s;
    QTest::newRow("custom") << u"custom"_s << QUrl(u"https://proxy.example.com:8443"_s)
                            << QUrl(u"https://proxy.example.com:8443"_s) << u"proxy.example.com"_s;
}

void TestViewParts::baseUrls()
{
    QFETCH(QString, environment);
    QFETCH(QUrl, custom);
    QFETCH(QUrl, expected);
    QFETCH(QString, name);
    const ConnectionChoice choice{environment, custom};
    QCOMPARE(baseUrlFor(choice), expected);
    QCOMPARE(displayName(choice), name);
}

void TestViewParts::bannerShowsServerTextAsPlainText()
{
    ErrorBanner banner;
    ApiError error = ApiError::make(ApiError::Kind::ObjectNotFound, u"<b>Not found</b>"_s,
                                    u"<img src=x> no such thing"_s);
    error.type = u"object_not_found_error"_s;
    error.httpStatus = 404;
    banner.showError(error);
    QVERIFY(!banner.isHidden());
    QCOMPARE(banner.title(), u"<b>Not found</b>"_s);
    QVERIFY(banner.detail().contains(u"object_not_found_error"_s));
    QVERIFY(banner.detail().contains(u"404"_s));
    const QList<QLabel *> labels = banner.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

void TestViewParts::bannerOffersSetApiKeyForAnInvalidKey()
{
    ErrorBanner banner;
    banner.show();
    ApiError error = ApiError::make(ApiError::Kind::InvalidApiKey, u"Invalid API key"_s);
    error.type = u"invalid_api_key_error"_s;
    banner.showError(error);
    QPushButton *setKey = nullptr;
    for (QPushButton *button : banner.findChildren<QPushButton *>()) {
        if (button->text() == u"Set API key…"_s)
            setKey = button;
    }
    QVERIFY(setKey && setKey->isVisible());
    QSignalSpy asked(&banner, &ErrorBanner::setApiKeyRequested);
    QTest::mouseClick(setKey, Qt::LeftButton);
    QCOMPARE(asked.count(), 1);
}

void TestViewParts::rateLimitCountsDown()
{
    ErrorBanner banner;
    banner.showRateLimit(2500);
    QCOMPARE(banner.title(), u"Rate limited — retrying in 3 s"_s);
    QTRY_COMPARE_WITH_TIMEOUT(banner.title(), u"Rate limited — retrying in 2 s"_s, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(banner.title(), u"Rate limited — retrying now…"_s, 4000);
}

void TestViewParts::badgesAreDistinct()
{
    EnvironmentBadge production;
    production.setChoice({u"production"_s, {}}, QUrl(u"https://api.increase.com"_s));
    EnvironmentBadge local;
    local.setChoice({u"local"_s, {}}, QUrl(u"http://127.0.0.1:4010"_s));
    QCOMPARE(production.text(), u"PRODUCTION"_s);
    QCOMPARE(local.text(), u"Local sandbox — demo data"_s);
    QVERIFY(production.styleSheet() != local.styleSheet());
    QVERIFY(production.accessibleName().contains(u"Production"_s));
}

void TestViewParts::summarySaysWhatIsShown_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QString>("applicationId");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("sortedBy");
    QTest::addColumn<bool>("allLoaded");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << QStringList() << QString() << QString() << QString() << false
                             << u"Showing: active connections · all applications · API order "
                                u"(newest first)"_s;
    QTest::newRow("inactive, id only")
        << QStringList{u"inactive"_s} << u"application_1"_s << QString() << QString() << false
        << u"Showing: inactive connections · application application_1 · API order (newest "
           u"first)"_s;
    QTest::newRow("both, named, all loaded")
        << QStringList{u"active"_s, u"inactive"_s} << u"application_1"_s << u"Payroll"_s
        << QString() << true
        << u"Showing: active and inactive connections · application Payroll (application_1) · "
           u"API order (newest first) — click a column header to sort"_s;
    QTest::newRow("sorted") << QStringList{u"active"_s} << QString() << QString() << u"Created"_s
                            << true
                            << u"Showing: active connections · all applications · sorted by "
                               u"Created, ascending"_s;
}

void TestViewParts::summarySaysWhatIsShown()
{
    QFETCH(QStringList, statuses);
    QFETCH(QString, applicationId);
    QFETCH(QString, name);
    QFETCH(QString, sortedBy);
    QFETCH(bool, allLoaded);
    QFETCH(QString, expected);
    const std::optional<QString> applicationName =
        name.isEmpty() ? std::nullopt : std::optional<QString>(name);
    QCOMPARE(FilterSummary::describe({statuses, applicationId}, applicationName,
                                     {sortedBy, true, allLoaded}),
             expected);
}

QTEST_MAIN(TestViewParts)
#include "tst_viewparts.moc"
