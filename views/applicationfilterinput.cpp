// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationfilterinput.h"

#include "apiquery.h"
#include "applicationlistmodel.h"

using namespace Qt::StringLiterals;

namespace {

constexpr auto kIdPrefix = "application_"_L1;

// The typed text as a message quotes it: a pasted page of text must not push the rest of
// the message (and of the filter bar) out of sight.
QString quoted(const QString &text)
{
    constexpr qsizetype kShown = 40;
    if (text.size() <= kShown)
        return text;
    qsizetype cut = kShown - 1;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + u'…';
}

QString idAt(const ApplicationListModel &applications, int row)
{
    return applications.index(row).data(ApplicationListModel::ApplicationIdRole).toString();
}

} // namespace

ApplicationFilterInput::Result
ApplicationFilterInput::resolve(const QString &text, const ApplicationListModel *applications,
                                int currentRow)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return {QString(), {}};

    bool partialMatch = false;
    if (applications) {
        const int rows = applications->rowCount();
        if (currentRow >= 0 && currentRow < rows &&
            applications->index(currentRow).data().toString() == typed)
            return {idAt(*applications, currentRow), {}};
        if (applications->rowOf(typed) >= 0)
            return {typed, {}};
        QList<int> named;
        for (int row = 0; row < rows; ++row) {
            const QString shown = applications->index(row).data().toString();
            const QString id = idAt(*applications, row);
            // A deleted application is shown as "Name (deleted)": its bare name names it too.
            if (shown.compare(typed, Qt::CaseInsensitive) == 0 ||
                (row > 0 && applications->displayName(id).compare(typed, Qt::CaseInsensitive) == 0))
                named.append(row);
            else if (row > 0 && (shown.contains(typed, Qt::CaseInsensitive) ||
                                 id.contains(typed, Qt::CaseInsensitive)))
                partialMatch = true;
        }
        if (named.size() == 1)
            return {idAt(*applications, named.constFirst()), {}};
        if (named.size() > 1)
            return {std::nullopt,
                    tr("Several applications are named \"%1\": pick one from the list")
                        .arg(quoted(typed))};
    }

    if (typed.startsWith(kIdPrefix, Qt::CaseInsensitive)) {
        QString error;
        if (isApplicationId(typed, &error))
            return {typed, {}};
        // Its first clause says what is wrong; the rest (what ids may contain) would not
        // fit beside the field.
        return {std::nullopt, tr("Not an application ID: %1").arg(error.section(u"; "_s, 0, 0))};
    }
    if (partialMatch)
        return {std::nullopt,
                tr("Pick an application matching \"%1\" from the list").arg(quoted(typed))};
    if (!applications || !applications->isLoaded())
        return {std::nullopt,
                tr("No application matches \"%1\" (the application list is not loaded)")
                    .arg(quoted(typed))};
    return {std::nullopt, tr("No application matches \"%1\"").arg(quoted(typed))};
}

bool ApplicationFilterInput::isApplicationId(const QString &text, QString *error)
{
    if (!text.startsWith(kIdPrefix)) {
        if (error)
            *error = tr("application IDs start with \"%1\"").arg(kIdPrefix);
        return false;
    }
    if (text.size() == kIdPrefix.size()) {
        if (error)
            *error = tr("nothing follows \"%1\"").arg(kIdPrefix);
        return false;
    }
    return ApiQuery::isValidPathId(text, error);
}
