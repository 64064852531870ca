// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The detail pane's History against the in-process sandbox: created then deactivated for
// an inactive connection, created only for an active one, a failing events endpoint shown
// in place under the fields with Retry, and a quick change of row showing only the last
// connection's history.
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "detailpane.h"
#include "directget.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "historysection.h"
#include "instanttext.h"
#include "windowfixture.h"

#include <QComboBox>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

void clickRow(ConnectionTableView *table, int row)
{
    const QModelIndex index = table->model()->index(row, 0);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
}

// A field of the pane by its accessible name: what a screen reader reads.
QLabel *field(DetailPane *detail, const QString &name)
{
    for (QLabel *label : detail->findChildren<QLabel *>()) {
        if (label->accessibleName() == name)
            return label;
    }
    return nullptr;
}

} // namespace

class TestDetailHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void inactiveShowsCreatedThenDeactivated();
    void activeShowsOnlyCreated();
    void failingEventsShowInPlaceAndRetry();
    void aQuickChangeShowsOnlyTheLastHistory();

private:
    // The pane's lines for `id`, from the sandbox's events read straight over HTTP.
    QStringList expectedLines(const QString &id);
    void showInactive(MainWindow &window);

    std::unique_ptr<WindowFixture> m_fixture;
};

void TestDetailHistory::init()
{
    m_fixture = std::make_unique<WindowFixture>();
    QVERIFY(m_fixture->isReady());
}

void TestDetailHistory::cleanup()
{
    m_fixture.reset();
}

QStringList TestDetailHistory::expectedLines(const QString &id)
{
    QNetworkAccessManager network;
    QUrl url = m_fixture->sandbox().baseUrl();
    url.setPath(u"/events"_s);
    url.setQuery(QUrlQuery{{u"associated_object_id"_s, id}});
    QString error;
    const std::optional<QByteArray> body =
        directGet(network, url, QString::fromLatin1(WindowFixture::kApiKey), &error);
    if (!body) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    QStringList lines;
    const QJsonArray data = QJsonDocument::fromJson(*body).object().value(u"data"_s).toArray();
    for (const QJsonValue &value : data) {
        const QJsonObject event = value.toObject();
        const QString category = event.value(u"category"_s).toString();
        const QString what = category == u"oauth_connection.created"_s       ? u"Created"_s
                             : category == u"oauth_connection.deactivated"_s ? u"Deactivated"_s
                                                                             : category;
        lines.append(what + u": "_s +
                     InstantText::utcAndLocal(event.value(u"created_at"_s).toString()) + u'\n' +
                     event.value(u"id"_s).toString());
    }
    return lines;
}

void TestDetailHistory::showInactive(MainWindow &window)
{
    ConnectionTableModel *model = tableModel(window);
    window.filterBar()->statusCombo()->setFocus();
    QTest::keyClick(window.filterBar()->statusCombo(), Qt::Key_Down);
    QVERIFY(waitUntil([&] {
        return model->query().statuses == QStringList{u"inactive"_s} && model->rowCount() > 0 &&
               !model->isFetching();
    }));
}

void TestDetailHistory::inactiveShowsCreatedThenDeactivated()
{
    auto window = m_fixture->openWindow();
    showInactive(*window);
    ConnectionTableModel *model = tableModel(*window);
    const OAuthConnection connection = model->connectionAt(2);
    QVERIFY(connection.deletedAt);
    clickRow(window->tableView(), 2);
    HistorySection *history = window->detailPane()->history();
    QVERIFY(waitUntil([&] { return history->eventTexts().size() == 2; }));

    const QStringList lines = history->eventTexts();
    QCOMPARE(lines, expectedLines(connection.id));
    QVERIFY2(lines[0].startsWith(u"Created: "_s + InstantText::utcAndLocal(connection.createdAt)),
             qPrintable(lines[0]));
    QVERIFY2(
        lines[1].startsWith(u"Deactivated: "_s + InstantText::utcAndLocal(*connection.deletedAt)),
        qPrintable(lines[1]));
    QVERIFY(lines[0].section(u'\n', -1).startsWith(u"event_"_s));
    QVERIFY(history->stateText().isEmpty());
    QVERIFY(history->isVisible());

    QLabel *deactivated = field(window->detailPane(), u"Deactivated event"_s);
    QVERIFY(deactivated);
    QVERIFY(deactivated->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
}

void TestDetailHistory::activeShowsOnlyCreated()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    const OAuthConnection connection = model->connectionAt(4);
    QVERIFY(!connection.deletedAt);
    clickRow(window->tableView(), 4);
    HistorySection *history = window->detailPane()->history();
    QVERIFY(waitUntil([&] { return !history->eventTexts().isEmpty(); }));
    QTest::qWait(50);
    const QStringList lines = history->eventTexts();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines, expectedLines(connection.id));
    QVERIFY(lines[0].startsWith(u"Created: "_s + InstantText::utcAndLocal(connection.createdAt)));
}

void TestDetailHistory::failingEventsShowInPlaceAndRetry()
{
    auto window = m_fixture->openWindow();
    showInactive(*window);
    ConnectionTableModel *model = tableModel(*window);
    const QString id = model->connectionAt(1).id;
    DetailPane *detail = window->detailPane();
    // Every request fails from the moment the connection itself has arrived: only the
    // events are refused.
    QObject::connect(detail, &DetailPane::retrieved, &m_fixture->sandbox(),
                     [this] { m_fixture->sandbox().setFailRate(1); });
    clickRow(window->tableView(), 1);
    HistorySection *history = detail->history();
    QVERIFY(waitUntil([&] { return history->retryButton()->isVisible(); }));
    QVERIFY2(history->stateText().startsWith(u"Could not load the history: "_s),
             qPrintable(history->stateText()));
    QVERIFY2(history->stateText().contains(u"500"_s), qPrintable(history->stateText()));
    QVERIFY(history->eventTexts().isEmpty());
    // The fields stay.
    QCOMPARE(detail->shownId(), id);
    QVERIFY(detail->stateText().isEmpty());
    QLabel *idField = field(detail, u"ID"_s);
    QVERIFY(idField && idField->isVisible());
    QCOMPARE(idField->text(), id);
    QVERIFY(detail->banner()->isHidden());

    m_fixture->sandbox().setFailRate(0);
    QTest::mouseClick(history->retryButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return history->eventTexts().size() == 2; }));
    QCOMPARE(history->eventTexts(), expectedLines(id));
    QVERIFY(history->retryButton()->isHidden());
    QVERIFY(history->stateText().isEmpty());
}

void TestDetailHistory::aQuickChangeShowsOnlyTheLastHistory()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    const QString first = model->connectionAt(1).id;
    const QString last = model->connectionAt(2).id;
    const QHash<QString, QStringList> expected{{first, expectedLines(first)},
                                               {last, expectedLines(last)}};
    QCOMPARE(expected[last].size(), 1);
    QVERIFY(expected[first] != expected[last]);
    DetailPane *detail = window->detailPane();
    HistorySection *history = detail->history();
    m_fixture->sandbox().setLatency(400, 0);
    clickRow(window->tableView(), 1);
    QVERIFY(waitUntil([&] { return detail->shownId() == first && history->isLoading(); }));
    const qint64 served = m_fixture->sandbox().requestsServed();
    clickRow(window->tableView(), 2);
    QVERIFY(waitUntil([&] { return detail->requestedId() == last; }));
    // The change came while the first connection's events were still on their way.
    QCOMPARE(m_fixture->sandbox().requestsServed(), served);

    // Watched all along: what History lists is always the shown connection's own.
    QStringList wrong;
    const auto shownLast = [&] {
        const QStringList lines = history->eventTexts();
        if (!lines.isEmpty() && lines != expected.value(detail->shownId()))
            wrong = lines;
        return detail->shownId() == last && lines == expected[last];
    };
    QVERIFY(waitUntil(shownLast));
    QVERIFY(!waitUntil([&] { return !shownLast(); }, 1000));
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u" | "_s)));
}

QTEST_MAIN(TestDetailHistory)
#include "tst_detailhistory.moc"
