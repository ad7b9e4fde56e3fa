// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON-file helper under profiles.json and saved-messages.json: each way a read or a write
// fails is told apart and worded with the caller's strings, and a write is atomic and owner-only.
#include "profiles/jsonfile.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

namespace {
const JsonFile::Wording wording{u"read %1: %2"_s, u"json %1 @%2"_s, u"write %1: %2"_s};
}

class tst_JsonFile : public QObject
{
    Q_OBJECT
private slots:
    void missingFileIsNoError();
    void directoryIsUnreadable();
    void parseErrorTellsTheOffset();
    void writeReadsBackOwnerOnly();
    void writeUnderAFileFails();
};

void tst_JsonFile::missingFileIsNoError()
{
    QTemporaryDir dir;
    const JsonFile::Result result = JsonFile::read(dir.filePath(u"none.json"_s), wording);
    QCOMPARE(result.problem, JsonFile::Problem::Missing);
    QVERIFY(!result.ok());
    QVERIFY(result.error.isEmpty());
}

void tst_JsonFile::directoryIsUnreadable()
{
    QTemporaryDir dir;
    const JsonFile::Result result = JsonFile::read(dir.path(), wording);
    QCOMPARE(result.problem, JsonFile::Problem::Unreadable);
    QVERIFY2(result.error.startsWith(u"read "_s + dir.path() + u": "_s), qPrintable(result.error));
    QVERIFY(result.error.size() > dir.path().size() + 7); // the reason follows
}

void tst_JsonFile::parseErrorTellsTheOffset()
{
    const JsonFile::Result result = JsonFile::parse(R"({"a": 1,, })", wording);
    QCOMPARE(result.problem, JsonFile::Problem::NotJson);
    QVERIFY2(result.error.startsWith(u"json "_s), qPrintable(result.error));
    QVERIFY2(result.error.endsWith(u" @9"_s), qPrintable(result.error));

    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[1,2");
    file.close();
    QCOMPARE(JsonFile::read(path, wording).problem, JsonFile::Problem::NotJson);
}

void tst_JsonFile::writeReadsBackOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"new/folder/file.json"_s);
    const QByteArray json = QJsonDocument(QJsonObject{{u"k"_s, 42}}).toJson();
    QVERIFY(JsonFile::write(path, json, wording).ok());
    QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());

    const JsonFile::Result read = JsonFile::read(path, wording);
    QVERIFY(read.ok());
    QCOMPARE(read.document.object().value(u"k"_s).toInt(), 42);
    QVERIFY(read.error.isEmpty());
    // QSaveFile leaves no temporary beside the file.
    QCOMPARE(QDir(dir.filePath(u"new/folder"_s)).entryList(QDir::Files),
             QStringList{u"file.json"_s});
}

void tst_JsonFile::writeUnderAFileFails()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(u"plain"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + u"/file.json"_s;
    const JsonFile::Result result = JsonFile::write(path, "{}", wording);
    QCOMPARE(result.problem, JsonFile::Problem::Unwritable);
    QVERIFY2(result.error.startsWith(u"write "_s + path + u": "_s), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(tst_JsonFile)
#include "tst_jsonfile.moc"
