// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportbar.h"

#include "exportcontroller.h"
#include "exportprogress.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>

using namespace Qt::StringLiterals;

ExportBar::ExportBar(ExportController *exports, QWidget *parent)
    : QFrame(parent)
    , m_exports(exports)
    , m_openFolder([](const QUrl &folder) { return QDesktopServices::openUrl(folder); })
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_progress(new ExportProgress(this))
    , m_message(new QLabel(this))
    , m_openFolderButton(new QPushButton(tr("Open Folder"), this))
    , m_cancelAndClose(new QPushButton(tr("Cancel Export and Close"), this))
    , m_keepExporting(new QPushButton(tr("Keep Exporting"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(u"exportBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Export"));
    m_title->setObjectName(u"exportTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    // Paths and server messages are shown as they are, never as markup.
    m_message->setObjectName(u"exportMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_icon->setAlignment(Qt::AlignTop);
    m_openFolderButton->setObjectName(u"openFolder"_s);
    m_cancelAndClose->setObjectName(u"cancelExportAndClose"_s);
    m_keepExporting->setObjectName(u"keepExporting"_s);
    m_dismiss->setObjectName(u"dismissExport"_s);
    for (QPushButton *button : {m_openFolderButton, m_cancelAndClose, m_keepExporting, m_dismiss})
        button->setAutoDefault(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_title);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_message, 1);
    for (QPushButton *button : {m_openFolderButton, m_cancelAndClose, m_keepExporting, m_dismiss})
        layout->addWidget(button, 0, Qt::AlignTop);

    if (m_exports) {
        connect(m_exports, &ExportController::started, this, &ExportBar::onStarted);
        connect(m_exports, &ExportController::progress, m_progress, &ExportProgress::setProgress);
        connect(m_exports, &ExportController::retryScheduled, m_progress,
                &ExportProgress::retryScheduled);
        connect(m_exports, &ExportController::finished, this, &ExportBar::onFinished);
        connect(m_progress, &ExportProgress::cancelRequested, m_exports, &ExportController::cancel);
    }
    connect(m_openFolderButton, &QPushButton::clicked, this, &ExportBar::openFolder);
    connect(m_dismiss, &QPushButton::clicked, this, &QWidget::hide);
    connect(m_keepExporting, &QPushButton::clicked, this, &ExportBar::showRunning);
    connect(m_cancelAndClose, &QPushButton::clicked, this, [this] {
        m_closeConfirmed = true;
        if (m_exports)
            m_exports->cancel();
        Q_EMIT closeConfirmed();
    });
    hide();
}

void ExportBar::setFolderOpener(FolderOpener opener)
{
    m_openFolder = std::move(opener);
}

bool ExportBar::holdClose()
{
    if (m_closeConfirmed || !m_exports || !m_exports->isRunning())
        return false;
    showMessage(tr("Closing the window cancels the export to %1; nothing is written and a file "
                   "already there stays as it is.")
                    .arg(QFileInfo(m_path).fileName()),
                QStyle::SP_MessageBoxQuestion);
    m_cancelAndClose->show();
    m_keepExporting->show();
    m_keepExporting->setFocus();
    return true;
}

QString ExportBar::message() const
{
    if (isHidden())
        return {};
    if (!m_message->isHidden())
        return m_message->text();
    return m_progress->isHidden() ? QString() : m_title->text();
}

void ExportBar::onStarted(const QString &path, qint64 total)
{
    m_path = path;
    m_closeConfirmed = false;
    m_progress->begin(total);
    m_title->setText(tr("Exporting to %1").arg(QFileInfo(path).fileName()));
    m_title->setToolTip(QDir::toNativeSeparators(path));
    showRunning();
}

void ExportBar::showRunning()
{
    if (!m_exports || !m_exports->isRunning())
        return;
    m_icon->hide();
    m_message->hide();
    for (QPushButton *button : {m_openFolderButton, m_cancelAndClose, m_keepExporting, m_dismiss})
        button->hide();
    m_title->show();
    m_progress->show();
    setAccessibleDescription(m_title->text());
    show();
}

void ExportBar::onFinished(const ExportResult &result, const QString &path)
{
    m_path = path;
    m_progress->end();
    const bool completed = result.outcome == ExportResult::Outcome::Completed;
    const bool failed = result.outcome == ExportResult::Outcome::Failed ||
                        result.outcome == ExportResult::Outcome::OutputClosed;
    showMessage(result.message, completed ? QStyle::SP_DialogApplyButton
                                : failed  ? QStyle::SP_MessageBoxCritical
                                          : QStyle::SP_MessageBoxInformation);
    m_openFolderButton->setVisible(completed);
    m_dismiss->show();
}

void ExportBar::showMessage(const QString &text, QStyle::StandardPixmap icon)
{
    m_title->hide();
    m_progress->hide();
    for (QPushButton *button : {m_openFolderButton, m_cancelAndClose, m_keepExporting, m_dismiss})
        button->hide();
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    m_icon->show();
    m_message->setText(text);
    m_message->show();
    setAccessibleDescription(text);
    show();
}

void ExportBar::openFolder()
{
    const QUrl folder = QUrl::fromLocalFile(QFileInfo(m_path).absolutePath());
    if (m_openFolder && m_openFolder(folder))
        return;
    m_message->setText(m_message->text() + u'\n' +
                       tr("The folder %1 could not be opened.")
                           .arg(QDir::toNativeSeparators(folder.toLocalFile())));
}
