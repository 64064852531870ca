// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// EnglishPlurals: the counted strings read as English for 0, 1 and many, and strings
// without a count are left to the source text.
#include "englishplurals.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEnglishPlurals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countedStrings_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << 0 << u"0 rows · 0 retries"_s;
        QTest::newRow("one") << 1 << u"1 row · 1 retry"_s;
        QTest::newRow("many") << 2500 << u"2,500 rows · 2,500 retries"_s;
    }

    void countedStrings()
    {
        QFETCH(int, n);
        QFETCH(QString, expected);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        EnglishPlurals plurals;
        QVERIFY(QCoreApplication::installTranslator(&plurals));
        QCOMPARE(QCoreApplication::translate("Test", "%Ln row(s) · %Ln retry(ies)", nullptr, n),
                 expected);
        QLocale::setDefault(QLocale::system());
    }

    void withoutTheTranslatorTheMarkersStay()
    {
        QCOMPARE(QCoreApplication::translate("Test", "%n row(s)", nullptr, 1), u"1 row(s)"_s);
    }

    void stringsWithoutACountAreLeftAlone()
    {
        EnglishPlurals plurals;
        QVERIFY(QCoreApplication::installTranslator(&plurals));
        QCOMPARE(QCoreApplication::translate("Test", "Pick file(s)"), u"Pick file(s)"_s);
        QVERIFY(plurals.translate("Test", "Pick file(s)").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEnglishPlurals)
#include "tst_englishplurals.moc"
