// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionchoice.h"

#include <QString>
#include <QUrl>

// Which stored API key a connection uses: one slot per origin, so that a key saved for one
// server is never read for, sent to, or counted as new for another. Production and the
// Increase sandbox keep the slots they always had ("production", "sandbox"), so keys
// stored by earlier versions keep working. A custom URL's slot names its origin:
// "custom:https://a.example:443". Earlier versions kept one key for every custom URL under
// "custom"; no origin maps to that slot any more, because nobody can tell which server
// that key was meant for, so it is left alone (never read, never offered) until the user
// removes it with the desktop's keychain manager.
struct KeySlot
{
    QString id;   // what the SecretStore files the key under; empty: this choice has no key
    QString name; // what the user reads: "Production", "https://a.example"

    bool isValid() const { return !id.isEmpty(); }
};

// "scheme://host:port" with the scheme and host in lower case, the default port written
// out, IPv6 hosts bracketed, no user info or path: "https://a.example:443". Empty unless
// the URL is http or https with a host.
QString originOf(const QUrl &url);

// The slot for `choice`; invalid for the local sandbox (its key is made up per run) and
// for a custom URL without an http(s) origin. A custom URL on production's or the Increase
// sandbox's origin shares their slot: it is the same server, so it is the same key.
KeySlot keySlot(const ConnectionChoice &choice);
