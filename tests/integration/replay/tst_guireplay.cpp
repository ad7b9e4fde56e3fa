// SPDX-License-Identifier: GPL-3.0-or-later
// The Replay dialog, offscreen, driven through its widgets: a small recording file and a
// subtree's history replayed into a saved connection's mosquitto, captured by a subscriber.
#include "messagebuilder.h"
#include "mosquittobroker.h"
#include "testclient.h"

#include "explorer/explorerdata.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "recording/recordingwriter.h"
#include "replaydialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

class tst_GuiReplay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void replaysAFile();
    void replaysASubtree();
    void subtreeHistoryInArrivalOrder();

private:
    ReplayDialog *dialog();
    bool startAndFinish(ReplayDialog *dialog);

    MosquittoBroker m_broker;
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    TestClient m_live;
};

void tst_GuiReplay::initTestCase()
{
    MQTTSCOPE_START_BROKER(m_broker);
    m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(u"profiles.json"_s));
    ConnectionProfile other;
    other.name = u"Another broker"_s;
    m_profiles->upsert(other);
    ConnectionProfile test;
    test.name = u"Test broker"_s;
    test.host = u"127.0.0.1"_s;
    test.port = m_broker.port(MosquittoBroker::Listener::Tcp);
    m_profiles->upsert(test);
    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);

    ClientOptions options;
    options.endpoint = m_broker.endpoint(MosquittoBroker::Listener::Tcp);
    options.clientId = u"capture"_s;
    m_live->setOptions(options);
    QVERIFY(connectClient(m_live));
    QVERIFY(subscribeAndWait(m_live, {Subscription{u"test/#"_s, 1}}));
}

ReplayDialog *tst_GuiReplay::dialog()
{
    auto *dialog = new ReplayDialog(m_profiles.get(), m_secrets.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *target = dialog->findChild<QComboBox *>(u"replayTarget"_s);
    target->setCurrentIndex(target->findText(u"Test broker"_s));
    dialog->findChild<QLineEdit *>(u"replayRewriteFrom"_s)->setText(u"prod/"_s);
    dialog->findChild<QLineEdit *>(u"replayRewriteTo"_s)->setText(u"test/"_s);
    dialog->show();
    return dialog;
}

bool tst_GuiReplay::startAndFinish(ReplayDialog *dialog)
{
    auto *start = dialog->findChild<QPushButton *>(u"replayStart"_s);
    auto *counts = dialog->findChild<QLabel *>(u"replayCounts"_s);
    QTest::mouseClick(start, Qt::LeftButton);
    if (start->isEnabled())
        qWarning("Start stayed enabled: %s", qPrintable(counts->text()));
    const bool done = QTest::qWaitFor([&] { return start->isEnabled(); }, 10000);
    if (!done || !counts->text().contains(u"Done: every message acknowledged."_s))
        qWarning("%s", qPrintable(counts->text()));
    return done && counts->text().contains(u"Done: every message acknowledged."_s);
}

void tst_GuiReplay::replaysAFile()
{
    const QString path = m_dir.filePath(u"small.mqttrec"_s);
    {
        RecordingWriter writer;
        QString error;
        QVERIFY2(writer.start(path, RecordingOptions(), &error), qPrintable(error));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<Message> messages;
        for (int i = 0; i < 20; ++i) // 200 ms of recording
            messages.append(MessageBuilder("prod/file/" + QByteArray::number(i))
                                .payload("f" + QByteArray::number(i))
                                .qos(1)
                                .receivedAt(now + i * 10));
        writer.recordReceived(messages);
        writer.stop();
    }
    m_live.recorder.messages.clear();
    ReplayDialog *d = dialog();
    d->setRecordingFile(path);
    QVERIFY(startAndFinish(d));
    QVERIFY(d->findChild<QLabel *>(u"replayCounts"_s)->text().contains(u"20 of 20 sent"_s));
    QTRY_COMPARE(m_live.recorder.messages.size(), 20);
    QCOMPARE(m_live.recorder.messages.first().topic, "test/file/0");
    QCOMPARE(m_live.recorder.messages.first().payload, "f0");
    d->close();
}

void tst_GuiReplay::replaysASubtree()
{
    QList<RecordedMessage> history;
    for (int i = 0; i < 5; ++i) {
        RecordedMessage r;
        r.id = i + 1;
        r.timeUs = qint64(i) * 1000;
        r.message = MessageBuilder("prod/tree/" + QByteArray::number(i)).payload("t").qos(2);
        history.append(r);
    }
    m_live.recorder.messages.clear();
    ReplayDialog *d = dialog();
    d->setSubtree(u"prod/tree"_s, history);
    auto *fromSubtree = d->findChildren<QRadioButton *>().at(1);
    QVERIFY(fromSubtree->isChecked());
    QVERIFY(fromSubtree->text().contains(u"prod/tree (5 message"_s));
    d->findChild<QRadioButton *>(u"replayAsFast"_s)->setChecked(true);
    QVERIFY(startAndFinish(d));
    QTRY_COMPARE(m_live.recorder.messages.size(), 5);
    QCOMPARE(m_live.recorder.messages.constLast().topic.left(10), "test/tree/");
    d->close();
}

// "Replay…" on a tree's topic takes that subtree's kept history, every topic under it, in the
// order it arrived, with each message whole.
void tst_GuiReplay::subtreeHistoryInArrivalOrder()
{
    ExplorerData data;
    Properties properties;
    properties.contentType = u"text/plain"_s;
    data.ingest({MessageBuilder("a/x").payload("1").receivedAt(1000),
                 MessageBuilder("b/y").payload("not under a").receivedAt(1001),
                 MessageBuilder("a/y/z").payload("2").qos(1).retain().receivedAt(1002),
                 MessageBuilder("a/x").payload("3").properties(properties).receivedAt(1003)},
                2000);
    const QList<RecordedMessage> messages =
        ReplayDialog::subtreeMessages(data.store(), data.history(), data.store().find("a"));
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).message.topic, "a/x");
    QCOMPARE(messages.at(0).timeUs, 1'000'000);
    QCOMPARE(messages.at(1).message.topic, "a/y/z");
    QCOMPARE(messages.at(1).message.qos, 1);
    QVERIFY(messages.at(1).message.retain);
    QCOMPARE(messages.at(2).message.payload, "3");
    QCOMPARE(messages.at(2).message.properties->contentType, u"text/plain"_s);
    QVERIFY(messages.at(0).id < messages.at(1).id && messages.at(1).id < messages.at(2).id);
}

QTEST_MAIN(tst_GuiReplay)
#include "tst_guireplay.moc"
