// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/placeholders.h"
#include "profiles/savedmessagelibrary.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

class tst_SavedMessages : public QObject
{
    Q_OBJECT
private slots:
    void saveAndLoadKeepEveryField();
    void foldersSearchAndProfiles();
    void renameMoveRemoveAndCounter();
    void importRoundTripGivesFreshIds();
    void badFileIsRefusedAndNothingLost();
    void placeholdersExpand();
    void placeholdersLeaveOthersAlone();

private:
    static SavedMessage sample(const QString &name, const QString &folder = {});
    static PlaceholderSources fixedSources();
};

SavedMessage tst_SavedMessages::sample(const QString &name, const QString &folder)
{
    SavedMessage m;
    m.name = name;
    m.folder = folder;
    m.topic = "cmd/"_L1 + name;
    m.payload = "{\"on\":true}";
    m.qos = 1;
    m.retain = true;
    m.contentType = "application/json"_L1;
    m.payloadIsUtf8 = true;
    m.messageExpiryInterval = 30;
    m.responseTopic = "reply/x"_L1;
    m.correlationData = QByteArray("\x00\xff", 2);
    m.userProperties = {{"k"_L1, "v"_L1}, {"k"_L1, "w"_L1}};
    m.shortcut = "Ctrl+1"_L1;
    return m;
}

PlaceholderSources tst_SavedMessages::fixedSources()
{
    return {[] { return QDateTime::fromMSecsSinceEpoch(1796211180123, Qt::UTC); },
            [] { return QUuid("{12345678-1234-5678-9abc-123456789abc}"_L1); },
            [](qint64 low, qint64 high) { return low == high ? low : low + 1; }};
}

void tst_SavedMessages::saveAndLoadKeepEveryField()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("sub/saved-messages.json"_L1);
    SavedMessageLibrary library(path);
    SavedMessage m = sample("on"_L1, "lights"_L1);
    m.profileId = QUuid::createUuid();
    m.counter = 41;
    library.upsert(m);
    QVERIFY(library.save());
    QVERIFY(QFile(path).permissions().testFlag(QFileDevice::ReadOwner));
    QVERIFY(!QFile(path).permissions().testFlag(QFileDevice::ReadOther));

    SavedMessageLibrary reloaded(path);
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.messages().size(), 1);
    QCOMPARE(reloaded.messages().first(), m);
    QCOMPARE(reloaded.messages().first().publishProperties().payloadFormatIndicator, quint8(1));
}

void tst_SavedMessages::foldersSearchAndProfiles()
{
    SavedMessageLibrary library(QString{});
    const QUuid mine = QUuid::createUuid();
    SavedMessage shared = sample("reboot"_L1, "maintenance"_L1);
    SavedMessage own = sample("lamp"_L1, "lights"_L1);
    own.profileId = mine;
    SavedMessage other = sample("fan"_L1, "lights"_L1);
    other.profileId = QUuid::createUuid();
    library.upsert(shared);
    library.upsert(own);
    library.upsert(other);
    QCOMPARE(library.folders(), QStringList({"lights"_L1, "maintenance"_L1}));
    QCOMPARE(library.messagesFor(mine).size(), 2);
    QCOMPARE(library.search("LAMP"_L1, mine).size(), 1);
    QCOMPARE(library.search("cmd/re"_L1, mine).first().id, shared.id); // by topic
    QCOMPARE(library.search("fan"_L1, mine).size(), 0); // another profile's
    QCOMPARE(library.search(QString{}, QUuid{}).size(), 1); // shared only
}

void tst_SavedMessages::renameMoveRemoveAndCounter()
{
    SavedMessageLibrary library(QString{});
    const SavedMessage m = sample("a"_L1);
    library.upsert(m);
    QSignalSpy changed(&library, &SavedMessageLibrary::messagesChanged);
    library.rename(m.id, "b"_L1);
    library.move(m.id, "x/y"_L1);
    QCOMPARE(library.message(m.id)->name, "b"_L1);
    QCOMPARE(library.message(m.id)->folder, "x/y"_L1);
    QCOMPARE(library.nextCounter(m.id), quint64(1));
    QCOMPARE(library.nextCounter(m.id), quint64(2));
    library.remove(m.id);
    QVERIFY(library.messages().isEmpty());
    QCOMPARE(changed.size(), 3);
}

void tst_SavedMessages::importRoundTripGivesFreshIds()
{
    SavedMessageLibrary library(QString{});
    library.upsert(sample("a"_L1, "f"_L1));
    library.upsert(sample("b"_L1));
    const QByteArray exported = SavedMessageLibrary::toJson(library.messages());
    QString error;
    QCOMPARE(library.importJson(exported, &error), 2);
    QCOMPARE(library.messages().size(), 4);
    QVERIFY(library.messages().at(2).id != library.messages().at(0).id);
    SavedMessage copy = library.messages().at(2);
    copy.id = library.messages().at(0).id;
    QCOMPARE(copy, library.messages().at(0));
}

void tst_SavedMessages::badFileIsRefusedAndNothingLost()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("saved.json"_L1);
    SavedMessageLibrary library(path);
    library.upsert(sample("keep"_L1));
    QString error;
    QCOMPARE(library.importJson("{not json", &error), -1);
    QVERIFY(error.contains("JSON"_L1));
    QCOMPARE(library.importJson(R"({"format":"mqttscope-profiles","profiles":[]})", &error), -1);
    QVERIFY(error.contains("saved-messages"_L1));
    QCOMPARE(library.messages().size(), 1);

    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[1,2");
    file.close();
    QVERIFY(!library.load(&error));
    QVERIFY2(error.startsWith("Not a JSON document: "_L1) && error.endsWith(" at offset 4"_L1),
             qPrintable(error));
    QCOMPARE(library.messages().size(), 1); // a failed load keeps what was there

    SavedMessageLibrary folder(dir.path());
    QVERIFY(!folder.load(&error));
    QVERIFY2(error.startsWith("Cannot read "_L1 + dir.path()), qPrintable(error));
    QVERIFY(!SavedMessageLibrary(path + "/under-a-file.json"_L1).save(&error));
    QVERIFY2(error.startsWith("Cannot write "_L1 + path), qPrintable(error));
}

void tst_SavedMessages::placeholdersExpand()
{
    const PlaceholderSources sources = fixedSources();
    QCOMPARE(Placeholders::expand("t={{timestamp}} ms={{timestamp_ms}}"_L1, 7, sources),
             "t=2026-12-02T11:33:00.123Z ms=1796211180123"_L1);
    QCOMPARE(Placeholders::expand("dev/{{uuid}}/{{counter}}"_L1, 7, sources),
             "dev/12345678-1234-5678-9abc-123456789abc/7"_L1);
    QCOMPARE(Placeholders::expand(QByteArray("{\"v\":{{random:1-100}}}"), 0, sources),
             QByteArray("{\"v\":2}"));
    QCOMPARE(Placeholders::expand("{{random:-5--5}}"_L1, 0, sources), "-5"_L1);
}

void tst_SavedMessages::placeholdersLeaveOthersAlone()
{
    const PlaceholderSources sources = fixedSources();
    QCOMPARE(Placeholders::expand("{{name}} {{random:9-1}} {x}"_L1, 1, sources),
             "{{name}} {{random:9-1}} {x}"_L1);
    const QByteArray binary("\xff{{counter}}", 12);
    QCOMPARE(Placeholders::expand(binary, 1, sources), binary); // not UTF-8: byte for byte
    QVERIFY(!Placeholders::contains("plain"));
    // The system sources stay inside the range.
    const qint64 value =
        Placeholders::expand("{{random:3-4}}"_L1, 0, PlaceholderSources::system()).toLongLong();
    QVERIFY(value == 3 || value == 4);
}

QTEST_GUILESS_MAIN(tst_SavedMessages)
#include "tst_savedmessages.moc"
