// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauthapplication.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

// The `applications` command's output formats: CSV with the same quoting and formula
// guard as exports (CsvWriter::appendField), or JSON Lines, in the contract's field order.
namespace ApplicationList {

QStringList columnNames(); // id,client_id,created_at,deleted_at,name,status,type

QByteArray csv(const QList<OAuthApplication> &applications);
QByteArray jsonl(const QList<OAuthApplication> &applications);

} // namespace ApplicationList
