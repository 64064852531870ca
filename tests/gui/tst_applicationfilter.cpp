// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowfixture.h"

#include "apiquery.h"
#include "applicationlistmodel.h"
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "elidedlabel.h"
#include "filterbar.h"
#include "increaseclient.h"
#include "requestlogentry.h"
#include "windowsettings.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

// The Application filter as an operator types into it: typing only narrows the popup of
// known applications; the listing is queried when one is picked, or on Enter on a name or
// an application id; anything else is explained next to the field and never sent.
class TestApplicationFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void typingSlowlySendsNothing();
    void popupListsTheApplicationsContainingTheText_data();
    void popupListsTheApplicationsContainingTheText();
    void pickingWithTheKeysQueriesOnce();
    void pickingWithTheMouseQueriesOnce();
    void enterOnAnApplicationIdQueries_data();
    void enterOnAnApplicationIdQueries();
    void enterOnAKnownNameQueries();
    void enterOnTextThatIsNoApplicationSendsNothing_data();
    void enterOnTextThatIsNoApplicationSendsNothing();
    void statusChangeKeepsTheAppliedApplication();
    void escapeRestoresTheAppliedFilter();

private:
    // Opens the window and watches what it sends from now on.
    void open();
    QComboBox *combo() const { return m_window->filterBar()->applicationCombo(); }
    QLineEdit *edit() const { return combo()->lineEdit(); }
    QAbstractItemView *popup() const { return combo()->completer()->popup(); }
    // Where a key goes: the popup while it is open (it grabs the keyboard), else the field.
    QWidget *keyTarget() const;
    void key(Qt::Key key);
    // Clears the field, then types `text` one key at a time.
    void type(const QString &text);
    // Likewise, pausing longer than the debounce after the first `before` characters.
    void typeWithAPause(const QString &text, int before);
    // The ids of the applications whose shown name or id contains `text`, case-insensitively,
    // read from the list model itself.
    QStringList idsMatching(const QString &text) const;
    // The ids the popup lists.
    QStringList idsInPopup() const;
    QString idAt(int row) const;
    QString messageShown() const;
    // Nothing was sent, saved or shown differently since open() or the last snapshot().
    void snapshot();
    void verifyUnchanged();
    // One requery since snapshot(), with `applicationId`, remembered in the settings.
    void verifyQueriedOnce(const QString &applicationId);

    std::unique_ptr<WindowFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    ConnectionTableModel *m_model = nullptr;
    ApplicationListModel *m_applications = nullptr;
    std::unique_ptr<QSignalSpy> m_fetches;
    std::unique_ptr<QSignalSpy> m_resets;
    QStringList m_applicationIdsSent; // of every list request answered since snapshot()
    QMetaObject::Connection m_exchanges;

    ConnectionQuery m_query;
    ConnectionQuery m_saved;
    QString m_summary;
    QString m_firstRowId;
    int m_rows = 0;
};

void TestApplicationFilter::init()
{
    m_fixture = std::make_unique<WindowFixture>();
    QVERIFY(m_fixture->isReady());
    m_fixture->sandbox().setLatency(0, 0);
    m_fixture->sandbox().setFailRate(0);
    m_fixture->sandbox().setRateLimit(0);
    open();
}

void TestApplicationFilter::cleanup()
{
    // The session's client may outlive the window by a reply or two.
    disconnect(m_exchanges);
    m_fetches.reset();
    m_resets.reset();
    m_window.reset();
    m_fixture.reset();
    m_applicationIdsSent.clear();
}

void TestApplicationFilter::open()
{
    m_window = m_fixture->openWindow();
    m_model = tableModel(*m_window);
    QVERIFY(m_model);
    m_applications = m_window->session()->applications();
    QVERIFY(waitUntil([&] { return m_applications->isLoaded(); }));
    QVERIFY(m_applications->rowCount() > 3);
    m_fetches = std::make_unique<QSignalSpy>(m_model, &ConnectionTableModel::fetchStarted);
    m_resets = std::make_unique<QSignalSpy>(m_model, &QAbstractItemModel::modelReset);
    m_exchanges = connect(m_window->session()->client(), &IncreaseClient::exchange, this,
                          [this](const RequestLogEntry &entry) {
                              if (entry.url.path() == "/oauth_connections"_L1)
                                  m_applicationIdsSent.append(QUrlQuery(entry.url).queryItemValue(
                                      u"oauth_application_id"_s));
                          });
    edit()->setFocus();
    snapshot();
}

QWidget *TestApplicationFilter::keyTarget() const
{
    return popup()->isVisible() ? static_cast<QWidget *>(popup()) : edit();
}

void TestApplicationFilter::key(Qt::Key key)
{
    QTest::keyClick(keyTarget(), key);
}

void TestApplicationFilter::type(const QString &text)
{
    QTest::keyClick(keyTarget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(keyTarget(), Qt::Key_Delete);
    for (const QChar c : text)
        QTest::keyClicks(keyTarget(), QString(c));
}

void TestApplicationFilter::typeWithAPause(const QString &text, int before)
{
    type(text.left(before));
    QTest::qWait(FilterBar::kDebounceMs + 100);
    for (const QChar c : text.mid(before))
        QTest::keyClicks(keyTarget(), QString(c));
}

QStringList TestApplicationFilter::idsMatching(const QString &text) const
{
    QStringList ids;
    for (int row = 1; row < m_applications->rowCount(); ++row) {
        const QModelIndex index = m_applications->index(row);
        const QString id = index.data(ApplicationListModel::ApplicationIdRole).toString();
        if (index.data().toString().contains(text, Qt::CaseInsensitive) ||
            id.contains(text, Qt::CaseInsensitive))
            ids.append(id);
    }
    ids.sort();
    return ids;
}

QStringList TestApplicationFilter::idsInPopup() const
{
    QStringList ids;
    if (!popup()->isVisible())
        return ids;
    const QAbstractItemModel *listed = popup()->model();
    for (int row = 0; row < listed->rowCount(); ++row)
        ids.append(listed->index(row, 0).data(ApplicationListModel::ApplicationIdRole).toString());
    ids.sort();
    return ids;
}

QString TestApplicationFilter::idAt(int row) const
{
    return m_applications->index(row).data(ApplicationListModel::ApplicationIdRole).toString();
}

QString TestApplicationFilter::messageShown() const
{
    for (auto *label : m_window->filterBar()->findChildren<ElidedLabel *>()) {
        if (label->accessibleName() == u"Application filter message"_s)
            return label->isVisible() ? label->text() : QString();
    }
    return u"(no message label)"_s;
}

void TestApplicationFilter::snapshot()
{
    m_fetches->clear();
    m_resets->clear();
    m_applicationIdsSent.clear();
    m_query = m_model->query();
    m_saved = WindowSettings::filters(m_fixture->settings());
    m_summary = m_window->filterSummary();
    m_rows = m_model->rowCount();
    m_firstRowId = m_model->connectionAt(0).id;
}

void TestApplicationFilter::verifyUnchanged()
{
    QCOMPARE(m_resets->count(), 0);
    QCOMPARE(m_fetches->count(), 0);
    QCOMPARE(m_applicationIdsSent, QStringList());
    QCOMPARE(m_model->query(), m_query);
    QCOMPARE(m_window->filterBar()->query(), m_query);
    QCOMPARE(WindowSettings::filters(m_fixture->settings()), m_saved);
    QCOMPARE(m_window->filterSummary(), m_summary);
    QCOMPARE(m_model->rowCount(), m_rows);
    QCOMPARE(m_model->connectionAt(0).id, m_firstRowId);
}

void TestApplicationFilter::verifyQueriedOnce(const QString &applicationId)
{
    QVERIFY(waitUntil([&] { return m_model->query().applicationId == applicationId; }));
    QVERIFY(waitUntil([&] { return !m_model->isFetching() && !m_applicationIdsSent.isEmpty(); }));
    QTest::qWait(FilterBar::kDebounceMs + 100);
    QCOMPARE(m_resets->count(), 1);
    // Every list request since (the first page, perhaps a prefetched second) is for it.
    QCOMPARE(m_applicationIdsSent.count(applicationId), m_applicationIdsSent.size());
    QCOMPARE(m_window->filterBar()->query().applicationId, applicationId);
    QCOMPARE(WindowSettings::filters(m_fixture->settings()).applicationId, applicationId);
    QVERIFY(m_window->filterSummary().contains(applicationId));
    QVERIFY(messageShown().isEmpty());
}

void TestApplicationFilter::typingSlowlySendsNothing()
{
    type(QString());
    for (const QChar c : u"Caf"_s) {
        QTest::keyClicks(keyTarget(), QString(c));
        QTest::qWait(FilterBar::kDebounceMs + 100);
    }
    QCOMPARE(edit()->text(), u"Caf"_s);
    verifyUnchanged();
    // The field says its text is not the filter in force; the summary above the table
    // still says what is.
    QCOMPARE(m_window->filterBar()->inputHint(), u"Press Enter to filter"_s);
    QCOMPARE(messageShown(), u"Press Enter to filter"_s);
    QVERIFY(m_window->filterBar()->inputError().isEmpty());
}

void TestApplicationFilter::popupListsTheApplicationsContainingTheText_data()
{
    // `idPart`: the text is characters of an application's id (upper-cased), so the match
    // is on the id alone.
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("idPartOfRow");
    QTest::newRow("one letter") << u"a"_s << -1;
    QTest::newRow("other case") << u"APP"_s << -1;
    QTest::newRow("inside a word") << u"rease"_s << -1;
    QTest::newRow("punctuation") << u"'"_s << -1;
    QTest::newRow("deleted") << u"(deleted)"_s << -1;
    QTest::newRow("id prefix") << u"applic"_s << -1;
    QTest::newRow("inside an id") << QString() << 2;
    QTest::newRow("nothing") << u"zzzzzz"_s << -1;
}

void TestApplicationFilter::popupListsTheApplicationsContainingTheText()
{
    QFETCH(QString, text);
    QFETCH(int, idPartOfRow);
    if (idPartOfRow >= 0)
        text = idAt(idPartOfRow).mid(15, 6).toUpper();
    const QStringList expected = idsMatching(text);
    type(text);
    QCOMPARE(idsInPopup(), expected);
    QCOMPARE(popup()->isVisible(), !expected.isEmpty());
    if (idPartOfRow >= 0)
        QVERIFY(expected.contains(idAt(idPartOfRow)));
    // And only the popup: the listing is as it was once the debounce is long over.
    QTest::qWait(FilterBar::kDebounceMs + 100);
    QCOMPARE(idsInPopup(), expected);
    verifyUnchanged();
}

void TestApplicationFilter::pickingWithTheKeysQueriesOnce()
{
    // The end of row 2's id: it matches that application only, and no name.
    const QString id = idAt(2);
    const QString text = id.right(7);
    QCOMPARE(idsMatching(text), QStringList{id});
    typeWithAPause(text, 3);
    QCOMPARE(idsInPopup(), QStringList{id});
    key(Qt::Key_Down);
    key(Qt::Key_Return);
    verifyQueriedOnce(id);
    QCOMPARE(edit()->text(), m_applications->index(2).data().toString());
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->connectionAt(row).oauthApplicationId, id);
}

void TestApplicationFilter::pickingWithTheMouseQueriesOnce()
{
    // The middle of row 3's id, upper-cased: the popup lists it (and whatever else holds
    // those characters); the click picks row 3.
    const QString id = idAt(3);
    const QString text = id.mid(14, 5).toUpper();
    type(text);
    QCOMPARE(idsInPopup(), idsMatching(text));
    QModelIndex pick;
    for (int row = 0; row < popup()->model()->rowCount(); ++row) {
        const QModelIndex index = popup()->model()->index(row, 0);
        if (index.data(ApplicationListModel::ApplicationIdRole).toString() == id)
            pick = index;
    }
    QVERIFY(pick.isValid());
    QTest::mouseClick(popup()->viewport(), Qt::LeftButton, {}, popup()->visualRect(pick).center());
    verifyQueriedOnce(id);
    QCOMPARE(edit()->text(), m_applications->index(3).data().toString());
}

void TestApplicationFilter::enterOnAnApplicationIdQueries_data()
{
    QTest::addColumn<bool>("known");
    QTest::newRow("a known application's id") << true;
    // Not in the list (a stale list, another team's application): still a whole id.
    QTest::newRow("an id the list does not know") << false;
}

void TestApplicationFilter::enterOnAnApplicationIdQueries()
{
    QFETCH(bool, known);
    const QString id = known ? idAt(3) : u"application_zzzzzzzzzzzzzzzzzzzz"_s;
    QCOMPARE(m_applications->rowOf(id) >= 0, known);
    // The pause leaves "application_" and a few characters in the field: a well-formed id,
    // but not what the user is typing.
    typeWithAPause(id, 16);
    QVERIFY(m_resets->isEmpty());
    key(Qt::Key_Return);
    verifyQueriedOnce(id);
    // A known id is shown by its name, like a pick.
    QCOMPARE(edit()->text(), known ? m_applications->index(3).data().toString() : id);
}

void TestApplicationFilter::enterOnAKnownNameQueries()
{
    const QString name = m_applications->index(1).data().toString();
    const QString id = idAt(1);
    for (int row = 2; row < m_applications->rowCount(); ++row)
        QVERIFY(m_applications->index(row).data().toString().compare(name, Qt::CaseInsensitive));
    // A pause after the first word, which is a well-formed path id on its own.
    const QString firstWord = name.section(u' ', 0, 0);
    QVERIFY(ApiQuery::isValidPathId(firstWord));
    typeWithAPause(name.toLower(), int(firstWord.size()));
    key(Qt::Key_Return);
    verifyQueriedOnce(id);
    QCOMPARE(edit()->text(), name);
}

void TestApplicationFilter::enterOnTextThatIsNoApplicationSendsNothing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("matches nothing") << u"Caf"_s << u"No application matches \"Caf\""_s;
    QTest::newRow("part of names")
        << u"App"_s << u"Pick an application matching \"App\" from the list"_s;
    QTest::newRow("not a whole id") << u"application_"_s
                                    << u"Not an application ID: nothing follows "
                                       "\"application_\""_s;
    QTest::newRow("not an id") << u"application_../x"_s
                               << u"Not an application ID: the id contains '.' at position "
                                  "13"_s;
}

void TestApplicationFilter::enterOnTextThatIsNoApplicationSendsNothing()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    if (text == u"Caf"_s)
        QCOMPARE(idsMatching(text), QStringList());
    type(text);
    key(Qt::Key_Return);
    QVERIFY(waitUntil([&] { return !m_window->filterBar()->inputError().isEmpty(); }));
    QCOMPARE(m_window->filterBar()->inputError(), message);
    QCOMPARE(messageShown(), message);
    QTest::qWait(FilterBar::kDebounceMs + 100);
    verifyUnchanged();
    QCOMPARE(edit()->text(), text);
}

void TestApplicationFilter::statusChangeKeepsTheAppliedApplication()
{
    type(u"Caf"_s);
    QComboBox *status = m_window->filterBar()->statusCombo();
    status->setFocus();
    QTest::keyClick(status, Qt::Key_Down); // Inactive
    QVERIFY(waitUntil([&] { return m_model->query().statuses == QStringList{u"inactive"_s}; }));
    QCOMPARE(m_model->query().applicationId, m_query.applicationId);
    QCOMPARE(WindowSettings::filters(m_fixture->settings()).applicationId, m_saved.applicationId);
    QVERIFY(waitUntil([&] { return !m_applicationIdsSent.isEmpty(); }));
    QCOMPARE(m_applicationIdsSent.first(), QString());
    // The typed text is still there, still not applied.
    QCOMPARE(edit()->text(), u"Caf"_s);
    QCOMPARE(m_window->filterBar()->inputHint(), u"Press Enter to filter"_s);
}

void TestApplicationFilter::escapeRestoresTheAppliedFilter()
{
    const QString id = idAt(1);
    const QString name = m_applications->index(1).data().toString();
    m_window->filterBar()->filterByApplication(id);
    QVERIFY(waitUntil([&] { return m_model->query().applicationId == id; }));
    QVERIFY(waitUntil([&] { return m_model->rowCount() > 0 && !m_model->isFetching(); }));
    QCOMPARE(edit()->text(), name);
    snapshot();

    // After an error.
    type(u"Caf"_s);
    key(Qt::Key_Return);
    QVERIFY(waitUntil([&] { return !m_window->filterBar()->inputError().isEmpty(); }));
    key(Qt::Key_Escape);
    QCOMPARE(edit()->text(), name);
    QVERIFY(messageShown().isEmpty());

    // With the popup open, the first Escape closes it and the second restores.
    type(u"a"_s);
    QVERIFY(popup()->isVisible());
    key(Qt::Key_Escape);
    QVERIFY(!popup()->isVisible());
    QCOMPARE(edit()->text(), u"a"_s);
    key(Qt::Key_Escape);
    QCOMPARE(edit()->text(), name);
    QVERIFY(messageShown().isEmpty());
    QTest::qWait(FilterBar::kDebounceMs + 100);
    verifyUnchanged();
}

QTEST_MAIN(TestApplicationFilter)
#include "tst_applicationfilter.moc"
