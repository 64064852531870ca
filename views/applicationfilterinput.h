// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

class ApplicationListModel;

// What Enter on the text typed into the Application filter means: an application named
// (case-insensitively) or identified by it, every application for an empty field, or a
// message saying why the text filters nothing. The filter bar applies the answer.
class ApplicationFilterInput
{
    Q_DECLARE_TR_FUNCTIONS(ApplicationFilterInput)
public:
    struct Result
    {
        std::optional<QString> applicationId; // empty: every application
        QString error;                        // why not, when there is no id
    };

    // `currentRow` is the combo's current row: names need not be unique, so the row the
    // user picked wins over another one of the same name. `applications` may be null
    // (not connected).
    static Result resolve(const QString &text, const ApplicationListModel *applications,
                          int currentRow);

    // Increase ids name their type: an application id is "application_" and then what
    // ApiQuery::isValidPathId accepts. `error` says why not.
    static bool isApplicationId(const QString &text, QString *error = nullptr);
};
