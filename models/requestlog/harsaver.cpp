// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "harsaver.h"

#include "harwriter.h"

#include <QThread>
#include <memory>

namespace {

struct Outcome
{
    bool saved = false;
    QString error;
};

} // namespace

HarSaver::HarSaver(QObject *parent)
    : QObject(parent)
{}

HarSaver::~HarSaver()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool HarSaver::save(const QString &path, const QList<RequestLogEntry> &entries,
                    const QString &creatorVersion)
{
    if (m_thread)
        return false;
    // Written by the worker only, read here only once it has finished.
    auto outcome = std::make_shared<Outcome>();
    QThread *thread = QThread::create([path, entries, creatorVersion, outcome] {
        outcome->saved = HarWriter::saveHar(path, entries, creatorVersion, &outcome->error);
    });
    m_thread = thread;
    // finished comes from the worker; queued, it lands here after the write is done.
    connect(thread, &QThread::finished, this,
            [this, thread, path, count = entries.size(), outcome] {
                m_thread = nullptr;
                thread->deleteLater();
                Q_EMIT finished(path, count, outcome->saved, outcome->error);
            });
    thread->start(QThread::LowPriority);
    return true;
}
