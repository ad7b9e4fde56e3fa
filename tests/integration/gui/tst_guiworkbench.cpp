// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13's publish workbench and muted topics in a live connection tab, through its real
// widgets on the offscreen platform against a real mosquitto: saved messages are created,
// edited, sent (a subscriber receives them, placeholders filled in), saved from the publish
// form and round-tripped through an export; a muted topic's messages are counted while the
// tree and the history stand still, and flow again once unmuted.
#include "connectiontab.h"
#include "guitestbench.h"
#include "mutedtopicseditor.h"
#include "profileeditor.h"
#include "publishpanel.h"
#include "savedmessagedialog.h"
#include "savedmessagespanel.h"
#include "subscriptionspanel.h"
#include "topictreepane.h"
#include "models/historymodel.h"
#include "models/topictreemodel.h"
#include "profiles/savedmessagelibrary.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

class tst_GuiWorkbench : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void createEditAndSend();
    void placeholdersAreFilledInWhenSent();
    void encodedAfterPlaceholdersAreFilledIn();
    void shortcutSends();
    void saveFromPublishFormAndLoadBack();
    void exportImportRoundTrip();
    void mutedTopicIsCountedNotShown();
    void mutedSubtreeAndUnmute();
    void profileEditorOffersSysSuggestion();

private:
    SavedMessagesPanel *panel() const { return m_tab->savedMessagesPanel(); }
    // Runs `fill` on the modal dialog the next call opens, then saves it.
    void whenDialogOpens(std::function<void(SavedMessageDialog *)> fill);
    // What arrives on `filter` at the peer while `act` runs, waiting until `count` came.
    QList<Message> receive(const QString &filter, qsizetype count,
                           const std::function<void()> &act);
    // Publishes `times` messages to `topic`, then waits until the tab has taken them all in.
    void publishAndWait(const QByteArray &topic, int times);
    QString valueShown(const QByteArray &topic) const; // the tree's value column
    int countListed() const; // messages (not folders) in the Saved panel's tree
    // Opens the tree's menu on `topic` and picks the action whose text starts so.
    void triggerTopicMenu(const QByteArray &topic, const QString &actionPrefix);

    GuiTestBench m_bench;
    std::unique_ptr<SavedMessageLibrary> m_library;
    std::unique_ptr<ConnectionTab> m_tab;
};

void tst_GuiWorkbench::initTestCase()
{
    QString error;
    QVERIFY2(m_bench.start(&error), qPrintable(error));
    m_library = std::make_unique<SavedMessageLibrary>(m_bench.filePath(u"saved.json"_s));
    m_tab = std::make_unique<ConnectionTab>(
        m_bench.profile(u"Workbench"_s, Subscription{.filter = u"wb/#"_s}), m_bench.secrets());
    m_tab->setSavedMessages(m_library.get());
    QVERIFY2(
        GuiTestBench::showConnected(*m_tab, {1280, 800}, u"wb/#"_s, u"granted QoS 0"_s, &error),
        qPrintable(error));
}

void tst_GuiWorkbench::cleanupTestCase()
{
    m_tab.reset();
}

void tst_GuiWorkbench::whenDialogOpens(std::function<void(SavedMessageDialog *)> fill)
{
    QTimer::singleShot(0, this, [fill] {
        auto *dialog = qobject_cast<SavedMessageDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        fill(dialog);
        dialog->accept();
    });
}

QList<Message> tst_GuiWorkbench::receive(const QString &filter, qsizetype count,
                                         const std::function<void()> &act)
{
    MqttClient &client = m_bench.peer().client();
    QList<Message> received;
    auto connection =
        connect(&client, &MqttClient::messagesReceived, this,
                [&received](const QList<Message> &messages) { received += messages; });
    QSignalSpy subscribed(&client, &MqttClient::subscribeFinished);
    client.subscribe({Subscription{.filter = filter, .qos = 1}});
    if (!subscribed.wait(5000))
        qWarning("the peer's subscription was not answered");
    act();
    if (!QTest::qWaitFor([&] { return received.size() >= count; }, 5000))
        qWarning("the peer received %lld of %lld", qlonglong(received.size()), qlonglong(count));
    QSignalSpy unsubscribed(&client, &MqttClient::unsubscribeFinished);
    client.unsubscribe({filter});
    unsubscribed.wait(5000);
    disconnect(connection);
    return received;
}

void tst_GuiWorkbench::createEditAndSend()
{
    whenDialogOpens([](SavedMessageDialog *dialog) {
        QTest::keyClicks(dialog->nameEdit(), u"Lamp on"_s);
        QTest::keyClicks(dialog->topicEdit(), u"out/lamp/set"_s);
        QTest::keyClicks(dialog->payloadEdit(), u"ON"_s);
    });
    SavedMessage fresh;
    fresh.folder = u"lights"_s;
    panel()->edit(fresh);
    QCOMPARE(m_library->messages().size(), 1);
    const SavedMessage created = m_library->messages().first();
    QCOMPARE(created.name, u"Lamp on"_s);
    QCOMPARE(created.folder, u"lights"_s);
    QCOMPARE(created.payload, "ON");
    // Written at once, beside the profiles in real use.
    SavedMessageLibrary reread(m_library->filePath());
    QVERIFY(reread.load());
    QCOMPARE(reread.messages().size(), 1);
    QCOMPARE(panel()->selectedId(), created.id);
    QCOMPARE(panel()->tree()->topLevelItem(0)->text(0), u"lights"_s);

    whenDialogOpens([](SavedMessageDialog *dialog) {
        dialog->payloadEdit()->setPlainText(u"OFF"_s);
        dialog->findChild<QCheckBox *>(u"savedShowProperties"_s)->setChecked(true);
        dialog->findChild<QLineEdit *>(u"savedContentType"_s)->setText(u"text/plain"_s);
    });
    panel()->edit(created);
    QCOMPARE(m_library->message(created.id)->payload, "OFF");
    QCOMPARE(m_library->messages().size(), 1);

    panel()->rename(created.id, u"Lamp off"_s);
    QCOMPARE(panel()->tree()->topLevelItem(0)->child(0)->text(0), u"Lamp off"_s);

    panel()->select(created.id);
    const QList<Message> got = receive(u"out/lamp/#"_s, 1, [this] {
        QTest::mouseClick(panel()->findChild<QPushButton *>(u"savedSend"_s), Qt::LeftButton);
    });
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().topic, "out/lamp/set");
    QCOMPARE(got.first().payload, "OFF");
    QCOMPARE(got.first().properties->contentType, u"text/plain"_s); // the peer is at 5.0
    QTRY_VERIFY(panel()->outcomeText().startsWith(u"Sent Lamp off"_s));

    panel()->remove(created.id);
    QVERIFY(m_library->messages().isEmpty());
    QCOMPARE(panel()->tree()->topLevelItemCount(), 0);
}

void tst_GuiWorkbench::placeholdersAreFilledInWhenSent()
{
    SavedMessage m;
    m.name = u"Reading"_s;
    m.topic = u"out/reading/{{counter}}"_s;
    m.payload =
        R"({"n": {{counter}}, "id": "{{uuid}}", "at": "{{timestamp}}", "v": {{random:5-9}}})";
    m.payloadFormat = u"json"_s;
    m.qos = 1;
    QVERIFY(panel()->store(m));
    panel()->select(m.id);
    // The preview says what the next send holds, placeholders filled in.
    QVERIFY2(panel()->previewText().contains(u"out/reading/1"_s),
             qPrintable(panel()->previewText()));
    QVERIFY(!panel()->previewText().contains(u"{{"_s));

    const QList<Message> got = receive(u"out/reading/#"_s, 2, [this, &m] {
        panel()->send(m.id);
        panel()->send(m.id);
    });
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.at(0).topic, "out/reading/1");
    QCOMPARE(got.at(1).topic, "out/reading/2");
    const QJsonObject first = QJsonDocument::fromJson(got.at(0).payload).object();
    QCOMPARE(first.value(u"n"_s).toInt(), 1);
    QVERIFY(!QUuid::fromString(first.value(u"id"_s).toString()).isNull());
    QVERIFY(QDateTime::fromString(first.value(u"at"_s).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(first.value(u"v"_s).toInt() >= 5 && first.value(u"v"_s).toInt() <= 9);
    QCOMPARE(got.at(0).qos, 1);
    // The counter is the library's: it survives a restart.
    QCOMPARE(m_library->message(m.id)->counter, quint64(2));
    SavedMessageLibrary reread(m_library->filePath());
    QVERIFY(reread.load());
    QCOMPARE(reread.message(m.id)->counter, quint64(2));
    QVERIFY(panel()->previewText().contains(u"out/reading/3"_s));
    panel()->remove(m.id);
}

void tst_GuiWorkbench::encodedAfterPlaceholdersAreFilledIn()
{
    SavedMessage m;
    m.name = u"Packed"_s;
    m.topic = u"out/packed"_s;
    m.payload = R"({"n": {{counter}}})";
    m.payloadFormat = u"json"_s;
    m.encodeAs = u"msgpack"_s;
    QVERIFY(panel()->store(m));
    panel()->select(m.id);
    QVERIFY2(panel()->previewText().contains(u"{\"n\": 1}, encoded as msgpack"_s),
             qPrintable(panel()->previewText()));
    const QList<Message> got =
        receive(u"out/packed"_s, 2, [this, &m] { panel()->send(m.id), panel()->send(m.id); });
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.at(0).payload, QByteArray("\x81\xa1n\x01"));
    QCOMPARE(got.at(1).payload, QByteArray("\x81\xa1n\x02"));

    // JSON that does not encode is not sent, says why, and does not use up a counter value.
    SavedMessage bad = *m_library->message(m.id);
    bad.payload = R"({"n": {{counter}})";
    QVERIFY(panel()->store(bad));
    panel()->send(bad.id);
    QVERIFY2(panel()->outcomeText().startsWith(u"Packed was not sent: "_s),
             qPrintable(panel()->outcomeText()));
    QCOMPARE(m_library->message(m.id)->counter, quint64(2));
    panel()->remove(m.id);
}

void tst_GuiWorkbench::shortcutSends()
{
    SavedMessage m;
    m.name = u"Ping"_s;
    m.topic = u"out/ping"_s;
    m.payload = "pong";
    m.shortcut = u"Ctrl+Shift+1"_s;
    QVERIFY(panel()->store(m));
    QCOMPARE(panel()->tree()->topLevelItem(0)->text(2),
             QKeySequence(u"Ctrl+Shift+1"_s).toString(QKeySequence::NativeText));
    // Anywhere in the tab: focus in the topic tree, the Saved panel not shown.
    m_tab->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_tab.get()));
    m_tab->topicTree()->setFocus();
    QVERIFY(!panel()->isVisible());
    const QList<Message> got = receive(u"out/ping"_s, 1, [this] {
        QTest::keyClick(m_tab->topicTree(), Qt::Key_1, Qt::ControlModifier | Qt::ShiftModifier);
    });
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().payload, "pong");
    panel()->remove(m.id);
}

void tst_GuiWorkbench::saveFromPublishFormAndLoadBack()
{
    PublishPanel *form = m_tab->publishPanel();
    auto *topic = form->findChild<QLineEdit *>(u"publishTopic"_s);
    auto *payload = form->findChild<QPlainTextEdit *>(u"publishPayload"_s);
    topic->setText(u"out/form/{{counter}}"_s);
    payload->setPlainText(u"from the form"_s);
    form->findChild<QComboBox *>(u"publishQos"_s)->setCurrentIndex(2);
    whenDialogOpens(
        [](SavedMessageDialog *dialog) { QTest::keyClicks(dialog->nameEdit(), u"Form"_s); });
    QTest::mouseClick(form->findChild<QPushButton *>(u"publishSaveToLibrary"_s), Qt::LeftButton);
    QCOMPARE(m_library->messages().size(), 1);
    const SavedMessage saved = m_library->messages().first();
    QCOMPARE(saved.topic, u"out/form/{{counter}}"_s);
    QCOMPARE(saved.payload, "from the form");
    QCOMPARE(saved.qos, 2);

    topic->clear();
    payload->clear();
    form->findChild<QComboBox *>(u"publishQos"_s)->setCurrentIndex(0);
    panel()->select(saved.id);
    QTest::mouseClick(panel()->findChild<QPushButton *>(u"savedLoad"_s), Qt::LeftButton);
    QCOMPARE(topic->text(), u"out/form/{{counter}}"_s);
    QCOMPARE(payload->toPlainText(), u"from the form"_s);
    QCOMPARE(form->findChild<QComboBox *>(u"publishQos"_s)->currentIndex(), 2);
    QVERIFY(form->isVisible()); // the Publish panel is brought forward

    // A message of today's publish history, saved from its context menu.
    topic->setText(u"out/history"_s);
    payload->setPlainText(u"sent before"_s);
    QTest::mouseClick(form->findChild<QPushButton *>(u"publishButton"_s), Qt::LeftButton);
    auto *history = form->findChild<QListWidget *>(u"publishHistory"_s);
    QTRY_COMPARE(history->count(), 1);
    topic->clear(); // the history's message is saved, not the form's
    QTimer::singleShot(0, this, [this] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        whenDialogOpens([](SavedMessageDialog *dialog) {
            QTest::keyClicks(dialog->nameEdit(), u"From history"_s);
        });
        menu->actions().first()->trigger();
        menu->close();
    });
    const QRect row = history->visualItemRect(history->item(0));
    emit history->customContextMenuRequested(row.center());
    QTRY_COMPARE(m_library->messages().size(), 2);
    const SavedMessage fromHistory = m_library->messages().last();
    QCOMPARE(fromHistory.name, u"From history"_s);
    QCOMPARE(fromHistory.topic, u"out/history"_s);
    QCOMPARE(fromHistory.payload, "sent before");
    panel()->remove(saved.id);
    panel()->remove(fromHistory.id);

    // JSON the form encodes as MessagePack is kept as typed, with the encoding, so that its
    // placeholders are filled in when sent; loaded back, the form encodes it again.
    topic->setText(u"out/packed"_s);
    payload->setPlainText(u"{\"a\": {{counter}}}"_s);
    auto *encodeAs = form->findChild<QComboBox *>(u"publishEncodeAs"_s);
    encodeAs->setCurrentIndex(encodeAs->findData(u"msgpack"_s));
    const SavedMessage packed = form->savedMessage();
    QCOMPARE(packed.payload, "{\"a\": {{counter}}}");
    QCOMPARE(packed.encodeAs, u"msgpack"_s);
    QCOMPARE(SavedMessage::fromJson(packed.toJson()).encodeAs, u"msgpack"_s);
    encodeAs->setCurrentIndex(0);
    form->loadSavedMessage(packed);
    QCOMPARE(encodeAs->currentData().toString(), u"msgpack"_s);
    encodeAs->setCurrentIndex(0);
}

int tst_GuiWorkbench::countListed() const
{
    int messages = 0;
    for (QTreeWidgetItemIterator it(panel()->tree()); *it; ++it)
        messages +=
            (*it)->childCount() == 0 && !(*it)->data(1, Qt::DisplayRole).toString().isEmpty();
    return messages;
}

void tst_GuiWorkbench::exportImportRoundTrip()
{
    SavedMessage a;
    a.name = u"A"_s;
    a.topic = u"out/a"_s;
    a.payload = QByteArray("\x00\x01\xff", 3);
    a.payloadFormat = u"hex"_s;
    a.folder = u"bin/raw"_s;
    a.contentType = u"application/octet-stream"_s;
    a.userProperties = {{u"k"_s, u"v"_s}};
    SavedMessage b;
    b.name = u"B"_s;
    b.topic = u"out/b"_s;
    b.payload = "b";
    b.retain = true;
    QVERIFY(panel()->store(a));
    QVERIFY(panel()->store(b));
    // Folders nest: bin ▸ raw ▸ A.
    QCOMPARE(panel()->tree()->topLevelItem(0)->child(0)->child(0)->text(0), u"A"_s);
    // Another connection's message is not listed; the search narrows what is, and the export
    // takes what is listed.
    SavedMessage elsewhere;
    elsewhere.name = u"Elsewhere"_s;
    elsewhere.topic = u"out/elsewhere"_s;
    elsewhere.profileId = QUuid::createUuid();
    QVERIFY(panel()->store(elsewhere));
    QCOMPARE(m_library->messages().size(), 3);
    QCOMPARE(countListed(), 2);
    QTest::keyClicks(panel()->searchEdit(), u"OUT/B"_s);
    QCOMPARE(countListed(), 1);
    const QString searched = m_bench.filePath(u"searched.json"_s);
    QString error;
    QVERIFY2(panel()->exportTo(searched, &error), qPrintable(error));
    QFile searchedFile(searched);
    QVERIFY(searchedFile.open(QIODevice::ReadOnly));
    const auto exported = SavedMessageLibrary::fromJson(searchedFile.readAll(), &error);
    QVERIFY(exported);
    QCOMPARE(exported->size(), 1);
    QCOMPARE(exported->first().name, u"B"_s);
    panel()->searchEdit()->clear();
    panel()->remove(elsewhere.id);

    const QString path = m_bench.filePath(u"export.json"_s);
    QVERIFY2(panel()->exportTo(path, &error), qPrintable(error));
    panel()->remove(a.id);
    panel()->remove(b.id);
    QVERIFY(m_library->messages().isEmpty());
    QVERIFY2(panel()->importFrom(path, &error), qPrintable(error));
    QCOMPARE(panel()->outcomeText(), u"Imported 2 message(s)."_s);
    QCOMPARE(m_library->messages().size(), 2);
    QCOMPARE(*m_library->message(a.id), a);
    QCOMPARE(*m_library->message(b.id), b);
    // Not a saved-messages document: refused, the library unchanged.
    QFile other(m_bench.filePath(u"other.json"_s));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write(R"({"format": "something-else"})");
    other.close();
    QVERIFY(!panel()->importFrom(other.fileName(), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(m_library->messages().size(), 2);
    panel()->remove(a.id);
    panel()->remove(b.id);
}

void tst_GuiWorkbench::publishAndWait(const QByteArray &topic, int times)
{
    for (int i = 0; i < times; ++i)
        QVERIFY(m_bench.peer().publish(topic, "m" + QByteArray::number(i)));
    // The marker goes last: once the tree has it, everything before has passed the filter
    // (one publisher, delivered in order).
    const TopicStore &store = m_tab->topicStore();
    const TopicNodeId marker = store.find("wb/marker");
    const quint64 before = marker == TopicStore::InvalidId ? 0 : store.messageCount(marker);
    QVERIFY(m_bench.peer().publish("wb/marker", "x"));
    QTRY_VERIFY_WITH_TIMEOUT(store.find("wb/marker") != TopicStore::InvalidId
                                 && store.messageCount(store.find("wb/marker")) == before + 1,
                             5000);
}

QString tst_GuiWorkbench::valueShown(const QByteArray &topic) const
{
    TopicTreeModel *model = m_tab->topicModel();
    return model->indexOf(m_tab->topicStore().find(topic), TopicTreeModel::ValueColumn)
        .data()
        .toString();
}

void tst_GuiWorkbench::mutedTopicIsCountedNotShown()
{
    publishAndWait("wb/mute/a", 1);
    const TopicStore &store = m_tab->topicStore();
    const TopicNodeId a = store.find("wb/mute/a");
    QVERIFY(a != TopicStore::InvalidId);
    m_tab->selectTopic("wb/mute/a");
    QCOMPARE(m_tab->historyModel()->rowCount(), 1);
    const qint64 historyBefore = m_tab->explorerData().history().entryCount();

    QSignalSpy changed(m_tab.get(), &ConnectionTab::mutedTopicsChanged);
    m_tab->setMutedTopics({u"wb/mute/a"_s});
    QCOMPARE(changed.size(), 1); // for the window to keep in the profile
    QCOMPARE(m_tab->profile().mutedTopics, QStringList{u"wb/mute/a"_s});
    publishAndWait("wb/mute/a", 5);
    QCOMPARE(store.messageCount(a), quint64(1));
    QCOMPARE(store.latestPayload(a), "m0");
    QCOMPARE(m_tab->explorerData().history().entryCount(), historyBefore + 1); // the marker
    QCOMPARE(m_tab->historyModel()->rowCount(), 1);
    QCOMPARE(m_tab->explorerData().muted().mutedTotal(), quint64(5));
    QCOMPARE(valueShown("wb/mute/a"), u"muted · 5"_s);
    QVERIFY(m_tab->trafficText().startsWith(u"5 muted · "_s));

    publishAndWait("wb/mute/a", 3); // the count keeps rising, the rest stands still
    QCOMPARE(valueShown("wb/mute/a"), u"muted · 8"_s);
    QCOMPARE(store.messageCount(a), quint64(1));

    m_tab->setMutedTopics({});
    publishAndWait("wb/mute/a", 1);
    QCOMPARE(store.messageCount(a), quint64(2));
    QCOMPARE(valueShown("wb/mute/a"), u"m0"_s);
    QTRY_COMPARE(m_tab->historyModel()->rowCount(), 2);
}

void tst_GuiWorkbench::triggerTopicMenu(const QByteArray &topic, const QString &actionPrefix)
{
    bool found = false;
    QTimer::singleShot(0, this, [&found, actionPrefix] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        const auto actions = menu->actions();
        for (QAction *action : actions) {
            if (action->text().startsWith(actionPrefix)) {
                found = true;
                menu->close();
                action->trigger();
                return;
            }
        }
        menu->close();
    });
    const TopicNodeId node = m_tab->topicStore().find(topic);
    QVERIFY(node != TopicStore::InvalidId);
    auto *pane = m_tab->findChild<TopicTreePane *>();
    emit pane->menuRequested(node, m_tab->mapToGlobal(QPoint(100, 100)));
    QVERIFY2(found, qPrintable(actionPrefix));
}

void tst_GuiWorkbench::mutedSubtreeAndUnmute()
{
    publishAndWait("wb/sub/x/1", 1);
    const TopicStore &store = m_tab->topicStore();
    const quint64 mutedBefore = m_tab->explorerData().muted().mutedTotal();
    triggerTopicMenu("wb/sub", u"Mute subtree"_s);
    QCOMPARE(m_tab->profile().mutedTopics, QStringList{u"wb/sub/#"_s});
    // Counted, whether the topic is in the tree already or new: no row appears for wb/sub/y.
    publishAndWait("wb/sub/x/1", 2);
    publishAndWait("wb/sub/y", 300);
    QCOMPARE(store.find("wb/sub/y"), TopicStore::InvalidId);
    QCOMPARE(store.messageCount(store.find("wb/sub/x/1")), quint64(1));
    QCOMPARE(m_tab->explorerData().muted().mutedTotal(), mutedBefore + 302);
    QCOMPARE(valueShown("wb/sub"), u"muted · 302"_s); // the whole subtree's
    QCOMPARE(valueShown("wb/sub/x/1"), u"muted · 2"_s); // its own

    triggerTopicMenu("wb/sub/x/1", u"Unmute"_s);
    QVERIFY(m_tab->profile().mutedTopics.isEmpty());
    publishAndWait("wb/sub/y", 1);
    QVERIFY(store.find("wb/sub/y") != TopicStore::InvalidId);
    QCOMPARE(valueShown("wb/sub/x/1"), u"m0"_s);
}

void tst_GuiWorkbench::profileEditorOffersSysSuggestion()
{
    ProfileEditor editor;
    editor.setProfile(ConnectionProfile{});
    auto *muted = editor.findChild<MutedTopicsEditor *>();
    QVERIFY(muted);
    auto *suggestion = muted->findChild<QPushButton *>(u"mutedTopicsSuggestion"_s);
    QVERIFY(!suggestion->isHidden());
    QSignalSpy changed(&editor, &ProfileEditor::changed);
    QTest::mouseClick(suggestion, Qt::LeftButton);
    QVERIFY(suggestion->isHidden()); // in the list now
    auto *pattern = muted->findChild<QLineEdit *>(u"mutedTopicsPattern"_s);
    QTest::keyClicks(pattern, u"a/#/b"_s); // '#' not last [MQTT-4.7.1-1]: refused
    QTest::keyClick(pattern, Qt::Key_Return);
    pattern->clear();
    QTest::keyClicks(pattern, u"sensors/+/debug"_s);
    QTest::keyClick(pattern, Qt::Key_Return);
    QVERIFY(!changed.isEmpty());
    const ConnectionProfile profile = editor.profile();
    QCOMPARE(profile.mutedTopics, (QStringList{u"$SYS/#"_s, u"sensors/+/debug"_s}));
    QCOMPARE(ConnectionProfile::fromJson(profile.toJson()).mutedTopics, profile.mutedTopics);
}

QTEST_MAIN(tst_GuiWorkbench)
#include "tst_guiworkbench.moc"
