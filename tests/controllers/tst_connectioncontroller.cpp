// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Which server the window talks to and with which key, decided without a window: the
// controller against the real sandbox (requiring a known key) over loopback HTTP, an
// in-memory secret store answering asynchronously like a keychain, and the real in-process
// local sandbox behind the factory.
#include "controllertest.h"

#include "connectioncontroller.h"
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "increaseclient.h"
#include "inprocesssandbox.h"
#include "keyslot.h"
#include "memorysecretstore.h"
#include "noticeboard.h"
#include "windowsettings.h"

#include <QPointer>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace {

// Counts reads: whether the controller went back to the keychain is what tells a
// reconnect from keeping the session.
class CountingSecretStore : public MemorySecretStore
{
public:
    using MemorySecretStore::MemorySecretStore;

    void readKey(const QString &environment) override
    {
        reads.append(environment);
        MemorySecretStore::readKey(environment);
    }

    QStringList reads;
};

// The session's key is accepted where its client points: the sandbox answers a page
// (false once it refuses, or after the wait).
bool listsAPage(ConnectionSession *session)
{
    ConnectionTableModel *model = session->connections();
    QSignalSpy pages(model, &ConnectionTableModel::pageLoaded);
    QSignalSpy failed(model, &ConnectionTableModel::fetchFailed);
    model->setQuery({});
    waitUntil([&] { return !pages.isEmpty() || !failed.isEmpty(); });
    return !pages.isEmpty() && model->rowCount() > 0;
}

} // namespace

class TestConnectionController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ConnectionSession *>(); }
    void init();
    void cleanup();

    void connectWithKeyOpensTheChosenServer();
    void noStoredKeyAndNothingConnectedOpensTheLocalSandbox();
    void aKeyWrittenLaterCompletesTheSwitch();
    void noStoredKeyKeepsTheCurrentSession();
    void aLaterChoiceOverridesAKeyStillBeingRead();
    void noKeychainSaysSoAndASessionKeyStillConnects();
    void aNewKeyForTheSessionInUseReconnectsWithIt();
    void plainHttpRemoteCannotConnectAndRetryTriesAgain();
    void settingsReconnectOnlyForAKeyOfTheChosenEnvironment();
    void settingsClosedWithNothingNewKeepsTheSession();
    void settingsCancelledStillActsOnAKeyWritten();
    void settingsAcceptedSavesTheChoice();
    void thePreviousSessionGoesAfterASwitch();
    void aKeptSessionStaysUntilItsWorkEnds();
    void theRealKeyNeverReachesTheLocalSandbox();
    void aLocalSandboxThatCannotStartSaysWhy();
    void aKeyForOneOriginIsNeverReadForAnother();
    void aKeyForAnotherOriginDoesNotCompleteTheSwitch();
    void aKeyForAnotherOriginDoesNotReconnect();

private:
    ConnectionChoice sandboxChoice() const
    {
        return ConnectionChoice{u"custom"_s, m_fixture->server().baseUrl()};
    }
    QString sandboxSlot() const { return keySlot(sandboxChoice()).id; }
    // The notice names the key's origin, port included: two servers on one host differ.
    QString noKeyForTheSandbox() const
    {
        return u"No API key for http://127.0.0.1:%1"_s.arg(m_fixture->server().port());
    }
    // A second server on loopback: another origin (another port), with a key of its own.
    bool startOtherOrigin()
    {
        SandboxOptions options;
        options.port = 0;
        options.connections = 50;
        options.applications = 1;
        options.seed = 12;
        options.apiKey = kOtherKey;
        m_other = std::make_unique<SandboxServer>(options);
        return m_other->listen();
    }
    ConnectionChoice otherChoice() const
    {
        return ConnectionChoice{u"custom"_s, m_other->baseUrl()};
    }
    EmbeddedSandboxFactory countingSandboxes()
    {
        return [this](const QString &apiKey, QString *error) {
            m_sandboxKeys.append(apiKey);
            return InProcessSandbox::start(apiKey, error);
        };
    }
    bool waitForNotice(const QString &title)
    {
        return waitUntil(
            [&] { return m_notices->current() && m_notices->current()->title == title; });
    }
    // The key written has reached everyone listening (keyWritten is queued).
    bool writeKey(const QString &environment, const QString &key)
    {
        QSignalSpy written(m_secrets.get(), &SecretStore::keyWritten);
        m_secrets->writeKey(environment, key);
        return waitUntil([&] { return !written.isEmpty(); });
    }

    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<CountingSecretStore> m_secrets;
    std::unique_ptr<NoticeBoard> m_notices;
    QStringList m_sandboxKeys; // the key each local sandbox was started with
    std::unique_ptr<ConnectionController> m_controller;
    std::unique_ptr<SandboxServer> m_other; // goes after the controller, like the fixture's
    const QString kOtherKey = u"ic_other_origin_key_9090"_s;
};

void TestConnectionController::init()
{
    m_fixture = std::make_unique<SandboxFixture>();
    QVERIFY(m_fixture->isReady());
    m_secrets = std::make_unique<CountingSecretStore>();
    m_notices = std::make_unique<NoticeBoard>();
    m_sandboxKeys.clear();
    m_controller = std::make_unique<ConnectionController>(&m_fixture->settings(), m_secrets.get(),
                                                          countingSandboxes(), m_notices.get());
}

void TestConnectionController::cleanup()
{
    // The sessions' models abort their requests before the server goes.
    m_controller.reset();
    m_other.reset();
    m_notices.reset();
    m_secrets.reset();
    m_fixture.reset();
}

void TestConnectionController::connectWithKeyOpensTheChosenServer()
{
    QSignalSpy changed(m_controller.get(), &ConnectionController::sessionChanged);

    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());

    QCOMPARE(changed.count(), 1);
    auto *session = changed.first().at(0).value<ConnectionSession *>();
    QCOMPARE(session, m_controller->session());
    QVERIFY(!session->isLocal());
    QCOMPARE(session->choice(), sandboxChoice());
    QCOMPARE(session->client()->config().baseUrl, m_fixture->server().baseUrl());
    QCOMPARE(session->client()->config().apiKey, SandboxFixture::apiKey());
    QVERIFY(m_sandboxKeys.isEmpty());
    QVERIFY(m_secrets->reads.isEmpty()); // the caller's key: the keychain is not asked
    QVERIFY(!m_notices->current());
    QVERIFY(listsAPage(session));
}

void TestConnectionController::noStoredKeyAndNothingConnectedOpensTheLocalSandbox()
{
    QSignalSpy connecting(m_controller.get(), &ConnectionController::connecting);

    m_controller->connectWithStoredKey(sandboxChoice());

    // Reading is asynchronous: until the answer, the window says what it waits for.
    QCOMPARE(connecting.count(), 1);
    QVERIFY(!m_controller->session());
    QVERIFY(waitForNotice(noKeyForTheSandbox()));
    const Notice notice = *m_notices->current();
    QCOMPARE(notice.actions, Notice::SetApiKey | Notice::Dismiss);
    QVERIFY(m_notices->isFrom(m_controller.get()));
    QVERIFY(m_controller->session());
    QVERIFY(m_controller->session()->isLocal());
    QCOMPARE(m_sandboxKeys.size(), 1);
    QVERIFY(notice.detail.contains(u"Still connected to Local sandbox"_s));
    QCOMPARE(m_secrets->reads, QStringList{sandboxSlot()});
}

void TestConnectionController::aKeyWrittenLaterCompletesTheSwitch()
{
    m_controller->connectWithStoredKey(sandboxChoice());
    QVERIFY(waitForNotice(noKeyForTheSandbox()));
    const QPointer<ConnectionSession> local = m_controller->session();
    QVERIFY(local && local->isLocal());

    // When Set API key… stores one, the switch still waited for goes through.
    QVERIFY(writeKey(sandboxSlot(), SandboxFixture::apiKey()));

    QVERIFY(waitUntil([&] { return !m_controller->session()->isLocal(); }));
    QCOMPARE(m_controller->session()->choice(), sandboxChoice());
    QCOMPARE(m_controller->session()->client()->config().apiKey, SandboxFixture::apiKey());
    QVERIFY(!m_notices->current());
    QVERIFY(waitUntil([&] { return local.isNull(); }));
    QVERIFY(listsAPage(m_controller->session()));
}

void TestConnectionController::noStoredKeyKeepsTheCurrentSession()
{
    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());
    ConnectionSession *before = m_controller->session();
    QSignalSpy connecting(m_controller.get(), &ConnectionController::connecting);
    QSignalSpy changed(m_controller.get(), &ConnectionController::sessionChanged);
    const ConnectionChoice production{u"production"_s, {}};

    m_controller->connectWithStoredKey(production);

    // While the key is read, the settings dialog would start from the choice in progress.
    QCOMPARE(m_controller->currentChoice(), production);
    QVERIFY(waitForNotice(u"No API key for Production"_s));
    QVERIFY(m_notices->current()->detail.contains(u"Still connected to 127.0.0.1."_s));
    QCOMPARE(m_controller->session(), before);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(connecting.count(), 0); // something is connected: no "connecting…" badge
    QVERIFY(m_sandboxKeys.isEmpty());
}

void TestConnectionController::aLaterChoiceOverridesAKeyStillBeingRead()
{
    // Given a key still being read for production, when the user connects elsewhere...
    m_controller->connectWithStoredKey(ConnectionChoice{u"production"_s, {}});
    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());
    ConnectionSession *chosen = m_controller->session();
    QVERIFY(chosen);

    // ...the late "no key" answer for production says nothing and opens nothing,
    settle();
    QVERIFY(!m_notices->current());
    QVERIFY(m_sandboxKeys.isEmpty());
    // ...and a production key written afterwards does not pull the window away.
    QVERIFY(writeKey(u"production"_s, u"sk_production_key"_s));
    settle();
    QCOMPARE(m_controller->session(), chosen);
}

void TestConnectionController::noKeychainSaysSoAndASessionKeyStillConnects()
{
    m_secrets->setServiceUnavailable(true);

    m_controller->connectWithStoredKey(sandboxChoice());

    QVERIFY(waitForNotice(noKeyForTheSandbox()));
    const QString detail = m_notices->current()->detail;
    QVERIFY2(detail.contains(u"keychain is not available"_s), qPrintable(detail));
    QVERIFY2(detail.contains(u"(simulated)"_s), qPrintable(detail)); // the store's reason
    QVERIFY(m_controller->session()->isLocal());

    // A key kept for this session only is as good as a stored one.
    QVERIFY(writeKey(sandboxSlot(), SandboxFixture::apiKey()));
    QVERIFY(m_secrets->isSessionOnly(sandboxSlot()));
    QVERIFY(waitUntil([&] { return !m_controller->session()->isLocal(); }));
    QVERIFY(!m_notices->current());
}

void TestConnectionController::aNewKeyForTheSessionInUseReconnectsWithIt()
{
    // Given a session whose key the server refuses (invalid_api_key_error)...
    m_controller->connectWithKey(sandboxChoice(), u"sk_refused_key"_s);
    ConnectionSession *refused = m_controller->session();
    QVERIFY(!listsAPage(refused));
    QSignalSpy changed(m_controller.get(), &ConnectionController::sessionChanged);

    // ...when Set API key… stores the right one, the window reconnects with it.
    QVERIFY(writeKey(sandboxSlot(), SandboxFixture::apiKey()));

    QVERIFY(waitUntil([&] { return changed.count() == 1; }));
    QVERIFY(m_controller->session() != refused);
    QCOMPARE(m_controller->session()->choice(), sandboxChoice());
    QCOMPARE(m_controller->session()->client()->config().apiKey, SandboxFixture::apiKey());
    QVERIFY(listsAPage(m_controller->session()));
}

void TestConnectionController::plainHttpRemoteCannotConnectAndRetryTriesAgain()
{
    // A key stored for that very origin, so that only the plain-http rule stops it.
    const ConnectionChoice remote{u"custom"_s, QUrl(u"http://example.com"_s)};
    QVERIFY(writeKey(keySlot(remote).id, SandboxFixture::apiKey()));

    m_controller->connectWithStoredKey(remote);

    QVERIFY(waitForNotice(u"Could not connect to example.com"_s));
    QCOMPARE(m_notices->current()->actions, Notice::Retry | Notice::Dismiss);
    QVERIFY2(m_notices->current()->detail.contains(u"plain http"_s),
             qPrintable(m_notices->current()->detail));
    // The key never left for example.com: the window fell back to the local sandbox.
    QVERIFY(m_controller->session()->isLocal());
    QCOMPARE(m_secrets->reads.size(), 1);

    m_notices->retry();

    QVERIFY(!m_notices->current());
    QCOMPARE(m_secrets->reads.size(), 2);
    QVERIFY(waitForNotice(u"Could not connect to example.com"_s));
    QCOMPARE(m_sandboxKeys.size(), 1); // the fallback stays; no second sandbox
}

void TestConnectionController::settingsReconnectOnlyForAKeyOfTheChosenEnvironment()
{
    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());
    ConnectionSession *before = m_controller->session();
    QSignalSpy changed(m_controller.get(), &ConnectionController::sessionChanged);

    // Given a key written for another environment, closing on the same choice keeps it.
    m_controller->settingsOpened();
    QVERIFY(writeKey(u"production"_s, u"sk_production_key"_s));
    m_controller->settingsClosed(sandboxChoice(), true);
    settle();
    QCOMPARE(m_controller->session(), before);
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_secrets->reads.isEmpty());

    // Given a new key for the environment in use, nothing happens while the dialog is
    // open (the user may still change the choice)...
    m_controller->settingsOpened();
    QVERIFY(writeKey(sandboxSlot(), SandboxFixture::apiKey()));
    settle();
    QCOMPARE(m_controller->session(), before);
    QVERIFY(m_secrets->reads.isEmpty());

    // ...and closing it reconnects with the key just written.
    m_controller->settingsClosed(sandboxChoice(), true);
    QVERIFY(waitUntil([&] { return changed.count() == 1; }));
    QCOMPARE(m_secrets->reads, QStringList{sandboxSlot()});
    QVERIFY(m_controller->session() != before);
    QCOMPARE(m_controller->session()->choice(), sandboxChoice());
    QVERIFY(listsAPage(m_controller->session()));
}

void TestConnectionController::settingsClosedWithNothingNewKeepsTheSession()
{
    // A stored key, so that a needless reconnect would succeed and show.
    QVERIFY(writeKey(sandboxSlot(), SandboxFixture::apiKey()));
    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());
    const QPointer<ConnectionSession> before = m_controller->session();
    QSignalSpy changed(m_controller.get(), &ConnectionController::sessionChanged);

    m_controller->settingsOpened();
    m_controller->settingsClosed(sandboxChoice(), true);
    settle();

    // The same object, not an equal new one: the rows on screen stay.
    QVERIFY(before);
    QCOMPARE(m_controller->session(), before.data());
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_secrets->reads.isEmpty());

    // A different choice does switch (here to the local sandbox, which needs no key).
    m_controller->settingsOpened();
    m_controller->settingsClosed(ConnectionChoice{u"local"_s, {}}, true);
    QVERIFY(waitUntil([&] { return changed.count() == 1; }));
    QVERIFY(m_controller->session()->isLocal());
}

void TestConnectionController::settingsCancelledStillActsOnAKeyWritten()
{
    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());
    ConnectionSession *before = m_controller->session();
    QSignalSpy changed(m_controller.get(), &ConnectionController::sessionChanged);

    // A key saved with its own button stays saved when the dialog is then cancelled.
    m_controller->settingsOpened();
    QVERIFY(writeKey(sandboxSlot(), SandboxFixture::apiKey()));
    m_controller->settingsClosed(ConnectionChoice{u"production"_s, {}}, false);

    QVERIFY(waitUntil([&] { return changed.count() == 1; }));
    QVERIFY(m_controller->session() != before);
    QCOMPARE(m_controller->session()->choice(), sandboxChoice());
    QVERIFY(!WindowSettings::choice(m_fixture->settings())); // cancelled: nothing saved
}

void TestConnectionController::settingsAcceptedSavesTheChoice()
{
    QSettings &settings = m_fixture->settings();
    QVERIFY(!WindowSettings::choice(settings));

    m_controller->settingsOpened();
    m_controller->settingsClosed(sandboxChoice(), false);
    QVERIFY(!WindowSettings::choice(settings));

    m_controller->settingsOpened();
    m_controller->settingsClosed(sandboxChoice(), true);
    QCOMPARE(WindowSettings::choice(settings), std::optional<ConnectionChoice>(sandboxChoice()));

    // The next run's dialog starts from it.
    NoticeBoard notices;
    ConnectionController nextRun(&settings, nullptr, {}, &notices);
    QCOMPARE(nextRun.currentChoice(), sandboxChoice());
}

void TestConnectionController::thePreviousSessionGoesAfterASwitch()
{
    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());
    const QPointer<ConnectionSession> old = m_controller->session();

    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());

    QVERIFY(m_controller->session() != old);
    QCOMPARE(m_controller->session()->parent(), m_controller.get());
    // Deleted later, not now: whoever handles sessionChanged may still let go of it.
    QVERIFY(old);
    QVERIFY(waitUntil([&] { return old.isNull(); }));
}

void TestConnectionController::aKeptSessionStaysUntilItsWorkEnds()
{
    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());
    const QPointer<ConnectionSession> old = m_controller->session();
    auto work = std::make_unique<QObject>(); // an export still running on the old client
    old->keepWhile(work.get());

    m_controller->connectWithKey(sandboxChoice(), SandboxFixture::apiKey());
    settle();
    QVERIFY(old);

    work.reset();
    QVERIFY(waitUntil([&] { return old.isNull(); }));
}

void TestConnectionController::theRealKeyNeverReachesTheLocalSandbox()
{
    const QString realKey = u"sk_real_key_never_sent_9911"_s;

    m_controller->connectWithKey(ConnectionChoice{u"local"_s, {}}, realKey);

    ConnectionSession *session = m_controller->session();
    QVERIFY(session && session->isLocal());
    const QString used = session->client()->config().apiKey;
    QVERIFY2(used.startsWith(u"demo_"_s), qPrintable(used));
    QCOMPARE(m_sandboxKeys, QStringList{used});
    QVERIFY(session->sandbox());
    QCOMPARE(session->client()->config().baseUrl, session->sandbox()->baseUrl());
    // The local sandbox demands the made-up key, and gets it.
    QVERIFY(listsAPage(session));
}

void TestConnectionController::aLocalSandboxThatCannotStartSaysWhy()
{
    NoticeBoard notices;
    QStringList status;
    ConnectionController controller(
        &m_fixture->settings(), m_secrets.get(),
        [](const QString &, QString *error) {
            *error = u"no free port (staged)"_s;
            return std::unique_ptr<EmbeddedSandbox>();
        },
        &notices);
    connect(&controller, &ConnectionController::statusMessage, this,
            [&](const QString &text) { status.append(text); });

    controller.connectWithStoredKey(sandboxChoice());

    QVERIFY(waitUntil([&] { return notices.current().has_value(); }));
    QCOMPARE(notices.current()->title, noKeyForTheSandbox());
    QVERIFY(!controller.session());
    QVERIFY(!notices.current()->detail.contains(u"Still connected"_s));
    // Nothing is connected; the user must be able to read why the fallback did not open.
    const bool shown = (!status.isEmpty() && status.last().contains(u"no free port"_s)) ||
                       notices.current()->detail.contains(u"no free port"_s);
    QVERIFY2(shown, qPrintable(status.join(u" | "_s)));
}

void TestConnectionController::aKeyForOneOriginIsNeverReadForAnother()
{
    QVERIFY(startOtherOrigin());
    // Given a key stored for the sandbox's origin...
    QVERIFY(writeKey(sandboxSlot(), SandboxFixture::apiKey()));
    const ConnectionChoice other = otherChoice();

    // ...connecting to another origin reads that origin's slot only, and finds nothing.
    m_controller->connectWithStoredKey(other);

    QVERIFY(waitForNotice(u"No API key for http://127.0.0.1:%1"_s.arg(m_other->port())));
    QCOMPARE(m_secrets->reads, QStringList{keySlot(other).id});
    QVERIFY(m_controller->session()->isLocal()); // the fallback, not the other origin
    settle();
    QCOMPARE(m_other->requestsReceived(), 0);
}

void TestConnectionController::aKeyForAnotherOriginDoesNotCompleteTheSwitch()
{
    QVERIFY(startOtherOrigin());
    const ConnectionChoice other = otherChoice();
    m_controller->connectWithStoredKey(other);
    QVERIFY(waitForNotice(u"No API key for http://127.0.0.1:%1"_s.arg(m_other->port())));
    // QPointers, and QVERIFY rather than QCOMPARE: should a test fail, the session is gone
    // and QCOMPARE would print the deleted object.
    const QPointer<ConnectionSession> local = m_controller->session();
    QSignalSpy changed(m_controller.get(), &ConnectionController::sessionChanged);

    // A key written for the sandbox's origin while the other one is waited for...
    QVERIFY(writeKey(sandboxSlot(), SandboxFixture::apiKey()));
    settle();

    // ...completes nothing: still the local sandbox, still waiting, nothing sent.
    QVERIFY(local && m_controller->session() == local);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_controller->currentChoice(), other);
    QCOMPARE(m_other->requestsReceived(), 0);

    // The other origin's own key does.
    QVERIFY(writeKey(keySlot(other).id, kOtherKey));
    QVERIFY(waitUntil([&] { return changed.count() == 1; }));
    QCOMPARE(m_controller->session()->choice(), other);
    QCOMPARE(m_controller->session()->client()->config().apiKey, kOtherKey);
    QVERIFY(listsAPage(m_controller->session()));
}

void TestConnectionController::aKeyForAnotherOriginDoesNotReconnect()
{
    QVERIFY(startOtherOrigin());
    const ConnectionChoice other = otherChoice();
    m_controller->connectWithKey(other, kOtherKey);
    const QPointer<ConnectionSession> before = m_controller->session();
    QSignalSpy changed(m_controller.get(), &ConnectionController::sessionChanged);

    // A key written for the sandbox's origin while connected to the other one...
    QVERIFY(writeKey(sandboxSlot(), SandboxFixture::apiKey()));
    settle();
    QVERIFY(before && m_controller->session() == before);
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_secrets->reads.isEmpty());

    // ...or in the settings dialog, closed on the same choice, changes nothing either.
    m_controller->settingsOpened();
    QVERIFY(writeKey(sandboxSlot(), u"sk_sandbox_origin_key"_s));
    m_controller->settingsClosed(other, true);
    settle();
    QVERIFY(before && m_controller->session() == before);
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_secrets->reads.isEmpty());
    QCOMPARE(m_controller->session()->client()->config().apiKey, kOtherKey);
    QVERIFY(listsAPage(before));
}

QTEST_GUILESS_MAIN(TestConnectionController)
#include "tst_connectioncontroller.moc"
