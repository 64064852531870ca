// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportscopebox.h"

#include "connectiontablemodel.h"

#include <QDate>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString describeQuery(const ConnectionQuery &query)
{
    const QString status = query.statuses.isEmpty()
                               ? ExportScopeBox::tr("active (the API's default)")
                               : query.statuses.join(u", "_s);
    const QString application = query.applicationId.isEmpty()
                                    ? ExportScopeBox::tr("every application")
                                    : query.applicationId;
    return ExportScopeBox::tr("Status: %1 · Application: %2").arg(status, application);
}

// Local time with its zone, as the status bar's "Last fetch"; the date too if not today.
QString whenLoaded(const QDateTime &at)
{
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    const QString time = locale.toString(local.time(), QLocale::LongFormat);
    if (local.date() == QDate::currentDate())
        return time;
    return locale.toString(local.date(), QLocale::ShortFormat) + u' ' + time;
}

} // namespace

ExportScopeBox::ExportScopeBox(ConnectionTableModel *model, const QString &source, QWidget *parent)
    : QGroupBox(tr("Rows"), parent)
    , m_model(model)
    , m_source(source)
    , m_all(new QRadioButton(tr("All matching (fetch every page)"), this))
    , m_loaded(new QRadioButton(this))
    , m_summary(new QLabel(this))
    , m_allLoaded(new QLabel(this))
{
    m_all->setObjectName(u"scopeAll"_s);
    m_loaded->setObjectName(u"scopeLoaded"_s);
    m_loaded->setEnabled(!m_model.isNull());
    m_all->setChecked(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_allLoaded->setObjectName(u"allLoadedNote"_s);
    m_allLoaded->setTextFormat(Qt::PlainText);
    m_allLoaded->setWordWrap(true);
    m_allLoaded->hide();
    // clicked(), unlike toggled(), comes only from the user.
    for (QRadioButton *button : {m_all, m_loaded})
        connect(button, &QRadioButton::clicked, this, [this] {
            m_userChose = true;
            m_pickedForUser = false;
        });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_all);
    layout->addWidget(m_loaded);
    layout->addWidget(m_summary);
    layout->addWidget(m_allLoaded);

    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &ExportScopeBox::update);
        connect(m_model, &QAbstractItemModel::modelReset, this, &ExportScopeBox::update);
        connect(m_model, &ConnectionTableModel::pageLoaded, this, &ExportScopeBox::update);
    }
    update();
}

ExportJob::Scope ExportScopeBox::scope() const
{
    return m_loaded->isChecked() ? ExportJob::Scope::LoadedRows : ExportJob::Scope::AllMatching;
}

void ExportScopeBox::choose(ExportJob::Scope scope)
{
    m_pickedForUser = false;
    if (scope == ExportJob::Scope::LoadedRows && m_loaded->isEnabled())
        m_loaded->setChecked(true);
    else
        m_all->setChecked(true);
    update();
}

ExportJob::Scope ExportScopeBox::chosenScope() const
{
    return m_pickedForUser ? ExportJob::Scope::AllMatching : scope();
}

QString ExportScopeBox::allLoadedNote() const
{
    return m_allLoaded->isHidden() ? QString() : m_allLoaded->text();
}

bool ExportScopeBox::allLoaded() const
{
    return m_model && !m_model->hasMore() && !m_model->isFetching() && m_model->rowCount() > 0;
}

void ExportScopeBox::update()
{
    const int loaded = m_model ? m_model->rowCount() : 0;
    m_loaded->setText(tr("Loaded rows only (%Ln row(s), in the table's order)", nullptr, loaded));
    const QString query = describeQuery(m_model ? m_model->query() : ConnectionQuery{});
    m_summary->setText(m_source.isEmpty() ? query : tr("%1 · %2").arg(m_source, query));

    const bool all = allLoaded();
    if (all)
        m_allLoaded->setText(
            tr("All %Ln matching connection(s) are loaded (at %1): writing them needs no "
               "request. “All matching” fetches every page again.",
               nullptr, loaded)
                .arg(whenLoaded(m_model->lastFetchAt())));
    m_allLoaded->setVisible(all);
    // The same rows either way: offer the ones at hand, unless the user has picked.
    if (all && !m_userChose && m_all->isChecked()) {
        m_loaded->setChecked(true);
        m_pickedForUser = true;
    } else if (!all && m_pickedForUser) {
        m_all->setChecked(true);
        m_pickedForUser = false;
    }
}
