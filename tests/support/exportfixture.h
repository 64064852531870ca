// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "englishplurals.h"
#include "exporter.h"
#include "exportfolder.h"
#include "sandboxserver.h"

#include <memory>
#include <optional>

class ConnectionSession;
class ConnectionTableModel;
class ExportController;

// What the export suites that drive an ExportController share: the local sandbox
// in-process on loopback, sessions connected to it, and for each test a fresh folder, a
// fresh controller and what it said when its export ended.
class ExportFixture
{
public:
    // The sandbox's port and key are the fixture's; the rest (tricky names…) the suite's.
    explicit ExportFixture(SandboxOptions options = {});
    ~ExportFixture();

    // In initTestCase: the sandbox listens.
    bool listen(QString *error);
    SandboxServer &sandbox() { return *m_sandbox; }
    QString apiKey() const;
    // "custom" pointed at the sandbox, with quick retries. The caller's to delete.
    ConnectionSession *newSession() const;
    // Load All, waited for until the last page is in. False when it did not end.
    static bool loadEveryPage(ConnectionTableModel *model, int timeoutMs = 30000);

    // In init: a new folder and controller. False when the folder could not be made.
    bool beginTest();
    // In cleanup: the controller goes (cancelling what runs); no latency or faults left.
    void endTest();
    ExportFolder &folder() { return *m_folder; }
    ExportController *exports() const { return m_exports.get(); }
    // The controller destroyed mid-test, as when the window closes.
    void destroyExports();

    // Waits until the export ends: its result ("<timed out>" in the message when it did
    // not end), and outcomePath() the file it was for.
    ExportResult waitForOutcome(int timeoutMs = 60000);
    QString outcomePath() const { return m_outcomePath; }

private:
    EnglishPlurals m_plurals; // what the app installs: "1 row", "2 rows"
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ExportFolder> m_folder;
    std::unique_ptr<ExportController> m_exports;
    std::optional<ExportResult> m_outcome;
    QString m_outcomePath;
};
