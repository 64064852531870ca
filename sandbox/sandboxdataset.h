#pragma once

#include <QByteArray>
#include <QStringView>
#include <QtGlobal>
#include <optional>
#include <vector>

// The local sandbox's data: deterministic OAuth connections and applications for a seed.
// Connections are kept in list order (newest first, ties by id descending), about 50
// bytes each with their indexes, so millions fit; every status × application filter has
// a pre-built row list, so a page is a slice and never a scan.
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

    quint64 seed() const { return m_seed; }
    static qint64 timeBase();

    quint32 connectionCount() const { return quint32(m_connections.size()); }
    const Connection &connection(quint32 row) const { return m_connections[row]; }
    std::optional<quint32> findConnection(QStringView id) const;
    // Appends the connection's JSON object, the 7 fields of the contract.
    void appendConnectionJson(QByteArray &out, quint32 row) const;

    int applicationCount() const { return int(m_applications.size()); }
    const Application &application(int index) const { return m_applications[size_t(index)]; }
    int findApplication(QStringView id) const; // -1 if unknown

    // `statuses` is a Status mask; `application` -1 means every application.
    Rows rows(quint8 statuses, int application) const;

private:
    void generateConnections(int applications);
    void sortTies();
    void generateApplications(int applications);
    void buildIndexes();
    std::vector<quint32> &list(int statusSlot, int application);
    void writeGroupId(char *out, quint32 row) const;

    quint64 m_seed;
    bool m_tricky;
    std::vector<Connection> m_connections;
    std::vector<Application> m_applications;
    std::vector<quint32> m_byId;               // rows sorted by id, for retrieve
    std::vector<std::vector<quint32>> m_lists; // [statusSlot * (apps + 1) + app + 1]
    int m_deletedApplication = -1;
};
