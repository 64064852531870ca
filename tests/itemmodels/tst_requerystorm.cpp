// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Hundreds of filter changes while pages are in flight (server latency with jitter): the
// model resets once per change and ends holding exactly the final filter's rows.
#include "connectiontablemodel.h"
#include "localsandbox.h"
#include "requerystorm.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRequeryStorm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stormEndsWithTheFinalFiltersRows()
    {
        LocalSandbox sandbox;
        QVERIFY(sandbox.isListening());
        const QStringList applications = sandbox.applicationIds();
        QCOMPARE(applications.size(), 8);
        sandbox.server().setLatency(20, 20);

        ConnectionTableModel model(&sandbox.client());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy failures(&model, &ConnectionTableModel::fetchFailed);
        QSignalSpy pages(&model, &ConnectionTableModel::pageLoaded);
        int aborted = 0; // replies cut off in flight by a requery
        connect(&sandbox.client(), &IncreaseClient::exchange, this,
                [&](const RequestLogEntry &entry) {
                    if (entry.errorType == ApiError::typeName(ApiError::Kind::Cancelled))
                        ++aborted;
                });
        const InsertedSinceReset inserted(&model);

        RandomQueries queries(applications + QStringList{u"application_unknown0000000000000"_s});
        QRandomGenerator &rng = queries.rng();
        constexpr int kChanges = 300;
        int requeries = 0;
        ConnectionQuery last;
        for (int i = 0; i < kChanges; ++i) {
            const ConnectionQuery query = queries.next();
            if (rng.bounded(10) == 0 && i > 0) {
                model.refresh();
            } else {
                model.setQuery(query);
                last = query;
            }
            ++requeries;
            QCOMPARE(resets.count(), requeries);
            QCOMPARE(model.rowCount(), 0);
            switch (rng.bounded(5)) {
            case 0:
                break; // change again at once, before any reply
            case 1:
                QCoreApplication::processEvents();
                break;
            case 2:
                model.fetchMore({});
                QTest::qWait(int(rng.bounded(10)));
                break;
            case 3:
                model.loadAll();
                QTest::qWait(int(rng.bounded(60)));
                break;
            default:
                QTest::qWait(int(rng.bounded(100))); // often long enough for a page or two
                break;
            }
        }
        QCOMPARE(model.query(), last);
        qInfo("storm: %d requeries, %d replies aborted in flight, %d pages inserted meanwhile",
              requeries, aborted, int(pages.count()));
        QVERIFY(aborted > 0);

        model.loadAll();
        QVERIFY(waitUntil([&] { return !model.hasMore() && !model.isFetching(); }, 60000));
        QCOMPARE(failures.count(), 0);
        QCOMPARE(resets.count(), requeries);
        QCOMPARE(aboutToReset.count(), requeries);

        sandbox.server().setLatency(0, 0);
        const QList<OAuthConnection> expected = sandbox.listAll(last);
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(inserted.count(), int(expected.size()));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.connectionAt(row), expected.at(row));
    }
};

QTEST_GUILESS_MAIN(TestRequeryStorm)
#include "tst_requerystorm.moc"
