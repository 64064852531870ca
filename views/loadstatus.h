#pragma once

#include <QPointer>
#include <QWidget>

class ConnectionTableModel;
class QLabel;
class QProgressBar;
class QPushButton;

// The status bar's account of the listing: "N loaded · more available" or "N connections ·
// all loaded", the time of the last fetch, the requests in flight, and "Load all" with its
// progress and Cancel. The API gives no total, so progress is the rows loaded so far.
class LoadStatus : public QWidget
{
    Q_OBJECT
public:
    explicit LoadStatus(QWidget *parent = nullptr);

    void setModel(ConnectionTableModel *model);
    void setInFlight(int requests);

    QString countText() const;
    QString lastFetchText() const;
    QString inFlightText() const;
    bool isLoadingAll() const;
    QString progressText() const;
    QPushButton *loadAllButton() const { return m_loadAll; }
    QPushButton *cancelButton() const { return m_cancel; }

    void loadAll();
    void cancelLoadAll();

private:
    void update();

    QPointer<ConnectionTableModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    QLabel *m_count;
    QLabel *m_lastFetch;
    QLabel *m_inFlight;
    QPushButton *m_loadAll;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QPushButton *m_cancel;
};
