// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportfixture.h"

#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "exportcontroller.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Distinctive, so a suite can tell that it reached no file.
const QString kApiKey = u"ic_test_key_EXPORTS_4242"_s;

} // namespace

ExportFixture::ExportFixture(SandboxOptions options)
{
    QCoreApplication::installTranslator(&m_plurals);
    options.port = 0;
    options.apiKey = kApiKey;
    m_sandbox = std::make_unique<SandboxServer>(options);
}

ExportFixture::~ExportFixture()
{
    m_exports.reset();
    QCoreApplication::removeTranslator(&m_plurals);
}

bool ExportFixture::listen(QString *error)
{
    return m_sandbox->listen(error);
}

QString ExportFixture::apiKey() const
{
    return kApiKey;
}

ConnectionSession *ExportFixture::newSession() const
{
    ClientConfig defaults;
    defaults.backoffScale = 0.01;
    QString error;
    ConnectionSession *session = ConnectionSession::create(
        ConnectionChoice{u"custom"_s, m_sandbox->baseUrl()}, kApiKey, defaults, {}, &error);
    if (!session)
        qWarning("no session: %s", qPrintable(error));
    return session;
}

bool ExportFixture::loadEveryPage(ConnectionTableModel *model, int timeoutMs)
{
    model->loadAll();
    return QTest::qWaitFor([&] { return !model->hasMore() && !model->isFetching(); }, timeoutMs);
}

bool ExportFixture::beginTest()
{
    m_folder = std::make_unique<ExportFolder>();
    m_exports = std::make_unique<ExportController>();
    m_outcome.reset();
    m_outcomePath.clear();
    QObject::connect(m_exports.get(), &ExportController::finished, m_exports.get(),
                     [this](const ExportResult &result, const QString &path) {
                         m_outcome = result;
                         m_outcomePath = path;
                     });
    return m_folder->isValid();
}

void ExportFixture::endTest()
{
    m_exports.reset();
    m_sandbox->setLatency(0, 0);
    m_sandbox->setFailRate(0);
    m_sandbox->setRateLimit(0);
}

void ExportFixture::destroyExports()
{
    m_exports.reset();
}

ExportResult ExportFixture::waitForOutcome(int timeoutMs)
{
    if (!QTest::qWaitFor([&] { return m_outcome.has_value(); }, timeoutMs)) {
        ExportResult timedOut;
        timedOut.message = u"<timed out>"_s;
        return timedOut;
    }
    const ExportResult result = *m_outcome;
    m_outcome.reset();
    return result;
}
