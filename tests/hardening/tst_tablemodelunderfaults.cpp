// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The connection table while filters change under the soak's faults (5 % 500s, 5 % bodies
// cut mid-way, a 20 req/s server limit): retries of a stale query must never add rows, and
// the model ends holding exactly the final filter's rows, in order, once each.
#include "connectiontablemodel.h"
#include "localsandbox.h"
#include "requerystorm.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTableModelUnderFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filterChangesUnderFaultsEndWithTheFinalFiltersRows()
    {
        SandboxOptions options;
        options.connections = 8000;
        // Export-sized budget: at 10 % faults a page failing three times running would
        // otherwise pause the table about once in a thousand pages.
        LocalSandbox sandbox(options, 5);
        QVERIFY(sandbox.isListening());
        const QStringList applications = sandbox.applicationIds();
        QCOMPARE(applications.size(), 8);
        sandbox.server().setLatency(5, 15);
        sandbox.server().setFailRate(0.05);
        sandbox.server().setDropRate(0.05);
        sandbox.server().setRateLimit(20);

        ConnectionTableModel model(&sandbox.client());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy failures(&model, &ConnectionTableModel::fetchFailed);
        QSignalSpy retries(&model, &ConnectionTableModel::retryScheduled);
        int rateLimited = 0;
        int serverErrors = 0;
        int drops = 0;
        connect(&sandbox.client(), &IncreaseClient::exchange, this,
                [&](const RequestLogEntry &entry) {
                    if (entry.httpStatus == 429)
                        ++rateLimited;
                    else if (entry.httpStatus == 500)
                        ++serverErrors;
                    else if (entry.errorType == ApiError::typeName(ApiError::Kind::Network))
                        ++drops;
                });
        const InsertedSinceReset inserted(&model);

        RandomQueries queries(applications);
        QRandomGenerator &rng = queries.rng();
        constexpr int kChanges = 150;
        ConnectionQuery last;
        for (int i = 0; i < kChanges; ++i) {
            last = queries.next();
            model.setQuery(last);
            QCOMPARE(resets.count(), i + 1);
            QCOMPARE(model.rowCount(), 0);
            switch (rng.bounded(4)) {
            case 0:
                break;
            case 1:
                model.fetchMore({});
                QTest::qWait(int(rng.bounded(30)));
                break;
            case 2:
                model.loadAll();
                QTest::qWait(int(rng.bounded(150)));
                break;
            default:
                QTest::qWait(int(rng.bounded(100)));
                if (model.canFetchMore({}))
                    model.fetchMore({});
                QTest::qWait(int(rng.bounded(50)));
                break;
            }
        }
        // The widest filter last, so Load All runs through every fault for many pages.
        last = ConnectionQuery{{u"active"_s, u"inactive"_s}, QString()};
        model.setQuery(last);
        model.loadAll();
        QVERIFY(waitUntil([&] { return !model.hasMore() && !model.isFetching(); }, 60000));
        qInfo("%d 429s, %d 500s, %d cut bodies, %d retries scheduled for the live query",
              rateLimited, serverErrors, drops, int(retries.count()));
        QCOMPARE(failures.count(), 0);
        QCOMPARE(resets.count(), kChanges + 1);
        QVERIFY(rateLimited > 0);
        QVERIFY(serverErrors + drops > 0);

        sandbox.server().setFailRate(0);
        sandbox.server().setDropRate(0);
        sandbox.server().setRateLimit(0);
        sandbox.server().setLatency(0, 0);
        const QList<OAuthConnection> expected = sandbox.listAll(last);
        QCOMPARE(expected.size(), 8000);
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(inserted.count(), int(expected.size()));
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.connectionAt(row), expected.at(row));
            ids.insert(model.connectionAt(row).id);
        }
        QCOMPARE(ids.size(), expected.size());
        QVERIFY(model.isSortable());
    }
};

QTEST_GUILESS_MAIN(TestTableModelUnderFaults)
#include "tst_tablemodelunderfaults.moc"
