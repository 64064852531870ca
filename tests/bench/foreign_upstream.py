#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Increase Connections authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A slow upstream that is not ours, for bench_foreign: serves the pages it dumped from
the sandbox (PAGES/<listing>/<cursor or "first">.json) after sleeping LATENCY_MS, on
127.0.0.1:PORT, HTTP/1.1 keep-alive, one thread a connection. <listing> is "all" for
/oauth_connections, the application id for /oauth_connections?oauth_application_id=ID,
"applications" for /oauth_applications. The other query parameters (limit, status.in) are
not read: they are those the pages were dumped with. Prints "listening on PORT" when ready.

    python3 foreign_upstream.py PAGES PORT LATENCY_MS [nagle]

http.server writes the headers and the body in two send()s. With Nagle's algorithm on (the
socket's default, kept by "nagle"), the body waits for the ACK of the headers, which the
peer delays by 40 ms: every page then takes LATENCY_MS + ~40 ms. By default the socket
has TCP_NODELAY, as nginx and most servers set it, so a page takes LATENCY_MS.
"""
import http.server
import os
import re
import sys
import time
import urllib.parse

SAFE = re.compile(r"^[A-Za-z0-9_-]{1,200}$")


def main():
    pages, port, latency = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]) / 1000.0
    nagle = sys.argv[4:] == ["nagle"]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = not nagle

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query)
            cursor = query.get("cursor", ["first"])[0]
            if url.path == "/oauth_connections":
                listing = query.get("oauth_application_id", ["all"])[0]
            elif url.path == "/oauth_applications":
                listing = "applications"
            else:
                listing = ""
            body, status = b"", 404
            if SAFE.match(listing) and SAFE.match(cursor):
                try:
                    with open(os.path.join(pages, listing, cursor + ".json"), "rb") as page:
                        body, status = page.read(), 200
                except FileNotFoundError:
                    pass
            if status != 200:
                body = b'{"status":404,"type":"object_not_found_error","title":"Not found."}'
            time.sleep(latency)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass  # nginx's access log has every request

    # socketserver's listen backlog is 5: when nginx opens more upstream connections at
    # once, a SYN is dropped and retried 1 s later (one page then takes over a second).
    http.server.ThreadingHTTPServer.request_queue_size = 128
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print("listening on %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
