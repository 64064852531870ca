// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// How many cursor streams a partitioned export keeps in flight (PRODUCT.md §5). Pure, so
// the choice can be tested without a network. 1 means the plain sequential stream.
namespace PartitionPlan {

// Automatic choice caps: beyond 8 streams one QNetworkAccessManager (6 connections per
// host) gains nothing, and with many applications every partition costs at least one
// request, so small partitions would cost more requests than they save.
inline constexpr int kAutoMaxStreams = 8;
// QNetworkAccessManager opens at most 6 HTTP/1.1 connections to a host: a 7th request
// waits inside Qt for one of them, and takes two round trips instead of one (issue 15:
// at 50 ms, one request in seven took ~100 ms). The automatic choice keeps at most this
// many requests in flight; the streams beyond it wait in the merge, not in a queue that
// looks like latency.
inline constexpr int kConnectionsPerHost = 6;
inline constexpr int kAutoMaxApplications = 64;
inline constexpr int kMaxParallel = 32;

// `parallel`: 0 automatic, else the user's N (1..kMaxParallel). `applications`: how many
// the listing would be split into. `rate`: the client's limit in requests per second.
// `latencyMs`: one request's round trip, as measured while listing the applications.
//
// Automatic: one stream when there is nothing to split or too much (see above), or when
// one stream alone already reaches the rate limit (latency × rate < 1 s); else the
// requests in flight that saturate the limit (rate × latency, Little's law) plus one
// for headroom, at most 8 and at most one per application, and never more than the
// connections Qt opens to one host (kConnectionsPerHost).
// True when one stream (one request in flight) cannot reach `rate`: the only case in
// which splitting can be faster.
bool oneStreamTooSlow(double rate, qint64 latencyMs);

int streams(int parallel, int applications, double rate, qint64 latencyMs);

} // namespace PartitionPlan
