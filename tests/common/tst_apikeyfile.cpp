// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// --api-key-file: only a regular file of this user that no one else can read, holding
// one word; every refusal names the file and never a byte of the key.
#include "apikeyfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString kSecret = u"sk_test_DO_NOT_LEAK_9f8e7d"_s;

constexpr QFileDevice::Permissions kOwnerReadWrite =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

class TestApiKeyFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyFile_data();
    void keyFile();
    void keyFileErrors_data();
    void keyFileErrors();
};

void TestApiKeyFile::keyFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("permissions");

    QTest::newRow("600") << kSecret.toUtf8() << int(kOwnerReadWrite);
    QTest::newRow("400") << kSecret.toUtf8() << int(QFileDevice::ReadOwner);
    QTest::newRow("trailing newline") << kSecret.toUtf8() + "\n" << int(kOwnerReadWrite);
    QTest::newRow("surrounding whitespace") << " \t" + kSecret.toUtf8() + "\r\n\r\n"
                                            << int(kOwnerReadWrite);
}

void TestApiKeyFile::keyFile()
{
    QFETCH(QByteArray, content);
    QFETCH(int, permissions);

    // Given a key file only its owner can read
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"key"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::Permissions(permissions)));

    // when it is read, then the trimmed key comes back
    QString error;
    const std::optional<QString> key = ApiKeyFile::read(path, &error);
    QVERIFY2(key, qPrintable(error));
    QCOMPARE(*key, kSecret);
}

void TestApiKeyFile::keyFileErrors_data()
{
    QTest::addColumn<QString>("name"); // "": the directory itself; "missing": not created
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("permissions");
    QTest::addColumn<QString>("expectedEnd"); // the message after the path

    const int group = int(QFileDevice::ReadGroup);
    const int other = int(QFileDevice::ReadOther);
    const QByteArray key = kSecret.toUtf8();
    QTest::newRow("644") << u"key"_s << key << (int(kOwnerReadWrite) | group | other)
                         << u" is accessible to other users (mode 0644); run: chmod 600 %1"_s;
    QTest::newRow("640") << u"key"_s << key << (int(kOwnerReadWrite) | group)
                         << u" is accessible to other users (mode 0640); run: chmod 600 %1"_s;
    QTest::newRow("602 (others may write)")
        << u"key"_s << key << (int(kOwnerReadWrite) | int(QFileDevice::WriteOther))
        << u" is accessible to other users (mode 0602); run: chmod 600 %1"_s;
    QTest::newRow("missing") << u"missing"_s << key << 0 << u" does not exist"_s;
    QTest::newRow("directory") << QString() << key << 0 << u" is not a regular file"_s;
    QTest::newRow("symbolic link to a good key file")
        << u"link"_s << key << int(kOwnerReadWrite)
        << u" is a symbolic link; give the path of the file itself"_s;
    QTest::newRow("empty") << u"key"_s << QByteArray() << int(kOwnerReadWrite) << u" is empty"_s;
    QTest::newRow("whitespace only")
        << u"key"_s << QByteArray(" \n\t\n") << int(kOwnerReadWrite) << u" is empty"_s;
    QTest::newRow("two lines") << u"key"_s << key + "\n" + key << int(kOwnerReadWrite)
                               << u" holds more than one word or line; it must hold only the key"_s;
    QTest::newRow("too large") << u"key"_s << QByteArray(100 * 1024, 'k') + key
                               << int(kOwnerReadWrite)
                               << u" is too large to hold only an API key"_s;
}

void TestApiKeyFile::keyFileErrors()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(int, permissions);
    QFETCH(QString, expectedEnd);

    // Given a key file that must be refused
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = name.isEmpty() ? dir.path() : dir.filePath(name);
    if (name == u"key"_s || name == u"link"_s) {
        QFile file(dir.filePath(u"key"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::Permissions(permissions)));
        if (name == u"link"_s)
            QVERIFY(QFile::link(file.fileName(), path));
    }

    // when it is read
    QString error;
    const std::optional<QString> key = ApiKeyFile::read(path, &error);

    // then it is refused with a message that names the file and never holds the key
    QVERIFY(!key);
    QCOMPARE(error, u"API key file "_s + path +
                        (expectedEnd.contains(u"%1"_s) ? expectedEnd.arg(path) : expectedEnd));
    QVERIFY(!error.contains(kSecret));
    QVERIFY(!error.contains(kSecret.right(6)));
}

QTEST_GUILESS_MAIN(TestApiKeyFile)
#include "tst_apikeyfile.moc"
