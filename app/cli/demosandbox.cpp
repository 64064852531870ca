// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demosandbox.h"

#include "sandboxserver.h"

#include <QCoreApplication>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

DemoSandbox::DemoSandbox() = default;
DemoSandbox::~DemoSandbox() = default;

bool DemoSandbox::start(QString *error)
{
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / int(sizeof(quint32)));
    m_apiKey = u"demo_"_s + QString::fromLatin1(random.toHex());

    SandboxOptions options;
    options.port = 0;
    options.apiKey = m_apiKey;
    m_server = std::make_unique<SandboxServer>(options);
    QString why;
    if (!m_server->listen(&why)) {
        if (error)
            *error =
                QCoreApplication::translate("DemoSandbox", "could not start the local sandbox: %1")
                    .arg(why);
        m_server.reset();
        return false;
    }
    return true;
}

QUrl DemoSandbox::baseUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}
