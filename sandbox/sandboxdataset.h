// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringView>
#include <QtGlobal>
#include <memory>
#include <optional>
#include <vector>

class SandboxEventLog;

// The local sandbox's data: deterministic OAuth connections and applications for a seed.
// Generated connections are kept in list order (newest first, ties by id descending),
// about 50 bytes each with their indexes, so millions fit; every status × application
// filter has a pre-built row list, so a page is a slice and never a scan. Churn appends
// connections (rows after the generated ones) and deactivates others; each keeps every
// list in order. The events are derived from the connections (SandboxEventLog).
class SandboxDataset
{
public:
    static constexpr int IdLength = 20; // random part of every id
    static constexpr quint32 MaxConnections = 50'000'000;
    static constexpr int MaxApplications = 10'000;

    enum Status : quint8 { Active = 1, Inactive = 2, AnyStatus = Active | Inactive };

    struct Connection
    {
        char id[IdLength];   // after "connection_"
        quint32 createdAt;   // seconds after timeBase()
        quint32 deletedAt;   // seconds after timeBase(); 0 while active
        quint16 application; // index into the applications
    };

    struct Application
    {
        QByteArray id;
        qint64 createdAt = 0; // Unix seconds
        bool active = true;
        QByteArray json; // the object as the API renders it
    };

    // One filter's rows in list order; the unfiltered list needs no storage.
    class Rows
    {
    public:
        quint32 size() const { return m_size; }
        quint32 at(quint32 index) const { return m_rows ? m_rows[index] : index; }

    private:
        friend class SandboxDataset;
        const quint32 *m_rows = nullptr;
        quint32 m_size = 0;
    };

    // `tricky`: application names that exercise the awkward cases (SandboxNames), for tests.
    SandboxDataset(quint64 seed, quint32 connections, int applications, bool tricky = false);
    ~SandboxDataset();

    quint64 seed() const { return m_seed; }
    static qint64 timeBase();

    quint32 connectionCount() const { return m_generated + quint32(m_added.size()); }
    const Connection &connection(quint32 row) const
    {
        return row < m_generated ? m_connections[row] : m_added[row - m_generated];
    }
    std::optional<quint32> findConnection(QStringView id) const;
    // Appends the connection's JSON object, the 7 fields of the contract.
    void appendConnectionJson(QByteArray &out, quint32 row) const;

    int applicationCount() const { return int(m_applications.size()); }
    const Application &application(int index) const { return m_applications[size_t(index)]; }
    int findApplication(QStringView id) const; // -1 if unknown

    // `statuses` is a Status mask; `application` -1 means every application.
    Rows rows(quint8 statuses, int application) const;
    // Position in `rows` of the first row listed after `row` (which need not be in them).
    quint32 positionAfter(const Rows &rows, quint32 row) const;
    // Newest first, ties by id descending.
    bool listedBefore(quint32 a, quint32 b) const;

    const SandboxEventLog &events() const { return *m_events; }

    // Churn. A new active connection created at `unixSeconds` (its id from `idBits`, drawn
    // again by the caller when taken); returns its row, or nullopt when the id is taken.
    std::optional<quint32> addConnection(qint64 unixSeconds, int application, quint64 idBits1,
                                         quint64 idBits2);
    // Deactivates an active connection at `unixSeconds` (never before its created_at).
    bool deactivate(quint32 row, qint64 unixSeconds);

private:
    void generateConnections(int applications);
    void sortTies();
    void generateApplications(int applications);
    void buildIndexes();
    std::vector<quint32> &list(int statusSlot, int application);
    void writeGroupId(char *out, quint32 row) const;
    void insertInOrder(std::vector<quint32> &list, quint32 row);
    void eraseFrom(std::vector<quint32> &list, quint32 row);
    void listEveryRow();

    quint64 m_seed;
    bool m_tricky;
    std::vector<Connection> m_connections; // generated, in list order
    std::vector<Connection> m_added;       // by churn, rows from m_generated on
    quint32 m_generated = 0;
    bool m_everyRowListed = false; // the unfiltered list has storage (after churn added rows)
    std::unique_ptr<SandboxEventLog> m_events;
    std::vector<Application> m_applications;
    std::vector<quint32> m_byId;               // rows sorted by id, for retrieve
    std::vector<std::vector<quint32>> m_lists; // [statusSlot * (apps + 1) + app + 1]
    int m_deletedApplication = -1;
};
