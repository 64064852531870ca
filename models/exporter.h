#pragma once

#include "apierror.h"
#include "apiquery.h"
#include "exportcolumn.h"
#include "oauthconnection.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

class IncreaseClient;
class ConnectionWalker;
class ApplicationDirectory;
class RowWriter;
class QIODevice;
class QSaveFile;

struct ExportOptions
{
    enum class Format { Csv, Jsonl };

    ConnectionQuery query;
    QList<ExportColumn> columns = ExportColumns::defaults(false);
    Format format = Format::Csv;
    bool bom = false;
    QString outputPath = QStringLiteral("-"); // "-" is standard output
    int maxRetries = 5;
    // When set, these rows are written instead of listing the API ("loaded rows only").
    std::optional<QList<OAuthConnection>> rows;
};

struct ExportResult
{
    enum class Outcome { Completed, Failed, Cancelled, OutputClosed };

    Outcome outcome = Outcome::Failed;
    qint64 rows = 0;
    int pages = 0;
    int retries = 0;
    qint64 duplicatesDropped = 0;
    ApiError error;  // when Failed because of the API or the network
    QString message; // for people: what happened and what to do
};

// Streams every connection matching a query into a file or stdout. A file is written
// through QSaveFile and committed only when the listing completed: a failed or cancelled
// export leaves the previous file (or none). Duplicate ids across pages are dropped and
// counted. Memory stays flat: rows are formatted and written page by page.
class Exporter : public QObject
{
    Q_OBJECT
public:
    Exporter(IncreaseClient *client, ExportOptions options, QObject *parent = nullptr);
    ~Exporter() override;

    void start();
    void cancel();

Q_SIGNALS:
    void progress(qint64 rows, int pages, int retries);
    void retryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    void finished(const ExportResult &result);

private:
    bool openOutput();
    void startListing();
    void writePage(const QList<OAuthConnection> &rows);
    bool writeBytes(const QByteArray &bytes);
    void complete();
    void fail(const ApiError &error, const QString &what);
    void stopListing();
    void finishWith(ExportResult::Outcome outcome, const QString &message);

    struct State;
    std::unique_ptr<State> d;
};
