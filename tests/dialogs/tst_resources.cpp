// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The icon is compiled into every program that links icviews, and renders at the sizes a
// desktop asks for.
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QTest>

using namespace Qt::StringLiterals;

class TestResources : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void iconIsCompiledIn()
    {
        QFile icon(u":/icons/increase-connections.svg"_s);
        QVERIFY(icon.open(QIODevice::ReadOnly));
        QVERIFY(icon.readAll().contains("<svg"));
    }

    void iconRenders_data()
    {
        QTest::addColumn<int>("size");
        for (int size : {16, 22, 32, 48, 64, 128, 256})
            QTest::addRow("%d px", size) << size;
    }

    void iconRenders()
    {
        QFETCH(int, size);
        const QIcon icon(u":/icons/increase-connections.svg"_s);
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(size, size).toImage();
        QCOMPARE(image.size(), QSize(size, size));
        // Opaque in the middle (the rounded square), transparent in the corner.
        QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    }
};

QTEST_MAIN(TestResources)
#include "tst_resources.moc"
