// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientconfig.h"
#include "connectionchoice.h"

#include <QProcessEnvironment>
#include <optional>

class QCommandLineParser;

// The window's reading of the headless commands' connection flags. Unlike a command it
// needs no key up front: without one it asks the keychain, and without that it opens the
// local sandbox.
struct DesktopStart
{
    // From --demo / --environment / --base-url, else INCREASE_BASE_URL / INCREASE_URL;
    // nullopt: the environment saved last time, if any.
    std::optional<ConnectionChoice> choice;
    // From --api-key-file, else INCREASE_API_KEY; empty: the keychain's key, if any.
    QString apiKey;
    // Timeout, retries and CA file for every connection.
    ClientConfig clientDefaults;
};

namespace DesktopOptions {

// The same flags as the headless commands.
void add(QCommandLineParser &parser);

// nullopt with `error` (one line) on a usage error: conflicting flags, a bad value, a key
// file others can read, an unusable CA file.
std::optional<DesktopStart> read(const QCommandLineParser &parser,
                                 const QProcessEnvironment &environment, QString *error);

// What to connect to first: flags; with a key given at launch, the saved environment if it
// is production or the Increase sandbox, else production (the API's default: a launch key
// never goes to a saved custom URL); without one, the saved environment > the local
// sandbox.
ConnectionChoice firstChoice(const DesktopStart &start,
                             const std::optional<ConnectionChoice> &saved);

} // namespace DesktopOptions
