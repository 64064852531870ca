// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The one notice above the table: who posted it, what its buttons do, and when the banner
// has to be redrawn. Synchronous throughout, so no event loop is needed.
#include "noticeboard.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Notice titled(const QString &title, Notice::Actions actions = Notice::Dismiss)
{
    Notice notice;
    notice.title = title;
    notice.actions = actions;
    return notice;
}

} // namespace

class TestNoticeBoard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void postShowsTheNoticeUnderItsPoster()
    {
        NoticeBoard board;
        QObject poster;
        QObject other;
        QSignalSpy changed(&board, &NoticeBoard::changed);
        QVERIFY(!board.current());

        board.post(&poster, titled(u"No API key"_s, Notice::SetApiKey | Notice::Dismiss));

        QCOMPARE(changed.count(), 1);
        QVERIFY(board.current());
        QCOMPARE(board.current()->title, u"No API key"_s);
        QCOMPARE(board.current()->actions, Notice::SetApiKey | Notice::Dismiss);
        QVERIFY(board.isFrom(&poster));
        QVERIFY(!board.isFrom(&other));
        QVERIFY(!board.isFrom(nullptr));
    }

    void postReplacesTheNoticeShown()
    {
        NoticeBoard board;
        QObject first;
        QObject second;
        QSignalSpy changed(&board, &NoticeBoard::changed);
        board.post(&first, titled(u"one"_s));

        // When another poster speaks, the banner shows it and the first loses its claim.
        board.post(&second, titled(u"two"_s));

        QCOMPARE(changed.count(), 2);
        QCOMPARE(board.current()->title, u"two"_s);
        QVERIFY(board.isFrom(&second));
        QVERIFY(!board.isFrom(&first));
        board.clearFrom(&first);
        QVERIFY(board.current());
        QCOMPARE(changed.count(), 2);
    }

    void clearSignalsOnlyWhenANoticeGoes()
    {
        NoticeBoard board;
        QObject poster;
        QSignalSpy changed(&board, &NoticeBoard::changed);

        // Given nothing shown, clearing redraws nothing.
        board.clear();
        QCOMPARE(changed.count(), 0);

        board.post(&poster, titled(u"shown"_s));
        board.clear();
        QCOMPARE(changed.count(), 2);
        QVERIFY(!board.current());
        QVERIFY(!board.isFrom(&poster));

        board.clear();
        QCOMPARE(changed.count(), 2);
    }

    void clearFromTakesBackOnlyItsOwnNotice()
    {
        NoticeBoard board;
        QObject poster;
        QObject other;
        board.post(&poster, titled(u"mine"_s));
        QSignalSpy changed(&board, &NoticeBoard::changed);

        board.clearFrom(&other);
        QVERIFY(board.current());
        QCOMPARE(changed.count(), 0);

        board.clearFrom(&poster);
        QVERIFY(!board.current());
        QCOMPARE(changed.count(), 1);

        // Nothing left: a second take-back is silent.
        board.clearFrom(&poster);
        QCOMPARE(changed.count(), 1);
    }

    void retryClearsThenRunsThePostersAction()
    {
        NoticeBoard board;
        QObject poster;
        int retries = 0;
        int cancels = 0;
        bool shownDuringAction = true;
        board.post(
            &poster, titled(u"failed"_s, Notice::Retry | Notice::Dismiss),
            [&] {
                ++retries;
                shownDuringAction = board.current().has_value();
            },
            [&] { ++cancels; });
        QSignalSpy changed(&board, &NoticeBoard::changed);

        board.retry();

        QCOMPARE(retries, 1);
        QCOMPARE(cancels, 0);
        // The action already sees an empty board, so what it posts is not wiped after it.
        QVERIFY(!shownDuringAction);
        QVERIFY(!board.current());
        QCOMPARE(changed.count(), 1);

        // The action went with its notice: a second press does nothing.
        board.retry();
        QCOMPARE(retries, 1);
        QCOMPARE(changed.count(), 1);
    }

    void aRetryThatFailsAgainLeavesItsNewNotice()
    {
        NoticeBoard board;
        QObject poster;
        int retries = 0;
        std::function<void()> retry;
        retry = [&] {
            ++retries;
            board.post(&poster, titled(u"failed again"_s, Notice::Retry), retry);
        };
        board.post(&poster, titled(u"failed"_s, Notice::Retry), retry);
        QSignalSpy changed(&board, &NoticeBoard::changed);

        board.retry();

        QCOMPARE(retries, 1);
        QVERIFY(board.current());
        QCOMPARE(board.current()->title, u"failed again"_s);
        QVERIFY(board.isFrom(&poster));
        QCOMPARE(changed.count(), 2); // cleared, then the new notice
        // The new notice brought its own action along.
        board.retry();
        QCOMPARE(retries, 2);
    }

    void cancelClearsThenRunsTheCancelAction()
    {
        NoticeBoard board;
        QObject poster;
        int retries = 0;
        int cancels = 0;
        bool shownDuringAction = true;
        board.post(
            &poster, titled(u"rate limited"_s, Notice::Cancel | Notice::Dismiss),
            [&] { ++retries; },
            [&] {
                ++cancels;
                shownDuringAction = board.current().has_value();
            });
        QSignalSpy changed(&board, &NoticeBoard::changed);

        board.cancel();

        QCOMPARE(cancels, 1);
        QCOMPARE(retries, 0);
        QVERIFY(!shownDuringAction);
        QVERIFY(!board.current());
        QCOMPARE(changed.count(), 1);
        board.cancel();
        QCOMPARE(cancels, 1);
    }

    void aCancelThatPostsLeavesItsNewNotice()
    {
        NoticeBoard board;
        QObject poster;
        board.post(&poster, titled(u"waiting"_s, Notice::Cancel), {},
                   [&] { board.post(&poster, titled(u"stopped"_s)); });
        QSignalSpy changed(&board, &NoticeBoard::changed);

        board.cancel();

        QVERIFY(board.current());
        QCOMPARE(board.current()->title, u"stopped"_s);
        QCOMPARE(changed.count(), 2);
    }

    void aNoticeGoneTakesItsActionsAlong()
    {
        NoticeBoard board;
        QObject first;
        QObject second;
        int firstRetries = 0;
        int firstCancels = 0;

        // Given a notice replaced by one without actions, its buttons do not reach the old.
        board.post(
            &first, titled(u"one"_s, Notice::Retry), [&] { ++firstRetries; },
            [&] { ++firstCancels; });
        board.post(&second, titled(u"two"_s));
        board.retry();
        QCOMPARE(firstRetries, 0);
        QVERIFY(!board.current()); // Retry still clears: the banner closes on any button

        // Given a notice dismissed, a late Retry or Cancel runs nothing.
        board.post(
            &first, titled(u"one"_s, Notice::Retry), [&] { ++firstRetries; },
            [&] { ++firstCancels; });
        board.clear();
        board.retry();
        board.cancel();
        QCOMPARE(firstRetries, 0);
        QCOMPARE(firstCancels, 0);

        // Given a notice taken back by its poster, likewise.
        board.post(&first, titled(u"one"_s, Notice::Retry), [&] { ++firstRetries; });
        board.clearFrom(&first);
        board.retry();
        QCOMPARE(firstRetries, 0);
    }
};

QTEST_GUILESS_MAIN(TestNoticeBoard)
#include "tst_noticeboard.moc"
