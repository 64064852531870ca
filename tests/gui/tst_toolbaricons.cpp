// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The toolbar without an icon theme (as offscreen, or on a desktop that has none): every
// button shows the drawing compiled in with its words beside it, keeps a name for screen
// readers, and at 1024 px wide nothing is pushed into the toolbar's extension menu.
#include "windowfixture.h"

#include <QAccessible>
#include <QAction>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Pixels a 24 px drawing of a few strokes covers, at the least.
constexpr int kMinimumInkedPixels = 24;

int inkedPixels(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
{
    const QImage image = icon.pixmap(24, mode).toImage();
    int inked = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 128)
                ++inked;
        }
    }
    return inked;
}

} // namespace

class TestToolbarIcons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // No theme to find anything in: only the drawings compiled in can answer.
        QIcon::setThemeSearchPaths({});
        QIcon::setFallbackSearchPaths({});
        QIcon::setThemeName(u"no-such-theme"_s);
        QIcon::setFallbackThemeName(u"no-such-theme"_s);
        m_fixture = std::make_unique<WindowFixture>();
        QVERIFY(m_fixture->isReady());
        m_window = m_fixture->openWindow();
        m_toolBar = m_window->findChild<QToolBar *>(u"mainToolBar"_s);
        QVERIFY(m_toolBar);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_fixture.reset();
    }

    void theToolbarHoldsTheWindowsActions()
    {
        QStringList texts;
        for (QAction *action : toolbarActions())
            texts << action->text();
        QCOMPARE(texts, (QStringList{u"&Refresh"_s, u"Load &All"_s, u"&Go to ID…"_s,
                                     u"&Find in Loaded Rows…"_s, u"&Export…"_s,
                                     u"&Watch for Changes"_s, u"&Connection…"_s}));
    }

    void everyButtonDrawsItsIconWithoutATheme()
    {
        QVERIFY(!QIcon::hasThemeIcon(u"view-refresh"_s));
        for (QAction *action : toolbarActions()) {
            const QIcon icon = action->icon();
            QVERIFY2(!icon.isNull(), qPrintable(action->text()));
            QVERIFY2(!icon.pixmap(24).isNull(), qPrintable(action->text()));
            QVERIFY2(inkedPixels(icon) >= kMinimumInkedPixels, qPrintable(action->text()));
            // Load All starts disabled: its greyed drawing shows too.
            QVERIFY2(inkedPixels(icon, QIcon::Disabled) >= kMinimumInkedPixels,
                     qPrintable(action->text()));
            const auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action));
            QVERIFY2(button, qPrintable(action->text()));
            QVERIFY2(button->toolButtonStyle() != Qt::ToolButtonTextOnly,
                     qPrintable(action->text()));
            QVERIFY2(inkedPixels(button->icon()) >= kMinimumInkedPixels,
                     qPrintable(action->text()));
        }
    }

    void cancelLoadingHasAnIconInTheMenu()
    {
        const QList<QAction *> actions = m_window->actions();
        const auto cancel = std::find_if(actions.cbegin(), actions.cend(), [](const QAction *a) {
            return a->text() == u"&Cancel Loading"_s;
        });
        QVERIFY(cancel != actions.cend());
        QVERIFY(inkedPixels((*cancel)->icon()) >= kMinimumInkedPixels);
    }

    void everyButtonKeepsItsWordsAndAName()
    {
        for (QAction *action : toolbarActions()) {
            auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action));
            QVERIFY2(button, qPrintable(action->text()));
            QCOMPARE(button->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
            QVERIFY2(!button->text().isEmpty(), qPrintable(action->text()));
            QVERIFY2(!button->toolTip().isEmpty(), qPrintable(action->text()));
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(button);
            QVERIFY(accessible);
            QCOMPARE(accessible->text(QAccessible::Name), QString(action->text()).remove(u'&'));
        }
    }

    void theToolbarFitsAt1024PixelsWide()
    {
        m_window->resize(1024, 700);
        QTRY_COMPARE(m_window->width(), 1024);
        QTRY_COMPARE(m_toolBar->width(), 1024);
        // QToolBar's own name for the » button that holds what does not fit.
        const auto *extension = m_toolBar->findChild<QToolButton *>(u"qt_toolbar_ext_button"_s);
        QVERIFY(extension);
        QVERIFY(!extension->isVisible());
        for (QAction *action : toolbarActions()) {
            const QWidget *button = m_toolBar->widgetForAction(action);
            QVERIFY2(button && button->isVisible(), qPrintable(action->text()));
            QVERIFY2(button->geometry().right() < m_toolBar->width(), qPrintable(action->text()));
        }
    }

    // The drawings are vectors: on a screen of twice the pixels (the suite runs again as
    // tst_toolbaricons_2x, with QT_SCALE_FACTOR=2) each button draws its icon from the
    // SVG at twice the size, not a 24 px picture stretched.
    void iconsAreDrawnAtTheScreensPixelRatio()
    {
        const qreal ratio = qEnvironmentVariable("QT_SCALE_FACTOR", u"1"_s).toDouble();
        QCOMPARE(m_window->devicePixelRatio(), ratio);
        for (QAction *action : toolbarActions()) {
            auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action));
            QVERIFY2(button, qPrintable(action->text()));
            const QSize logical = button->iconSize();
            QVERIFY2(!logical.isEmpty(), qPrintable(action->text()));
            // Whatever this screen is, the icon has the pixels of a 2x one.
            const QPixmap twice = action->icon().pixmap(logical, 2.0);
            QCOMPARE(twice.devicePixelRatio(), 2.0);
            QCOMPARE(twice.size(), logical * 2);
            const QPixmap drawn = action->icon().pixmap(logical, ratio);
            QCOMPARE(drawn.devicePixelRatio(), ratio);
            QCOMPARE(drawn.size(), logical * ratio);
            // The button itself is painted at the screen's ratio.
            QCOMPARE(button->devicePixelRatio(), ratio);
            const QPixmap grabbed = button->grab();
            QCOMPARE(grabbed.devicePixelRatio(), ratio);
            QCOMPARE(grabbed.size(), button->size() * ratio);
        }
        // IC_GRAB_DIR=folder keeps the toolbar as drawn, to look at.
        if (const QString folder = qEnvironmentVariable("IC_GRAB_DIR"); !folder.isEmpty()) {
            const QString name = u"%1/toolbar@%2x.png"_s.arg(folder).arg(ratio);
            QVERIFY(m_toolBar->grab().save(name));
            QVERIFY(m_window->grab().save(u"%1/window@%2x.png"_s.arg(folder).arg(ratio)));
            const QRect firstButtons(0, 0, m_toolBar->width() / 4, m_toolBar->height());
            QVERIFY(m_toolBar->grab(firstButtons)
                        .save(u"%1/toolbar-start@%2x.png"_s.arg(folder).arg(ratio)));
        }
    }

private:
    QList<QAction *> toolbarActions() const
    {
        QList<QAction *> actions = m_toolBar->actions();
        actions.removeIf([](const QAction *a) { return a->isSeparator(); });
        return actions;
    }

    std::unique_ptr<WindowFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    QToolBar *m_toolBar = nullptr;
};

QTEST_MAIN(TestToolbarIcons)
#include "tst_toolbaricons.moc"
