// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Measures how many list pages per second the local sandbox serves: one keep-alive
// connection, raw HTTP, following next_cursor, so the client costs next to nothing.
//   sandbox-pagebench http://127.0.0.1:4010 [pages] [query] [key]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QUrl>
#include <cstdio>

namespace {

// Reads one response; returns its body, or a null array on failure.
QByteArray readResponse(QTcpSocket &socket)
{
    QByteArray buffer;
    qsizetype headerEnd = -1;
    while ((headerEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (!socket.waitForReadyRead(10000))
            return {};
        buffer += socket.readAll();
    }
    const QByteArray lower = buffer.left(headerEnd).toLower();
    const qsizetype at = lower.indexOf("content-length:");
    if (at < 0)
        return {};
    const qsizetype lineEnd = lower.indexOf("\r\n", at);
    const qsizetype length = lower.mid(at + 15, lineEnd - at - 15).trimmed().toLongLong();
    while (buffer.size() < headerEnd + 4 + length) {
        if (!socket.waitForReadyRead(10000))
            return {};
        buffer += socket.readAll();
    }
    return buffer.mid(headerEnd + 4, length);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fputs("usage: sandbox-pagebench BASE_URL [PAGES] [QUERY] [KEY]\n", stderr);
        return 2;
    }
    const QUrl base(args.at(1));
    const int pages = args.size() > 2 ? args.at(2).toInt() : 10000;
    const QByteArray query = args.size() > 3 ? args.at(3).toUtf8() : QByteArray("limit=100");
    const QByteArray key = args.size() > 4 ? args.at(4).toUtf8() : QByteArray("bench");

    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port(80)));
    if (!socket.waitForConnected(5000)) {
        std::fputs("cannot connect\n", stderr);
        return 1;
    }
    QByteArray cursor;
    qint64 bytes = 0;
    int served = 0;
    QElapsedTimer timer;
    timer.start();
    while (served < pages) {
        QByteArray target = "/oauth_connections?" + query;
        if (!cursor.isEmpty())
            target += "&cursor=" + cursor;
        socket.write("GET " + target + " HTTP/1.1\r\nHost: " + base.host().toUtf8() +
                     "\r\nAuthorization: Bearer " + key + "\r\nAccept: application/json\r\n\r\n");
        const QByteArray body = readResponse(socket);
        if (body.isNull()) {
            std::fputs("bad response\n", stderr);
            return 1;
        }
        bytes += body.size();
        ++served;
        const QByteArray marker = "\"next_cursor\":\"";
        const qsizetype at = body.lastIndexOf(marker);
        cursor = at < 0 ? QByteArray()
                        : body.mid(at + marker.size(),
                                   body.indexOf('"', at + marker.size()) - at - marker.size());
        if (cursor.isEmpty() && served < pages)
            cursor.clear(); // end of the list: start over
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%d pages in %.2f s: %.0f pages/s, %.1f MB/s of JSON\n", served, seconds,
                served / seconds, double(bytes) / seconds / 1e6);
    return 0;
}
