// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// Writes a command's whole output at once: to standard output ("-"), or to a file that is
// replaced atomically through QSaveFile (a failure leaves the previous file as it was).
namespace CommandOutput {

enum class Outcome {
    Written,
    PipeClosed, // stdout's reader went away (`| head`): not an error, nothing to report
    Failed,
};

Outcome write(const QString &path, const QByteArray &bytes, QString *error);

} // namespace CommandOutput
