// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The application list: every page, active and deleted, with "All applications" first,
// and the names it lends to the connection table.
#include "applicationlistmodel.h"
#include "connectiontablemodel.h"
#include "localsandbox.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Tester = QAbstractItemModelTester;

namespace {

constexpr Tester::FailureReportingMode kReport = Tester::FailureReportingMode::QtTest;

bool load(ApplicationListModel &model)
{
    QSignalSpy loaded(&model, &ApplicationListModel::loaded);
    model.reload();
    return loaded.wait(10000);
}

} // namespace

class TestApplicationListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsEveryApplicationAfterAllApplications()
    {
        SandboxOptions options;
        options.tricky = true; // the names below exercise the awkward cases
        LocalSandbox sandbox(options);
        ApplicationListModel model(&sandbox.client());
        Tester tester(&model, kReport);
        QCOMPARE(model.rowCount(), 1); // "All applications" even before loading
        QVERIFY(!model.isLoaded());
        QVERIFY(load(model));
        QVERIFY(model.isLoaded());
        QCOMPARE(model.rowCount(), 9);

        const QModelIndex all = model.index(0);
        QCOMPARE(all.data().toString(), u"All applications"_s);
        QCOMPARE(all.data(ApplicationListModel::ApplicationIdRole).toString(), QString());
        QCOMPARE(model.rowOf(QString()), 0);

        // The sandbox's tricky names exercise the awkward cases (see sandboxnames.cpp).
        QStringList shown;
        for (int row = 1; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const QString id = index.data(ApplicationListModel::ApplicationIdRole).toString();
            QVERIFY(id.startsWith(u"application_"_s));
            QCOMPARE(index.data(Qt::ToolTipRole).toString(), id);
            QCOMPARE(model.rowOf(id), row);
            const QString status = index.data(ApplicationListModel::StatusRole).toString();
            QVERIFY(status == u"active"_s || status == u"deleted"_s);
            const QString text = index.data().toString();
            QCOMPARE(text.endsWith(u" (deleted)"_s), status == u"deleted"_s);
            QVERIFY(!text.contains(u'\n') && !text.contains(u'\r'));
            shown.append(text);
        }
        QCOMPARE(shown.at(0), u"Ian Crease's App"_s);
        QCOMPARE(shown.at(1), u"=cmd|' /C calc'!A0, \"Totally Safe\" Export"_s); // verbatim
        QCOMPARE(shown.at(2), u"(unnamed)"_s);
        QCOMPARE(shown.at(3), u"Archived Reconciler (deleted)"_s);
        QCOMPARE(shown.at(4), u"Café Zürich Treasury ☕"_s);
        QCOMPARE(shown.at(6), u"Multi-line Ledger"_s);

        const QString unnamed =
            model.index(3).data(ApplicationListModel::ApplicationIdRole).toString();
        QCOMPARE(model.nameOf(unnamed), std::nullopt);
        QCOMPARE(model.displayName(unnamed), u"(unnamed)"_s);
        const QString multiLine =
            model.index(7).data(ApplicationListModel::ApplicationIdRole).toString();
        QCOMPARE(model.nameOf(multiLine), std::optional<QString>(u"Multi-line\r\nLedger"_s));
        QCOMPARE(model.displayName(u"application_unknown"_s), u"application_unknown"_s);
        QCOMPARE(model.rowOf(u"application_unknown"_s), -1);
    }

    void followsEveryPage()
    {
        SandboxOptions options;
        options.applications = 250; // three pages of 100
        options.connections = 500;
        LocalSandbox sandbox(options);
        ApplicationListModel model(&sandbox.client());
        Tester tester(&model, kReport);
        QVERIFY(load(model));
        QCOMPARE(model.rowCount(), 251);
        QSet<QString> ids;
        for (int row = 1; row < model.rowCount(); ++row)
            ids.insert(model.index(row).data(ApplicationListModel::ApplicationIdRole).toString());
        QCOMPARE(ids.size(), 250);
    }

    void reportsAFailureAndKeepsTheList()
    {
        LocalSandbox sandbox({}, /*maxRetries*/ 0);
        ApplicationListModel model(&sandbox.client());
        Tester tester(&model, kReport);
        QVERIFY(load(model));
        sandbox.server().setFailRate(1.0);
        QSignalSpy failed(&model, &ApplicationListModel::loadFailed);
        model.reload();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).value<ApiError>().kind, ApiError::Kind::InternalServer);
        QCOMPARE(model.rowCount(), 9);
    }

    // The table shows ids until the names arrive, then names, and says which cells changed.
    void namesTheTablesApplications()
    {
        LocalSandbox sandbox;
        ApplicationListModel applications(&sandbox.client());
        ConnectionTableModel table(&sandbox.client());
        Tester tableTester(&table, kReport);
        table.setApplicationNames(&applications);
        QSignalSpy pages(&table, &ConnectionTableModel::pageLoaded);
        table.setQuery({});
        QVERIFY(pages.wait(10000));
        const QModelIndex cell = table.index(0, ConnectionTableModel::ApplicationColumn);
        const QString id = cell.data(ConnectionTableModel::ApiValueRole).toString();
        QCOMPARE(cell.data().toString(), id);

        // The tester keeps the table loading pages meanwhile: note the size when it changes.
        QList<QPair<QModelIndex, QModelIndex>> changes;
        int rowsWhenChanged = -1;
        connect(&table, &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    changes.append({topLeft, bottomRight});
                    rowsWhenChanged = table.rowCount();
                });
        QVERIFY(load(applications));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().first.row(), 0);
        QCOMPARE(changes.first().first.column(), int(ConnectionTableModel::ApplicationColumn));
        QCOMPARE(changes.first().second.column(), int(ConnectionTableModel::ApplicationColumn));
        QCOMPARE(changes.first().second.row(), rowsWhenChanged - 1);
        QCOMPARE(cell.data().toString(), applications.displayName(id));
        QVERIFY(cell.data().toString() != id);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), id);
    }
};

QTEST_GUILESS_MAIN(TestApplicationListModel)
#include "tst_applicationlistmodel.moc"
