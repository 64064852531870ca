// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxcursor.h"
#include "sandboxrequest.h"
#include "sandboxresponse.h"

#include <QString>
#include <optional>

class SandboxDataset;

// The endpoints of the contract over a dataset: authentication, routing, parameter
// checks, pages and retrieves. Pure request-to-response, no sockets, no faults.
class SandboxApi
{
public:
    // An empty `apiKey` accepts any non-empty Bearer key.
    SandboxApi(const SandboxDataset &dataset, const QString &apiKey);

    SandboxResponse handle(const SandboxRequest &request) const;

private:
    std::optional<SandboxResponse> authenticate(const SandboxRequest &request) const;
    SandboxResponse listConnections(const SandboxRequest &request) const;
    SandboxResponse retrieveConnection(const QString &id) const;
    SandboxResponse listApplications(const SandboxRequest &request) const;
    SandboxResponse retrieveApplication(const QString &id) const;
    SandboxResponse listEvents(const SandboxRequest &request) const;
    SandboxResponse retrieveEvent(const QString &id) const;

    // Resolves `cursor` against a filter: the value it carries (below `bound`), or an
    // error response. Applications' cursors carry the next offset; connections' and
    // events' the last item listed, so a page starts after it however the list changed.
    std::optional<SandboxResponse> startOfPage(const QString &cursor, quint64 filterSignature,
                                               quint32 bound, quint32 *value) const;
    // Items offset..offset+limit of `size`; `cursorValue(end)` is what the next cursor
    // carries when items remain.
    template <typename AppendItem, typename CursorValue>
    SandboxResponse page(quint32 offset, int limit, quint32 size, quint64 filterSignature,
                         qsizetype itemSize, AppendItem appendItem, CursorValue cursorValue) const;

    const SandboxDataset &m_dataset;
    QByteArray m_apiKey;
    SandboxCursor m_cursors;
};
