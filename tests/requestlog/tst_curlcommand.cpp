// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// "Copy as curl": single-quote escaping of every part, the key only as $INCREASE_API_KEY,
// and the words a shell really passes to curl (checked by running the command in bash
// with curl replaced by a function that prints its arguments).
#include "curlcommand.h"
#include "requestlogfixtures.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using RequestLogFixtures::entry;

namespace {

const QString kKey = u"ic_test_key_SECRET_4321"_s;

// The arguments bash hands to `curl` when it runs `command`, NUL-separated.
QStringList argumentsOf(const QString &command, const QString &key, QString *error)
{
    QProcess bash;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"INCREASE_API_KEY"_s, key);
    bash.setProcessEnvironment(environment);
    bash.start(u"bash"_s, {u"-c"_s, u"curl() { printf '%s\\0' \"$@\"; }; "_s + command});
    if (!bash.waitForFinished(10000) || bash.exitCode() != 0) {
        *error = QString::fromUtf8(bash.readAllStandardError());
        return {};
    }
    QStringList words = QString::fromUtf8(bash.readAllStandardOutput()).split(QChar(0));
    words.removeLast(); // after the last NUL
    return words;
}

} // namespace

class TestCurlCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotesOneWord_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("empty") << QString() << u"''"_s;
        QTest::newRow("plain") << u"abc"_s << u"'abc'"_s;
        QTest::newRow("space") << u"a b"_s << u"'a b'"_s;
        QTest::newRow("quote") << u"it's"_s << u"'it'\\''s'"_s;
        QTest::newRow("only quotes") << u"''"_s << u"''\\'''\\'''"_s;
        QTest::newRow("shell syntax") << u"$HOME `id` \\ \" ; |"_s << u"'$HOME `id` \\ \" ; |'"_s;
    }

    void quotesOneWord()
    {
        QFETCH(QString, text);
        QFETCH(QString, quoted);
        QCOMPARE(shellQuoted(text), quoted);
    }

    void readsLikeTheRequest()
    {
        const RequestLogEntry e = entry(7);
        QCOMPARE(curlCommand(e),
                 u"curl -sS --globoff -H 'Accept: application/json'"
                 " -H 'User-Agent: IncreaseConnections/0.1.0 Qt/6.4.2'"
                 " -H \"Authorization: Bearer $INCREASE_API_KEY\""
                 " 'http://127.0.0.1:4010/oauth_connections?limit=100&cursor=c7'"_s);
    }

    void neverHoldsTheKey()
    {
        RequestLogEntry e = entry(7);
        e.keyHint = kKey.right(4);
        // Even if an Authorization value other than the redacted one reached the log
        e.requestHeaders.last().second = "Bearer " + kKey.toUtf8();
        const QString command = curlCommand(e);
        QVERIFY(command.contains(u"\"Authorization: Bearer $INCREASE_API_KEY\""_s));
        QVERIFY(!command.contains(kKey));
        QVERIFY(!command.contains(kKey.right(4)));
        QCOMPARE(command.count(u"Authorization"_s), 1);

        e.requestHeaders.clear(); // always authorised, even from a bare entry
        QVERIFY(curlCommand(e).contains(u"\"Authorization: Bearer $INCREASE_API_KEY\""_s));
    }

    void shellPassesEveryPartVerbatim()
    {
        if (QStandardPaths::findExecutable(u"bash"_s).isEmpty())
            QSKIP("bash is not installed");
        // A cursor with quotes, spaces, brackets and shell syntax; a header with a quote
        RequestLogEntry e = entry(7);
        QUrl url(u"http://127.0.0.1:4010/oauth_connections"_s);
        QUrlQuery query;
        query.addQueryItem(u"cursor"_s, u"it's a [test] {x} $HOME `id` \"q\""_s);
        query.addQueryItem(u"limit"_s, u"100"_s);
        url.setQuery(query);
        e.url = url;
        e.requestHeaders[1].second = "Increase Connections' \"probe\" $USER";
        e.method = "HEAD";

        QString error;
        const QStringList words = argumentsOf(curlCommand(e), kKey, &error);
        QVERIFY2(!words.isEmpty(), qPrintable(error));
        const QStringList expected{
            u"-sS"_s,
            u"--globoff"_s,
            u"-X"_s,
            u"HEAD"_s,
            u"-H"_s,
            u"Accept: application/json"_s,
            u"-H"_s,
            u"User-Agent: Increase Connections' \"probe\" $USER"_s,
            u"-H"_s,
            u"Authorization: Bearer "_s + kKey, // from the environment, not the text
            QString::fromLatin1(url.toEncoded()),
        };
        QCOMPARE(words, expected);
        QCOMPARE(QUrlQuery(QUrl::fromEncoded(words.last().toLatin1()))
                     .queryItemValue(u"cursor"_s, QUrl::FullyDecoded),
                 u"it's a [test] {x} $HOME `id` \"q\""_s);
    }
};

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
