// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// CursorPeek: the cheap read of next_cursor that lets the walker ask for the next page
// before parsing. Whatever it cannot read plainly is nullopt (the parse decides).
#include "cursorpeek.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestCursorPeek : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void peek_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected"); // "<none>": nullopt

        const QString none = u"<none>"_s;
        QTest::newRow("plain") << QByteArray(
                                      "{\"data\":[{\"id\":\"a\"}],\"next_cursor\":\"abc123\"}")
                               << u"abc123"_s;
        QTest::newRow("spaces") << QByteArray("{\"data\":[],\n \"next_cursor\" :\t\"c=1\"\n}")
                                << u"c=1"_s;
        QTest::newRow("null") << QByteArray("{\"data\":[],\"next_cursor\":null}") << none;
        QTest::newRow("missing") << QByteArray("{\"data\":[]}") << none;
        QTest::newRow("empty") << QByteArray("{\"data\":[],\"next_cursor\":\"\"}") << none;
        QTest::newRow("escaped") << QByteArray("{\"data\":[],\"next_cursor\":\"a\\/b\"}") << none;
        // The full parse decides these: UTF-8 would need checking, and a decoder may drop
        // a leading U+FEFF that the parse keeps.
        QTest::newRow("non-ASCII")
            << QByteArray("{\"data\":[],\"next_cursor\":\"c\xc3\xa9\"}") << none;
        QTest::newRow("leading U+FEFF") << QByteArray("{\"data\":[],\"next_cursor\":\"\xef\xbb\xbf"
                                                      "abc\"}")
                                        << none;
        QTest::newRow("cut off") << QByteArray("{\"data\":[],\"next_cursor\":\"abc") << none;
        QTest::newRow("not a string") << QByteArray("{\"data\":[],\"next_cursor\":12}") << none;
        // A row's own field of that name, after the top-level one: a wrong guess the
        // walker's parse catches; the peek reads the last one.
        QTest::newRow("last occurrence")
            << QByteArray("{\"next_cursor\":\"top\",\"data\":[{\"next_cursor\":\"row\"}]}")
            << u"row"_s;
    }

    void peek()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const std::optional<QString> cursor = CursorPeek::nextCursor(body);
        QCOMPARE(cursor.value_or(u"<none>"_s), expected);
    }
};

QTEST_GUILESS_MAIN(TestCursorPeek)
#include "tst_cursorpeek.moc"
