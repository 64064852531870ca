// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class Console;
class IncreaseClient;

// One headless command, run on the event loop: start() begins the work, `finished`
// reports the exit code exactly once. cancel() (SIGINT, SIGTERM) stops the work in
// flight, discards unfinished output and reports `finished` before it returns.
class Command : public QObject
{
    Q_OBJECT
public:
    Command(IncreaseClient *client, Console *console, QObject *parent = nullptr)
        : QObject(parent)
        , m_client(client)
        , m_console(console)
    {}

    virtual void start() = 0;
    virtual void cancel() = 0;

Q_SIGNALS:
    void finished(int exitCode);

protected:
    void finish(int exitCode)
    {
        if (m_finished)
            return;
        m_finished = true;
        Q_EMIT finished(exitCode);
    }
    bool isFinished() const { return m_finished; }

    IncreaseClient *m_client;
    Console *m_console;

private:
    bool m_finished = false;
};
