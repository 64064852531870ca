// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogmodel.h"

#include "apierror.h"

#include <QLocale>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isControl(char byte)
{
    return uchar(byte) < 0x20 || uchar(byte) == 0x7f;
}

// Decodes %XX except where the result would be a control character.
QString readablyDecoded(const QByteArray &encoded)
{
    const QByteArray decoded = QByteArray::fromPercentEncoding(encoded);
    QByteArray shown;
    shown.reserve(decoded.size());
    for (const char byte : decoded) {
        if (isControl(byte))
            shown += '%' + QByteArray(1, byte).toHex().toUpper();
        else
            shown += byte;
    }
    return QString::fromUtf8(shown);
}

} // namespace

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RequestLogModel::setCapacity(int capacity)
{
    capacity = std::max(capacity, 1);
    if (capacity == m_capacity)
        return;
    if (m_count > capacity)
        dropOldest(m_count - capacity);
    m_capacity = capacity;
    // Free slots are allocated again as rows arrive, up to the new capacity.
    makeContiguous();
    m_ring.resize(size_t(m_count));
    m_ring.shrink_to_fit();
}

void RequestLogModel::setMaxBodyBytes(qint64 bytes)
{
    m_maxBodyBytes = std::max<qint64>(bytes, 0);
    if (m_maxBodyBytes == 0)
        return;
    int excess = 0;
    for (qint64 kept = m_bodyBytes; excess < m_count - 1 && kept > m_maxBodyBytes; ++excess)
        kept -= entry(excess).responseBody.size();
    if (excess > 0)
        dropOldest(excess);
}

const RequestLogEntry &RequestLogModel::entry(int row) const
{
    Q_ASSERT(row >= 0 && row < m_count);
    return m_ring[size_t(slotOf(row))];
}

QList<RequestLogEntry> RequestLogModel::entries() const
{
    QList<RequestLogEntry> out;
    out.reserve(m_count);
    for (int row = 0; row < m_count; ++row)
        out.append(entry(row));
    return out;
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_count ||
        index.column() >= ColumnCount)
        return {};
    const RequestLogEntry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole:
        // A long error type may be cut in its narrow column; elsewhere, the URL as sent.
        if (index.column() == ErrorTypeColumn && !e.errorType.isEmpty())
            return e.errorType;
        return e.url.toString(QUrl::FullyEncoded);
    case Qt::TextAlignmentRole:
        if (index.column() >= AttemptColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter); // the int views expect
        return {};
    case EntryRole:
        return QVariant::fromValue(e);
    case IsFailureRole:
        return isFailure(e);
    case StatusClassRole:
        return statusClass(e);
    case SortRole:
        return sortValue(e, index.column());
    default:
        return {};
    }
}

QVariant RequestLogModel::display(const RequestLogEntry &e, int column)
{
    const QLocale locale;
    switch (column) {
    case TimeColumn:
        return locale.toString(e.startedAt.toLocalTime(), u"HH:mm:ss.zzz");
    case MethodColumn:
        return QString::fromLatin1(e.method);
    case TargetColumn:
        return readableTarget(e.url);
    case StatusColumn:
        if (e.httpStatus > 0)
            return QString::number(e.httpStatus);
        return e.errorType.isEmpty() ? u"—"_s : QString(u"— "_s % e.errorType);
    case ErrorTypeColumn:
        return e.errorType;
    case AttemptColumn:
        return locale.toString(e.attempt);
    case LatencyColumn:
        return locale.toString(e.latencyMs);
    case SizeColumn:
        return locale.formattedDataSize(e.bytesReceived, 1);
    default:
        return {};
    }
}

QVariant RequestLogModel::sortValue(const RequestLogEntry &e, int column)
{
    switch (column) {
    case TimeColumn:
        return e.startedAt.toMSecsSinceEpoch();
    case MethodColumn:
        return QString::fromLatin1(e.method);
    case TargetColumn:
        return readableTarget(e.url);
    case StatusColumn:
        return e.httpStatus;
    case ErrorTypeColumn:
        return e.errorType;
    case AttemptColumn:
        return e.attempt;
    case LatencyColumn:
        return e.latencyMs;
    case SizeColumn:
        return e.bytesReceived;
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole)
        return headerToolTip(section);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    // Short, so that the columns beside the path stay narrow; the tooltip says the rest.
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case TargetColumn:
        return tr("Path and query");
    case StatusColumn:
        return tr("Status");
    case ErrorTypeColumn:
        return tr("Error type");
    case AttemptColumn:
        return tr("Attempt");
    case LatencyColumn:
        return tr("Latency");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

QString RequestLogModel::headerToolTip(int section)
{
    switch (section) {
    case TimeColumn:
        return tr("When the request was sent, in local time");
    case MethodColumn:
        return tr("The HTTP method");
    case TargetColumn:
        return tr("The path and query, decoded for reading; a row's tooltip has the URL as "
                  "it was sent");
    case StatusColumn:
        return tr("The HTTP status, or — when no response arrived");
    case ErrorTypeColumn:
        return tr("The Increase error type (the type field of the error body), or why no "
                  "usable response arrived, such as network_error");
    case AttemptColumn:
        return tr("1 for the first try, 2 and up for its retries");
    case LatencyColumn:
        return tr("Latency in milliseconds: from sending the request to the end of its "
                  "response");
    case SizeColumn:
        return tr("The size of the response body received");
    default:
        return {};
    }
}

bool RequestLogModel::isCancelled(const RequestLogEntry &entry)
{
    return entry.errorType == ApiError::typeName(ApiError::Kind::Cancelled);
}

bool RequestLogModel::isFailure(const RequestLogEntry &entry)
{
    if (isCancelled(entry))
        return false;
    return entry.httpStatus <= 0 || entry.httpStatus >= 400 || !entry.errorType.isEmpty();
}

int RequestLogModel::statusClass(const RequestLogEntry &entry)
{
    return entry.httpStatus >= 100 && entry.httpStatus <= 599 ? entry.httpStatus / 100 : 0;
}

QString RequestLogModel::readableTarget(const QUrl &url)
{
    QString target = readablyDecoded(url.path(QUrl::FullyEncoded).toLatin1());
    if (url.hasQuery())
        target += u'?' + readablyDecoded(url.query(QUrl::FullyEncoded).toLatin1());
    return target;
}

void RequestLogModel::append(const RequestLogEntry &entry)
{
    int excess = std::max(0, m_count + 1 - m_capacity);
    if (m_maxBodyBytes > 0) {
        qint64 kept = m_bodyBytes + entry.responseBody.size();
        for (int row = 0; row < excess; ++row)
            kept -= this->entry(row).responseBody.size();
        while (excess < m_count && kept > m_maxBodyBytes)
            kept -= this->entry(excess++).responseBody.size();
    }
    if (excess > 0)
        dropOldest(excess);

    if (size_t(m_count) == m_ring.size()) {
        // Every slot holds a row, so the log is below capacity: add one, never past it.
        makeContiguous();
        if (m_ring.size() == m_ring.capacity())
            m_ring.reserve(std::min(size_t(m_capacity), std::max<size_t>(64, m_ring.size() * 2)));
        m_ring.emplace_back();
    }
    beginInsertRows({}, m_count, m_count);
    m_ring[size_t(slotOf(m_count))] = entry;
    m_bodyBytes += entry.responseBody.size();
    ++m_count;
    endInsertRows();
}

void RequestLogModel::markRetryCancelled(quint64 id)
{
    // The exchange is among the newest: a retry waits seconds, not thousands of requests.
    for (int row = m_count - 1; row >= 0; --row) {
        RequestLogEntry &logged = m_ring[size_t(slotOf(row))];
        if (logged.id != id)
            continue;
        logged.retryCancelled = true;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
}

void RequestLogModel::clear()
{
    beginResetModel();
    std::vector<RequestLogEntry>().swap(m_ring); // give the memory back, not just the rows
    m_head = 0;
    m_count = 0;
    m_dropped = 0;
    m_bodyBytes = 0;
    endResetModel();
}

void RequestLogModel::dropOldest(int rows)
{
    beginRemoveRows({}, 0, rows - 1);
    for (int row = 0; row < rows; ++row) {
        RequestLogEntry &slot = m_ring[size_t(slotOf(row))];
        m_bodyBytes -= slot.responseBody.size();
        slot = RequestLogEntry(); // the memory goes now, not when the slot is reused
    }
    m_head = slotOf(rows);
    m_count -= rows;
    m_dropped += rows;
    endRemoveRows();
}

void RequestLogModel::makeContiguous()
{
    if (m_head != 0) {
        std::rotate(m_ring.begin(), m_ring.begin() + m_head, m_ring.end());
        m_head = 0;
    }
}
