// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowfixture.h"

#include "applicationlistmodel.h"
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "errorbanner.h"
#include "increaseclient.h"
#include "loadstatus.h"
#include "requestlogdetail.h"
#include "requestlogdock.h"
#include "requestlogfiltermodel.h"
#include "requestlogmodel.h"
#include "requestlogtable.h"
#include "sandboxfaultsdialog.h"
#include "sessionfigures.h"
#include "sessionstats.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QMenuBar>
#include <QProxyStyle>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStyleFactory>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

// The request log dock, the session figures, "Show in request log", the 429 countdown and
// Developer → Sandbox faults…, driven through the real window against the sandbox.
class TestRequestLogDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oneRowPerExchange();
    void failuresOnlyShowsOnlyFailures();
    void bannerOpensTheLogOnTheFailures();
    void detailShowsTheKeyHintAndCurlHoldsNoKey();
    void saveHarWritesAValidFileWithoutTheKey();
    void saveHarFailureIsShownOnce();
    void clearEmptiesTheLogAndTheFigures();
    void rateLimitCountdownAppearsInTheBanner();
    void rateLimitDuringLoadAllCanBeCancelled();
    void sessionFiguresFollowTheRequests();
    void logFollowsTheClientAcrossReconnects();
    void dockLayoutIsRemembered();
    void rowsAreOneLineHighAtAnyFont();
    void pathIsElidedInTheMiddle();
    void pathReadsDecodedButTooltipAndCurlHoldTheUrlAsSent();
    void headersFitBesideTheDetail_data();
    void headersFitBesideTheDetail();
    void sandboxFaultsOnlyForTheLocalSandbox();
    void sandboxFaultsDialogChangesTheFailRate();
    void sandboxFaultsDialogChurnsTheSandbox();

private:
    std::unique_ptr<WindowFixture> m_fixture;
};

namespace {

const QString kKey = QString::fromLatin1(WindowFixture::kApiKey);
const QString kHint = QString::fromLatin1(WindowFixture::kApiKeyHint);

RequestLogDock *openDock(MainWindow &window)
{
    RequestLogDock *dock = window.requestLogDock();
    if (dock->isHidden())
        dock->toggleViewAction()->trigger();
    return dock;
}

// Nothing in flight and the application names in: the log has every exchange so far.
bool settle(MainWindow &window)
{
    return waitUntil([&] {
        const ConnectionSession *session = window.session();
        return session && session->client()->inFlight() == 0 &&
               session->applications()->isLoaded() && !session->connections()->isFetching();
    });
}

void clickRow(QTableView *table, int row)
{
    const QModelIndex index = table->model()->index(row, 0);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
}

QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    const QList<QPushButton *> buttons = parent->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}

RequestLogEntry entryAt(const QAbstractItemModel *model, int row)
{
    return model->index(row, 0).data(RequestLogModel::EntryRole).value<RequestLogEntry>();
}

// Logs a copy of the dock's first exchange sent to `pathAndQuery` (percent-encoded, as the
// client sends it) instead, as the newest row; returns its URL.
QUrl logExchangeTo(RequestLogDock *dock, const QByteArray &pathAndQuery)
{
    RequestLogEntry e = dock->model()->entry(0);
    e.url = QUrl::fromEncoded(e.url.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery) + pathAndQuery);
    dock->model()->append(e);
    return e.url;
}

// Keeps the style option of every cell a view draws: what the delegate asked for.
class RecordingStyle : public QProxyStyle
{
public:
    RecordingStyle()
        : QProxyStyle(QStyleFactory::create(QApplication::style()->name()))
    {}

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override
    {
        if (const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option);
            item && element == CE_ItemViewItem)
            drawn.append(*item);
        QProxyStyle::drawControl(element, option, painter, widget);
    }

    mutable QList<QStyleOptionViewItem> drawn;
};

// The text a cell shows: its text cut to the room inside the cell's margins.
QString shownText(const QStyleOptionViewItem &option, const QWidget *view)
{
    const QStyle *style = view->style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    const int room = style->subElementRect(QStyle::SE_ItemViewItemText, &option, view).width();
    return option.fontMetrics.elidedText(option.text, option.textElideMode, room - 2 * margin);
}

// Lays the window out at `size` with the dock open at the bottom.
bool layOut(MainWindow &window, const QSize &size)
{
    window.resize(size);
    openDock(window);
    return waitUntil([&] {
        QCoreApplication::processEvents();
        return window.size() == size && window.requestLogDock()->tableView()->isVisible();
    });
}

} // namespace

void TestRequestLogDock::init()
{
    m_fixture = std::make_unique<WindowFixture>();
    QVERIFY(m_fixture->isReady());
}

void TestRequestLogDock::cleanup()
{
    m_fixture.reset();
}

void TestRequestLogDock::oneRowPerExchange()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    RequestLogDock *dock = window->requestLogDock();
    QVERIFY(dock->isHidden()); // closed until asked for
    openDock(*window);
    QVERIFY(dock->isVisible());

    // Every request the sandbox answered is one row, in the order they ended.
    const RequestLogModel *log = dock->model();
    QCOMPARE(log->rowCount(), int(m_fixture->sandbox().requestsServed()));
    QVERIFY(log->rowCount() >= 2); // the first page and the application names
    QCOMPARE(dock->tableView()->model()->rowCount(), log->rowCount());
    QCOMPARE(log->columnCount(), int(RequestLogModel::ColumnCount));
    bool listed = false;
    for (int row = 0; row < log->rowCount(); ++row) {
        const QString target = log->index(row, RequestLogModel::TargetColumn).data().toString();
        QVERIFY2(target.startsWith(u"/oauth_"_s), qPrintable(target));
        listed = listed || target.startsWith(u"/oauth_connections?"_s);
        QCOMPARE(log->index(row, RequestLogModel::StatusColumn).data().toString(), u"200"_s);
        QCOMPARE(log->index(row, RequestLogModel::MethodColumn).data().toString(), u"GET"_s);
    }
    QVERIFY(listed);
    QCOMPARE(dock->countText(), QString(QLocale().toString(log->rowCount()) + u" requests"_s));
}

void TestRequestLogDock::failuresOnlyShowsOnlyFailures()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    RequestLogDock *dock = openDock(*window);
    m_fixture->sandbox().setFailRate(1.0);
    window->refresh();
    // The first attempt and both retries fail; then the banner says so.
    QVERIFY(waitUntil([&] { return window->banner()->error().has_value(); }, 30000));
    QVERIFY(settle(*window));

    QAbstractItemModel *shown = dock->tableView()->model();
    const int all = dock->model()->rowCount();
    QTest::mouseClick(dock->failuresOnlyBox(), Qt::LeftButton);
    QVERIFY(dock->filterModel()->failuresOnly());
    QVERIFY(shown->rowCount() >= 3);
    QVERIFY(shown->rowCount() < all); // the successful first load is hidden
    for (int row = 0; row < shown->rowCount(); ++row) {
        QVERIFY(shown->index(row, 0).data(RequestLogModel::IsFailureRole).toBool());
        QCOMPARE(entryAt(shown, row).httpStatus, 500);
    }
    QVERIFY(dock->countText().contains(u" of "_s));

    // The status classes narrow further: 5xx is all of them, "no response" none.
    QComboBox *status = dock->statusClassCombo();
    const int failures = shown->rowCount();
    status->setCurrentIndex(status->findText(u"5xx"_s));
    QCOMPARE(shown->rowCount(), failures);
    status->setCurrentIndex(status->findText(u"No response"_s));
    QCOMPARE(shown->rowCount(), 0);
    QTest::mouseClick(dock->failuresOnlyBox(), Qt::LeftButton);
    status->setCurrentIndex(status->findText(u"2xx"_s));
    QCOMPARE(shown->rowCount(), all - failures);
    status->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), all);
}

void TestRequestLogDock::bannerOpensTheLogOnTheFailures()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    m_fixture->sandbox().setFailRate(1.0);
    window->refresh();
    QVERIFY(waitUntil([&] { return window->banner()->error().has_value(); }, 30000));
    QPushButton *show = buttonNamed(window->banner(), u"Show in request log"_s);
    QVERIFY(show && show->isVisible());
    RequestLogDock *dock = window->requestLogDock();
    QVERIFY(dock->isHidden());

    QTest::mouseClick(show, Qt::LeftButton);
    QVERIFY(dock->isVisible());
    QVERIFY(dock->failuresOnlyBox()->isChecked());
    // The newest failure is selected and shown in full, its raw body included.
    const QModelIndex current = dock->tableView()->currentIndex();
    QVERIFY(current.isValid());
    const RequestLogEntry selected = entryAt(dock->tableView()->model(), current.row());
    const QList<RequestLogEntry> entries = dock->model()->entries();
    QCOMPARE(selected.startedAt, entries.constLast().startedAt);
    QCOMPARE(selected.attempt, 3);
    QVERIFY(dock->detail()->summaryText().contains(u"HTTP 500"_s));
    QVERIFY(dock->detail()->summaryText().contains(u"Error: Internal server error."_s));
    QVERIFY(dock->detail()->summaryText().contains(u"internal_server_error"_s));
    QVERIFY(dock->detail()->bodyText().contains(u"\"type\": \"internal_server_error\""_s));
}

void TestRequestLogDock::detailShowsTheKeyHintAndCurlHoldsNoKey()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    RequestLogDock *dock = openDock(*window);
    QTableView *table = dock->tableView();
    QVERIFY(!dock->copyCurlButton()->isEnabled());

    clickRow(table, 0);
    QCOMPARE(table->currentIndex().row(), 0);
    const RequestLogEntry entry = entryAt(table->model(), 0);
    const QString headers = dock->detail()->headersText();
    // On screen only: the placeholder and the key's last 4 characters, to tell keys apart.
    QVERIFY2(headers.contains(u"Authorization: Bearer ••••"_s + kHint), qPrintable(headers));
    QVERIFY(!headers.contains(kKey));
    QVERIFY(!headers.contains(u"SECRET"_s));
    QVERIFY(headers.startsWith(u"GET http://127.0.0.1:"_s));
    QVERIFY(headers.contains(u"Accept: application/json"_s));
    QVERIFY(headers.contains(u"\nHTTP 200\n"_s));
    QVERIFY(headers.contains(u"content-type: application/json"_s, Qt::CaseInsensitive));
    // The body is indented JSON.
    QVERIFY(dock->detail()->bodyText().startsWith(u"{\n    \""_s));

    QVERIFY(dock->copyCurlButton()->isEnabled());
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(dock->copyCurlButton(), Qt::LeftButton);
    const QString curl = QGuiApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(u"curl "_s), qPrintable(curl));
    QVERIFY(curl.contains(u"\"Authorization: Bearer $INCREASE_API_KEY\""_s));
    QVERIFY(!curl.contains(u"SECRET"_s));
    QVERIFY(!curl.contains(u"••••"_s));
    // The hint's digits could occur in the port or a cursor, so look outside the URL.
    QString withoutUrl = curl;
    withoutUrl.remove(QString::fromLatin1(entry.url.toEncoded()));
    QVERIFY2(!withoutUrl.contains(kHint), qPrintable(withoutUrl));
    QVERIFY(dock->messageText().contains(u"$INCREASE_API_KEY"_s));
}

void TestRequestLogDock::saveHarWritesAValidFileWithoutTheKey()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    RequestLogDock *dock = openDock(*window);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"session.har"_s);

    QTest::mouseClick(dock->saveHarButton(), Qt::LeftButton);
    QFileDialog *chooser = nullptr;
    QVERIFY(waitUntil([&] {
        chooser = dock->findChild<QFileDialog *>(u"harFileDialog"_s);
        return chooser && chooser->isVisible();
    }));
    chooser->selectFile(path);
    QSignalSpy saved(dock, &RequestLogDock::harSaved);
    static_cast<QDialog *>(chooser)->accept(); // as the Save button does
    // The file is written off the window's thread: the dock says so until it is done.
    QVERIFY(dock->isSavingHar());
    QVERIFY2(dock->messageText().startsWith(u"Saving "_s), qPrintable(dock->messageText()));
    QVERIFY(!dock->saveHarButton()->isEnabled());
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.first().at(0).toBool(), true);
    QVERIFY(!dock->isSavingHar());
    QVERIFY2(dock->messageText().startsWith(u"Saved "_s), qPrintable(dock->messageText()));
    QVERIFY(dock->saveHarButton()->isEnabled());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("SECRET"));
    QVERIFY(!bytes.contains("ic_test_key"));
    QVERIFY(!bytes.contains("\xe2\x80\xa2")); // no on-screen bullet either
    QJsonParseError error;
    const QJsonDocument har = QJsonDocument::fromJson(bytes, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject log = har.object().value(u"log"_s).toObject();
    QCOMPARE(log.value(u"version"_s).toString(), u"1.2"_s);
    const QJsonArray entries = log.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), dock->model()->rowCount());
    for (const QJsonValue &entry : entries) {
        const QJsonArray headers =
            entry.toObject().value(u"request"_s).toObject().value(u"headers"_s).toArray();
        bool authorization = false;
        for (const QJsonValue &header : headers) {
            const QString value = header.toObject().value(u"value"_s).toString();
            QVERIFY(!value.contains(kHint));
            if (header.toObject().value(u"name"_s).toString() == u"Authorization"_s) {
                authorization = true;
                QCOMPARE(value, u"Bearer [redacted]"_s);
            }
        }
        QVERIFY(authorization);
    }
}

void TestRequestLogDock::saveHarFailureIsShownOnce()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    RequestLogDock *dock = openDock(*window);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"missing/session.har"_s);
    QSignalSpy saved(dock, &RequestLogDock::harSaved);

    QVERIFY(dock->saveHarTo(path));
    QVERIFY(saved.wait(20000));

    QCOMPARE(saved.first().at(0).toBool(), false);
    const QString message = dock->messageText();
    QVERIFY2(message.startsWith(u"Could not save "_s), qPrintable(message));
    QCOMPARE(message.count(u"session.har"_s), 1);
    QVERIFY(dock->saveHarButton()->isEnabled());
    QVERIFY(!QFile::exists(path));
}

void TestRequestLogDock::clearEmptiesTheLogAndTheFigures()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    RequestLogDock *dock = openDock(*window);
    clickRow(dock->tableView(), 0);
    QVERIFY(dock->detail()->entry().has_value());
    QVERIFY(window->sessionFigures()->stats()->requests() > 0);

    QTest::mouseClick(dock->clearButton(), Qt::LeftButton);
    QCOMPARE(dock->model()->rowCount(), 0);
    QCOMPARE(dock->tableView()->model()->rowCount(), 0);
    QVERIFY(!dock->detail()->entry().has_value());
    QVERIFY(dock->detail()->headersText().isEmpty());
    QVERIFY(!dock->copyCurlButton()->isEnabled());
    QCOMPARE(dock->countText(), u"0 requests"_s);
    QCOMPARE(window->sessionFigures()->stats()->requests(), 0);
    QVERIFY(
        waitUntil([&] { return window->sessionFigures()->text().startsWith(u"0 requests"_s); }));

    // The log goes on from there.
    window->refresh();
    QVERIFY(waitUntil([&] { return dock->model()->rowCount() > 0; }));
}

void TestRequestLogDock::rateLimitCountdownAppearsInTheBanner()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    ErrorBanner *banner = window->banner();
    // One request a second: a few quick refreshes soon meet a 429 and its Retry-After.
    m_fixture->sandbox().setRateLimit(1);
    for (int i = 0; i < 4 && !banner->isShowingRateLimit(); ++i) {
        QTest::keyClick(window.get(), Qt::Key_F5);
        waitUntil([&] { return banner->isShowingRateLimit(); }, 300);
    }
    QVERIFY(waitUntil([&] { return banner->isShowingRateLimit(); }, 10000));
    QVERIFY2(banner->title().startsWith(u"Rate limited — retrying in"_s),
             qPrintable(banner->title()));
    QVERIFY(banner->isVisible());
    QVERIFY(buttonNamed(banner, u"Show in request log"_s)->isVisible());

    // The 429 is in the log and counted in the figures.
    const QList<RequestLogEntry> entries = window->requestLogDock()->model()->entries();
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(),
                        [](const RequestLogEntry &e) { return e.httpStatus == 429; }));
    QVERIFY(window->sessionFigures()->stats()->rateLimited() >= 1);

    // The automatic retry brings the page in, and the countdown goes.
    m_fixture->sandbox().setRateLimit(0);
    QVERIFY(waitUntil([&] { return banner->isHidden(); }, 30000));
    QVERIFY(waitUntil([&] { return tableModel(*window)->rowCount() == WindowFixture::kPageSize; }));
}

void TestRequestLogDock::rateLimitDuringLoadAllCanBeCancelled()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    ErrorBanner *banner = window->banner();
    // Fewer than one request a second: loading every page soon meets a 429.
    m_fixture->sandbox().setRateLimit(0.4);
    window->loadStatus()->loadAll();
    QVERIFY(waitUntil([&] { return banner->isShowingRateLimit(); }, 10000));
    QPushButton *cancel = buttonNamed(banner, u"Cancel"_s);
    QVERIFY(cancel && cancel->isVisible());

    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(banner->isHidden());
    QVERIFY(!window->loadStatus()->isLoadingAll());
    QVERIFY(settle(*window));
    // The wait was cut short: no page request follows the 429 (past its Retry-After).
    const auto pageRequests = [&] {
        const QList<RequestLogEntry> entries = window->requestLogDock()->model()->entries();
        return std::count_if(entries.cbegin(), entries.cend(), [](const RequestLogEntry &e) {
            return e.url.path() == u"/oauth_connections"_s;
        });
    };
    const auto before = pageRequests();
    QTest::qWait(3000);
    QCOMPARE(pageRequests(), before);
}

void TestRequestLogDock::sessionFiguresFollowTheRequests()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    SessionFigures *figures = window->sessionFigures();
    QVERIFY(figures->isVisible());
    const SessionStats *stats = figures->stats();
    const auto shown = [stats] {
        return stats->summary(SessionStats::WithoutRows);
    };
    QVERIFY(waitUntil([&] { return figures->text() == shown(); }));
    QVERIFY2(figures->text().contains(u" requests · 0 failures · 0 retries · 0 × 429"_s),
             qPrintable(figures->text()));
    // One rows figure in the status bar: the table's own (issue 11).
    QVERIFY2(!figures->text().contains(u" rows"_s), qPrintable(figures->text()));
    QCOMPARE(stats->totalRowsFetched(), qint64(tableModel(*window)->rowCount()));
    QVERIFY(window->loadStatus()->countText().startsWith(
        QLocale().toString(tableModel(*window)->rowCount())));
    QVERIFY(figures->text().contains(u"p95 "_s));
    QCOMPARE(stats->requests(), qint64(m_fixture->sandbox().requestsServed()));

    const QString before = figures->text();
    const qint64 requests = stats->requests();
    window->refresh();
    QVERIFY(settle(*window));
    QVERIFY(stats->requests() > requests);
    QVERIFY(waitUntil([&] { return figures->text() != before; }));
    QVERIFY(waitUntil([&] { return figures->text() == shown(); }));
}

void TestRequestLogDock::logFollowsTheClientAcrossReconnects()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    RequestLogDock *dock = window->requestLogDock();
    const int before = dock->model()->rowCount();
    const RequestLogEntry oldest = dock->model()->entry(0);
    ConnectionSession *first = window->session();

    window->connectWithKey(m_fixture->sandboxChoice(), kKey);
    QVERIFY(waitUntil([&] { return window->session() != first; }));
    QVERIFY(waitUntil([&] {
        const ConnectionTableModel *model = tableModel(*window);
        return model && model->rowCount() == WindowFixture::kPageSize;
    }));
    QVERIFY(settle(*window));
    // The old entries stay; the new client's are added after them.
    QVERIFY(dock->model()->rowCount() > before);
    QCOMPARE(dock->model()->entry(0).startedAt, oldest.startedAt);
    QCOMPARE(dock->model()->entry(0).url, oldest.url);
    QCOMPARE(dock->model()->rowCount(), int(m_fixture->sandbox().requestsServed()));
}

void TestRequestLogDock::dockLayoutIsRemembered()
{
    {
        auto window = m_fixture->openWindow();
        RequestLogDock *dock = openDock(*window);
        QVERIFY(dock->isVisible());
        dock->findChild<QSplitter *>(u"requestLogSplitter"_s)->setSizes({300, 700});
        dock->tableView()->horizontalHeader()->resizeSection(RequestLogModel::StatusColumn, 123);
        window->close();
    }
    auto window = m_fixture->openWindow();
    RequestLogDock *dock = window->requestLogDock();
    QVERIFY(dock->isVisible());
    QVERIFY(dock->toggleViewAction()->isChecked());
    const QList<int> sizes = dock->findChild<QSplitter *>(u"requestLogSplitter"_s)->sizes();
    QCOMPARE(sizes.size(), 2);
    QVERIFY2(sizes.at(0) < sizes.at(1), qPrintable(QString::number(sizes.at(0))));
    // The operator's column widths come back, and the path still takes what is left.
    const QHeaderView *header = dock->tableView()->horizontalHeader();
    QCOMPARE(header->sectionSize(RequestLogModel::StatusColumn), 123);
    QCOMPARE(header->sectionResizeMode(RequestLogModel::TargetColumn), QHeaderView::Stretch);
    QCOMPARE(header->sectionResizeMode(RequestLogModel::StatusColumn), QHeaderView::Interactive);

    // Closed, it stays closed.
    dock->toggleViewAction()->trigger();
    QVERIFY(dock->isHidden());
    window->close();
    window = m_fixture->openWindow();
    QVERIFY(window->requestLogDock()->isHidden());
}

void TestRequestLogDock::rowsAreOneLineHighAtAnyFont()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    RequestLogDock *dock = openDock(*window);
    // A path far longer than its column: cut, never wrapped onto a second line.
    logExchangeTo(dock, "/oauth_connections?limit=100&cursor=" + QByteArray(2000, 'Q') + "%20" +
                            QByteArray(2000, 'W'));
    RequestLogTable *table = dock->tableView();
    QVERIFY(!table->wordWrap());
    const int rows = table->model()->rowCount();
    QVERIFY(rows >= 3);

    // One line of the font and a small margin: the cell's padding and the grid line.
    constexpr int kMargin = 10;
    const QFont base = table->font();
    QVERIFY(base.pointSizeF() > 0);
    for (const qreal points : {base.pointSizeF(), 7.0, 22.0}) {
        QFont font = base;
        font.setPointSizeF(points);
        table->setFont(font);
        const int line = table->fontMetrics().height();
        for (int row = 0; row < rows; ++row) {
            const int height = table->rowHeight(row);
            QVERIFY2(height >= line && height <= line + kMargin,
                     qPrintable(u"%1 pt, row %2: %3 px for a line of %4 px"_s.arg(points)
                                    .arg(row)
                                    .arg(height)
                                    .arg(line)));
        }
    }
    // Rows that arrive later are as high.
    logExchangeTo(dock, "/oauth_applications?limit=100");
    QCOMPARE(table->rowHeight(rows), table->rowHeight(0));
}

void TestRequestLogDock::pathIsElidedInTheMiddle()
{
    RecordingStyle recorder; // outlives the window, whose table uses it
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    QVERIFY(layOut(*window, QSize(1600, 1000)));
    RequestLogDock *dock = window->requestLogDock();
    logExchangeTo(dock, "/oauth_connections?limit=100&cursor=" + QByteArray(300, 'Q') +
                            "&status.in=active%2Cdeleted");
    RequestLogTable *table = dock->tableView();
    const int row = table->model()->rowCount() - 1;
    table->scrollTo(table->model()->index(row, 0));

    table->setStyle(&recorder);
    table->grab();
    table->setStyle(nullptr);
    QHash<int, QStyleOptionViewItem> cells; // the long row's, by column
    for (const QStyleOptionViewItem &option : std::as_const(recorder.drawn)) {
        if (option.index.row() == row)
            cells.insert(option.index.column(), option);
    }
    QCOMPARE(cells.size(), int(RequestLogModel::ColumnCount));

    // The endpoint and the end of the query both show; the cursor's middle gives way.
    const QStyleOptionViewItem path = cells.value(RequestLogModel::TargetColumn);
    QCOMPARE(path.textElideMode, Qt::ElideMiddle);
    const QString shown = shownText(path, table);
    QVERIFY2(shown.startsWith(u"/oauth_connections?limit=100"_s), qPrintable(shown));
    QVERIFY2(shown.endsWith(u"&status.in=active,deleted"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u'…'), qPrintable(shown));
    // Only the path: a cut time or error type keeps its start.
    QCOMPARE(cells.value(RequestLogModel::TimeColumn).textElideMode, Qt::ElideRight);
    QCOMPARE(cells.value(RequestLogModel::ErrorTypeColumn).textElideMode, Qt::ElideRight);
}

void TestRequestLogDock::pathReadsDecodedButTooltipAndCurlHoldTheUrlAsSent()
{
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    RequestLogDock *dock = openDock(*window);
    const QUrl sent = logExchangeTo(dock, "/oauth_connections?limit=100&status.in=active%2Cdeleted"
                                          "&created_at.after=2025-01-01T00%3A00%3A00Z");
    const QString raw = QString::fromLatin1(sent.toEncoded());
    QVERIFY2(raw.endsWith(u"active%2Cdeleted&created_at.after=2025-01-01T00%3A00%3A00Z"_s),
             qPrintable(raw));

    QTableView *table = dock->tableView();
    const int row = table->model()->rowCount() - 1;
    const QModelIndex path = table->model()->index(row, RequestLogModel::TargetColumn);
    QCOMPARE(path.data().toString(), u"/oauth_connections?limit=100&status.in=active,deleted"
                                     "&created_at.after=2025-01-01T00:00:00Z"_s);
    QCOMPARE(path.data(Qt::ToolTipRole).toString(), raw);

    // Copy as curl repeats the request exactly as it was sent.
    clickRow(table, row);
    QCOMPARE(table->currentIndex().row(), row);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(dock->copyCurlButton(), Qt::LeftButton);
    const QString curl = QGuiApplication::clipboard()->text();
    QVERIFY2(curl.endsWith(u" '"_s + raw + u'\''), qPrintable(curl));
    QVERIFY(!curl.contains(u"active,deleted"_s));
    QVERIFY(!curl.contains(kKey));
    QVERIFY(!dock->detail()->headersText().contains(kKey));
}

void TestRequestLogDock::headersFitBesideTheDetail_data()
{
    QTest::addColumn<QSize>("windowSize");
    QTest::newRow("1024x700") << QSize(1024, 700);
    QTest::newRow("1200x760") << QSize(1200, 760);
    QTest::newRow("1600x1000") << QSize(1600, 1000);
}

void TestRequestLogDock::headersFitBesideTheDetail()
{
    QFETCH(QSize, windowSize);
    auto window = m_fixture->openWindow();
    QVERIFY(settle(*window));
    QVERIFY(layOut(*window, windowSize));
    RequestLogDock *dock = window->requestLogDock();
    QCOMPARE(window->dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QVERIFY(!dock->isFloating());
    QVERIFY(dock->detail()->isVisible()); // beside the table

    const RequestLogTable *table = dock->tableView();
    const QHeaderView *header = table->horizontalHeader();
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int column = 0; column < header->count(); ++column) {
        const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
        const int needed = header->fontMetrics().horizontalAdvance(title) + 2 * margin;
        QVERIFY2(
            header->sectionSize(column) >= needed,
            qPrintable(
                u"%1: %2 px for %3"_s.arg(title).arg(header->sectionSize(column)).arg(needed)));
    }
    // The path takes what the others leave, no more: nothing scrolls sideways.
    QCOMPARE(header->sectionResizeMode(RequestLogModel::TargetColumn), QHeaderView::Stretch);
    QVERIFY2(
        header->length() <= table->viewport()->width(),
        qPrintable(
            u"%1 px of columns in %2 px"_s.arg(header->length()).arg(table->viewport()->width())));
}

void TestRequestLogDock::sandboxFaultsOnlyForTheLocalSandbox()
{
    auto window = m_fixture->openWindow();
    // The fixture's sandbox is a "custom" URL: the window cannot turn its knobs.
    QVERIFY(!window->session()->sandbox());
    QVERIFY(!window->sandboxFaultsAction()->isEnabled());
    window->openSandboxFaults();
    QVERIFY(!window->sandboxFaultsDialog());

    window->connectWithKey(ConnectionChoice{u"local"_s, {}}, QString());
    QVERIFY(window->session()->sandbox());
    QVERIFY(window->sandboxFaultsAction()->isEnabled());
    bool developerMenu = false;
    for (QAction *menu : window->menuBar()->actions())
        developerMenu = developerMenu || (menu->text() == u"&Developer"_s && menu->isVisible());
    QVERIFY(developerMenu);

    // Back to another environment: the dialog goes and the menu hides.
    window->sandboxFaultsAction()->trigger();
    QPointer<SandboxFaultsDialog> dialog = window->sandboxFaultsDialog();
    QVERIFY(dialog && dialog->isVisible());
    window->connectWithKey(m_fixture->sandboxChoice(), kKey);
    QVERIFY(!window->sandboxFaultsAction()->isEnabled());
    QVERIFY(waitUntil([&] { return dialog.isNull(); }));
}

void TestRequestLogDock::sandboxFaultsDialogChangesTheFailRate()
{
    auto window = m_fixture->newWindow();
    window->connectWithKey(ConnectionChoice{u"local"_s, {}}, QString());
    QVERIFY(waitUntil([&] {
        const ConnectionTableModel *model = tableModel(*window);
        return model && model->rowCount() > 0;
    }));
    QVERIFY(settle(*window));
    EmbeddedSandbox *sandbox = window->session()->sandbox();
    QVERIFY(sandbox);

    window->sandboxFaultsAction()->trigger();
    SandboxFaultsDialog *dialog = window->sandboxFaultsDialog();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->sandbox(), sandbox);
    QCOMPARE(dialog->failRateSpin()->value(), 0.0);
    QCOMPARE(dialog->rateLimitSpin()->text(), u"off"_s);

    QDoubleSpinBox *failRate = dialog->failRateSpin();
    failRate->setFocus();
    QTest::keyClick(failRate, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(failRate, u"100"_s);
    QCOMPARE(failRate->value(), 100.0);
    QCOMPARE(sandbox->faults().failRate, 1.0);
    dialog->latencySpin()->setValue(20);
    QCOMPARE(sandbox->faults().latencyMs, 20);

    // The next refresh fails, first attempt and retries alike.
    window->refresh();
    QVERIFY(waitUntil([&] { return window->banner()->error().has_value(); }, 30000));
    QCOMPARE(window->banner()->error()->httpStatus, 500);

    QPushButton *reset = buttonNamed(dialog, u"Reset"_s);
    QVERIFY(reset);
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(sandbox->faults().failRate, 0.0);
    QCOMPARE(sandbox->faults().latencyMs, 0);
    QCOMPARE(failRate->value(), 0.0);
    window->refresh();
    QVERIFY(waitUntil([&] { return tableModel(*window)->rowCount() > 0; }));
    QVERIFY(window->banner()->isHidden());
}

// Churn from the dialog: new connections appear (newest first) on the next refresh, and
// Reset stops it.
void TestRequestLogDock::sandboxFaultsDialogChurnsTheSandbox()
{
    auto window = m_fixture->newWindow();
    window->connectWithKey(ConnectionChoice{u"local"_s, {}}, QString());
    QVERIFY(waitUntil([&] {
        const ConnectionTableModel *model = tableModel(*window);
        return model && model->rowCount() > 0 && !model->isFetching();
    }));
    EmbeddedSandbox *sandbox = window->session()->sandbox();
    QVERIFY(sandbox);
    const QString newestBefore = tableModel(*window)->connectionAt(0).createdAt;

    window->sandboxFaultsAction()->trigger();
    SandboxFaultsDialog *dialog = window->sandboxFaultsDialog();
    QVERIFY(dialog);
    QSpinBox *churn = dialog->churnSpin();
    QCOMPARE(churn->text(), u"off"_s);
    churn->setFocus();
    QTest::keyClick(churn, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(churn, u"6000"_s);
    QCOMPARE(sandbox->faults().churnPerMinute, 6000);

    // A hundred changes a second: a refresh a moment later lists connections created since.
    QTest::qWait(1200);
    window->refresh();
    QVERIFY(waitUntil([&] {
        const ConnectionTableModel *model = tableModel(*window);
        return model->rowCount() > 0 && !model->isFetching() &&
               model->connectionAt(0).createdAt > newestBefore;
    }));

    QPushButton *reset = buttonNamed(dialog, u"Reset"_s);
    QVERIFY(reset);
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(sandbox->faults().churnPerMinute, 0);
    QCOMPARE(churn->text(), u"off"_s);
}

QTEST_MAIN(TestRequestLogDock)
#include "tst_requestlogdock.moc"
