// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowfixture.h"

#include "connectionsettingsdialog.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "inprocesssandbox.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;

WindowFixture::WindowFixture()
{
    QCoreApplication::installTranslator(&m_plurals);
    if (!m_dir.isValid())
        return;
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"window.ini"_s), QSettings::IniFormat);
    SandboxOptions options;
    options.port = 0;
    options.connections = 900;
    options.applications = 4;
    options.seed = 7;
    options.apiKey = QString::fromLatin1(kApiKey);
    m_sandbox = std::make_unique<SandboxServer>(options);
    m_ready = m_sandbox->listen();
}

WindowFixture::~WindowFixture()
{
    QCoreApplication::removeTranslator(&m_plurals);
}

ConnectionChoice WindowFixture::sandboxChoice() const
{
    return ConnectionChoice{u"custom"_s, m_sandbox->baseUrl()};
}

std::unique_ptr<MainWindow> WindowFixture::newWindow()
{
    auto window =
        std::make_unique<MainWindow>(m_settings.get(), &m_secrets, &InProcessSandbox::start);
    window->show();
    // Shortcuts need an active window; the offscreen platform activates on request.
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the window did not become active");
    return window;
}

std::unique_ptr<MainWindow> WindowFixture::openWindow()
{
    std::unique_ptr<MainWindow> window = newWindow();
    window->connectWithKey(sandboxChoice(), QString::fromLatin1(kApiKey));
    if (!waitUntil([&] {
            const ConnectionTableModel *model = tableModel(*window);
            return model && model->rowCount() >= kPageSize && !model->isFetching();
        }))
        qWarning("the first page did not arrive");
    return window;
}

ConnectionTableModel *tableModel(const MainWindow &window)
{
    return window.tableView()->connectionModel();
}

bool enterKeyAndAccept(ConnectionSettingsDialog *dialog, const QString &key)
{
    QLineEdit *keyEdit = nullptr;
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
        if (edit->accessibleName() == u"API key"_s)
            keyEdit = edit;
    }
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    if (!keyEdit || !buttons || !buttons->button(QDialogButtonBox::Ok))
        return false;
    if (!waitUntil([&] { return keyEdit->isEnabled(); }))
        return false;
    QTest::keyClicks(keyEdit, key);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    return true;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QTest::qSleep(1);
    }
    return true;
}
