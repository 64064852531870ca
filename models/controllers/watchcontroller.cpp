// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchcontroller.h"

#include "changefeed.h"
#include "increaseclient.h"
#include "noticeboard.h"
#include "windowsettings.h"

#include <QLocale>
#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

ChangeFeedFilter feedFilter(const ConnectionQuery &query)
{
    ChangeFeedFilter filter;
    const bool active = query.statuses.isEmpty() || query.statuses.contains("active"_L1);
    const bool inactive = query.statuses.contains("inactive"_L1);
    filter.status = active && inactive ? ChangeFeedFilter::Status::All
                    : inactive         ? ChangeFeedFilter::Status::Inactive
                                       : ChangeFeedFilter::Status::Active;
    filter.applicationId = query.applicationId;
    return filter;
}

// "12:05" today, "3 Dec 12:05" before: the counter stays short.
QString shortTime(const QDateTime &utc)
{
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    const QString time = local.time().toString(u"HH:mm"_s);
    if (local.date() == QDate::currentDate())
        return time;
    return locale.toString(local.date(), u"d MMM"_s) + u' ' + time;
}

} // namespace

WatchController::WatchController(QSettings *settings, NoticeBoard *notices, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_notices(notices)
    , m_intervalSeconds(std::clamp(WindowSettings::watchIntervalSeconds(*settings),
                                   kMinimumIntervalSeconds, kMaximumIntervalSeconds))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WatchController::pollNow);
}

WatchController::~WatchController()
{
    stopFeed();
}

void WatchController::setListing(ConnectionTableModel *model, IncreaseClient *client)
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    stopFeed();
    m_model = model;
    m_client = client;
    if (model) {
        m_modelConnections = {
            connect(model, &ConnectionTableModel::queryChanged, this,
                    &WatchController::onListingRestarted),
            connect(model, &ConnectionTableModel::pageReceived, this,
                    [this] {
                        if (m_watching && !m_feed)
                            startFeed();
                    }),
        };
    }
    onListingRestarted();
}

void WatchController::onListingRestarted()
{
    // A new query (or a refresh) is a new listing: what the watch counted and marked was
    // about the old one, and it starts again from where the new one begins.
    stopFeed();
    m_created = 0;
    m_deactivated = 0;
    m_countingSince = {};
    m_lastError.reset();
    if (m_watching && m_model && m_model->firstPageReceived())
        startFeed();
    Q_EMIT counterChanged();
}

void WatchController::setWatching(bool watching)
{
    if (watching == m_watching)
        return;
    m_watching = watching;
    if (watching) {
        m_created = 0;
        m_deactivated = 0;
        m_countingSince = {};
        if (m_model && m_model->firstPageReceived())
            startFeed();
    } else {
        stopFeed();
        m_notices->clearFrom(this);
    }
    Q_EMIT watchingChanged(watching);
    Q_EMIT counterChanged();
}

void WatchController::setIntervalSeconds(int seconds)
{
    seconds = std::clamp(seconds, kMinimumIntervalSeconds, kMaximumIntervalSeconds);
    if (seconds == m_intervalSeconds)
        return;
    m_intervalSeconds = seconds;
    WindowSettings::setWatchIntervalSeconds(*m_settings, seconds);
    if (m_timer.isActive())
        m_timer.start(seconds * 1000);
    Q_EMIT intervalChanged(seconds);
    Q_EMIT counterChanged();
}

void WatchController::startFeed()
{
    if (!m_model || !m_client)
        return;
    m_feed = new ChangeFeed(m_client, feedFilter(m_model->query()), this);
    // From where the listing began by the server's clock; a server that sent no Date
    // gets the feed's own start (the Date of its first answer, or a clear failure).
    if (m_model->listedAt().isValid())
        m_feed->startAt(m_model->listedAt());
    if (!m_countingSince.isValid())
        m_countingSince =
            m_model->listedAt().isValid() ? m_model->listedAt() : QDateTime::currentDateTimeUtc();
    connect(m_feed, &ChangeFeed::changed, this, &WatchController::onChanges);
    connect(m_feed, &ChangeFeed::polled, this, &WatchController::onPolled);
    connect(m_feed, &ChangeFeed::failed, this, &WatchController::onFailed);
    pollNow();
}

void WatchController::stopFeed()
{
    m_timer.stop();
    if (!m_feed)
        return;
    m_requestsBefore += m_feed->requestCount();
    m_feed->disconnect(this);
    m_feed->cancel();
    m_feed->deleteLater();
    m_feed = nullptr;
}

void WatchController::pollNow()
{
    if (!m_watching || !m_feed || m_feed->isPolling())
        return;
    m_timer.stop();
    m_feed->poll();
}

bool WatchController::isPolling() const
{
    return m_feed && m_feed->isPolling();
}

void WatchController::scheduleNext()
{
    if (m_watching && m_feed)
        m_timer.start(m_intervalSeconds * 1000);
}

void WatchController::onChanges(const QList<ConnectionChange> &changes)
{
    for (const ConnectionChange &change : changes) {
        const bool created = change.event.category == QStringView(EventCategory::ConnectionCreated);
        ConnectionTableModel::ChangeOutcome outcome = ConnectionTableModel::ChangeOutcome::Ignored;
        if (m_model) {
            outcome = m_model->applyChange(change.connection,
                                           created ? ConnectionTableModel::RowMark::Created
                                                   : ConnectionTableModel::RowMark::Deactivated,
                                           change.eventTime);
        }
        // A change the listing already showed (same second as its Date) is not news.
        if (outcome != ConnectionTableModel::ChangeOutcome::Unchanged)
            (created ? m_created : m_deactivated) += 1;
        Q_EMIT changeApplied(change, outcome);
    }
}

void WatchController::onPolled()
{
    m_lastPolledAt = QDateTime::currentDateTimeUtc();
    if (std::exchange(m_lastError, std::nullopt))
        m_notices->clearFrom(this);
    Q_EMIT counterChanged();
    Q_EMIT pollFinished(true);
    scheduleNext();
}

void WatchController::onFailed(const ApiError &error)
{
    m_lastError = error;
    // The listing's own notice (a failed page, a rate limit) says more: it stays.
    if (!m_notices->current() || m_notices->isFrom(this)) {
        Notice notice;
        notice.error = error;
        notice.error->title = tr("Checking for changes failed: %1").arg(error.title);
        notice.actions = Notice::Retry | Notice::ShowInRequestLog | Notice::Dismiss;
        m_notices->post(this, notice, [this] { pollNow(); });
    }
    Q_EMIT statusMessage(
        tr("Checking for changes failed; trying again in %n s.", nullptr, m_intervalSeconds), 0);
    Q_EMIT counterChanged();
    Q_EMIT pollFinished(false);
    scheduleNext();
}

QString WatchController::counterText() const
{
    if (!m_watching)
        return {};
    if (!m_countingSince.isValid())
        return tr("Watching…");
    const QString since = shortTime(m_countingSince);
    if (m_created == 0 && m_deactivated == 0)
        return tr("No changes since %1").arg(since);
    QStringList parts;
    if (m_created > 0)
        parts << tr("%n new", nullptr, m_created);
    if (m_deactivated > 0)
        parts << tr("%n deactivated", nullptr, m_deactivated);
    return tr("%1 since %2").arg(parts.join(u", "_s), since);
}

QString WatchController::counterToolTip() const
{
    if (!m_watching)
        return {};
    QString text = tr("Watching for changes every %n s.", nullptr, m_intervalSeconds);
    if (m_lastError)
        text += u'\n' + tr("The last check failed: %1").arg(m_lastError->message());
    else if (m_lastPolledAt.isValid())
        text += u'\n' + tr("Last checked at %1.")
                            .arg(QLocale().toString(m_lastPolledAt.toLocalTime().time(),
                                                    QLocale::LongFormat));
    if (m_created + m_deactivated > 0)
        text += u'\n' + tr("Click to go to the next changed row.");
    return text;
}

int WatchController::nextChangedRow(int from) const
{
    if (!m_model)
        return -1;
    const QList<int> rows = m_model->markedRows();
    if (rows.isEmpty())
        return -1;
    const auto next = std::upper_bound(rows.cbegin(), rows.cend(), from);
    return next != rows.cend() ? *next : rows.first();
}

void WatchController::clearChanges()
{
    m_created = 0;
    m_deactivated = 0;
    if (m_watching)
        m_countingSince = QDateTime::currentDateTimeUtc();
    if (m_model)
        m_model->clearMarks();
    Q_EMIT counterChanged();
}

int WatchController::requestCount() const
{
    return m_requestsBefore + (m_feed ? m_feed->requestCount() : 0);
}
