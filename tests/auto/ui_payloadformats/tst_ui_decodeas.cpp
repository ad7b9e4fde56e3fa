// SPDX-License-Identifier: GPL-3.0-or-later
// The topic menu's "Decode topics like this as…" (issue 12): the filters a topic suggests, the
// formats and Protobuf message types offered; chosen from a tab's real context menu, the rule goes
// first in the tab's profile and the shown message is decoded with it at once; a saved profile
// keeps it, a URL's connection does not touch the saved ones.
#include "connectiontab.h"
#include "decodeasmenu.h"
#include "mainwindow.h"
#include "messagebuilder.h"
#include "testprotos.h"
#include "decode/protobufschemas.h"
#include "models/topictreemodel.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "views/payloadview.h"

#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

QAction *actionNamed(const QMenu *menu, const QString &text)
{
    const auto actions = menu->actions();
    for (QAction *action : actions) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

// The action at the end of a path of menu texts ("Protobuf", "fleet.v1.Position", ...).
QAction *actionAt(const QMenu *menu, const QStringList &path)
{
    QAction *action = nullptr;
    for (const QString &text : path) {
        if (!menu || !(action = actionNamed(menu, text)))
            return nullptr;
        menu = action->menu();
    }
    return action;
}

// Calls `pick` with the popup menu once one is open: QMenu::exec() does not return until then.
void whenMenuOpens(const std::function<void(QMenu *)> &pick)
{
    auto *timer = new QTimer(qApp);
    auto ticks = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, ticks, pick] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu && ++*ticks < 500)
            return;
        timer->deleteLater();
        timer->stop();
        if (menu)
            pick(menu);
    });
    timer->start(10);
}

} // namespace

class tst_UiDecodeAs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void suggestedFilters_data();
    void suggestedFilters();
    void offersFormatsAndMessageTypes();
    void protobufWithoutFilesSaysWhere();
    void ampersandIsNotAMnemonic();
    void topicMenuDecodesTheShownMessage();
    void sameFilterReplacesTheRule();
    void savedProfileKeepsTheRule();

private:
    ConnectionProfile fleetProfile() const;

    QTemporaryDir m_folder;
    QString m_fleet;
    std::shared_ptr<const ProtobufSchemas> m_schemas;
    QByteArray m_position; // fleet.v1.Position{vehicle:"truck-7", latitude:52.5}
};

void tst_UiDecodeAs::initTestCase()
{
    QVERIFY(m_folder.isValid());
    m_fleet = test::writeFleetProto(m_folder.path());
    QList<ProtobufSchemas::Problem> problems;
    m_schemas = ProtobufSchemas::load({m_fleet}, {}, &problems);
    QVERIFY(problems.isEmpty());
    QString error;
    const auto encoded = m_schemas->encode(u"fleet.v1.Position"_s,
                                           R"({"vehicle":"truck-7","latitude":52.5})", &error);
    QVERIFY2(encoded, qPrintable(error));
    m_position = *encoded;
}

ConnectionProfile tst_UiDecodeAs::fleetProfile() const
{
    ConnectionProfile profile;
    profile.name = u"fleet"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = 1; // never connected here
    profile.protoFiles = {m_fleet};
    return profile;
}

void tst_UiDecodeAs::suggestedFilters_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("hasChildren");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("leaf") << u"fleet/7/position"_s << false
                          << QStringList{u"fleet/7/position"_s, u"fleet/7/+"_s,
                                         u"fleet/+/position"_s, u"fleet/7/#"_s};
    QTest::newRow("with children")
        << u"fleet/7"_s << true
        << QStringList{u"fleet/7"_s, u"fleet/7/#"_s, u"fleet/+"_s, u"+/7"_s, u"fleet/#"_s};
    QTest::newRow("top level") << u"status"_s << false << QStringList{u"status"_s, u"+"_s, u"#"_s};
    QTest::newRow("empty last level")
        << u"a/"_s << false << QStringList{u"a/"_s, u"a/+"_s, u"+/"_s, u"a/#"_s};
}

void tst_UiDecodeAs::suggestedFilters()
{
    QFETCH(QString, topic);
    QFETCH(bool, hasChildren);
    QFETCH(QStringList, expected);
    QCOMPARE(DecodeAsMenu::suggestedFilters(topic, hasChildren), expected);
}

void tst_UiDecodeAs::offersFormatsAndMessageTypes()
{
    DecodeAsMenu menu("fleet/7/position", false, m_schemas.get());
    QCOMPARE(menu.title(), u"Decode topics like this as…"_s);
    for (const QString &format : {u"JSON"_s, u"Text"_s, u"Hex"_s, u"CBOR"_s, u"Sparkplug B"_s,
                                  u"MessagePack"_s, u"Automatic"_s})
        QVERIFY2(actionAt(&menu, {format, u"fleet/7/+ (this level)"_s}), qPrintable(format));
    const QMenu *protobuf = actionNamed(&menu, u"Protobuf"_s)->menu();
    QStringList types;
    for (const QAction *action : protobuf->actions())
        types.append(action->text());
    QCOMPARE(types, (QStringList{u"fleet.v1.Position"_s, u"fleet.v1.Status"_s}));
    QStringList filters;
    for (const QAction *action :
         actionAt(&menu, {u"Protobuf"_s, u"fleet.v1.Status"_s})->menu()->actions())
        filters.append(action->text());
    QCOMPARE(
        filters,
        (QStringList{u"fleet/7/position (this topic)"_s, u"fleet/7/+ (this level)"_s,
                     u"fleet/+/position (the same under each)"_s, u"fleet/7/# (and below)"_s}));

    QSignalSpy chosen(&menu, &DecodeAsMenu::ruleChosen);
    actionAt(&menu, {u"Protobuf"_s, u"fleet.v1.Status"_s, u"fleet/7/# (and below)"_s})->trigger();
    actionAt(&menu, {u"MessagePack"_s, u"fleet/7/position (this topic)"_s})->trigger();
    actionAt(&menu, {u"JSON"_s, u"fleet/+/position (the same under each)"_s})->trigger();
    QCOMPARE(chosen.count(), 3);
    QCOMPARE(chosen.at(0).at(0).value<FormatRule>(),
             (FormatRule{u"fleet/7/#"_s, PayloadEncoding::Protobuf, u"fleet.v1.Status"_s}));
    QCOMPARE(chosen.at(1).at(0).value<FormatRule>(),
             (FormatRule{u"fleet/7/position"_s, PayloadEncoding::MessagePack, {}}));
    QCOMPARE(chosen.at(2).at(0).value<FormatRule>(),
             (FormatRule{u"fleet/+/position"_s, PayloadEncoding::Json, {}}));
}

void tst_UiDecodeAs::protobufWithoutFilesSaysWhere()
{
    DecodeAsMenu menu("fleet/7/position", false, nullptr);
    const QList<QAction *> entries = actionNamed(&menu, u"Protobuf"_s)->menu()->actions();
    QCOMPARE(entries.size(), 1);
    QVERIFY(!entries.constFirst()->isEnabled());
    QVERIFY(entries.constFirst()->text().contains(u".proto"_s));
}

void tst_UiDecodeAs::ampersandIsNotAMnemonic()
{
    DecodeAsMenu menu("R&D/lab", false, nullptr);
    QSignalSpy chosen(&menu, &DecodeAsMenu::ruleChosen);
    QAction *exact = actionAt(&menu, {u"JSON"_s, u"R&&D/lab (this topic)"_s});
    QVERIFY(exact);
    exact->trigger();
    QCOMPARE(chosen.constFirst().at(0).value<FormatRule>().topicFilter, u"R&D/lab"_s);
}

void tst_UiDecodeAs::topicMenuDecodesTheShownMessage()
{
    SecretStore secrets(u"mqttscope-test-nokeychain"_s);
    ConnectionTab tab(fleetProfile(), &secrets);
    tab.resize(1200, 800);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.topicModel()->enqueue(
        {test::MessageBuilder("fleet/7/position").payload(m_position).receivedAt(1000)});
    tab.selectTopic("fleet/7/position");
    QTRY_COMPARE(tab.payloadView()->message().topic, QByteArray("fleet/7/position"));
    QVERIFY(tab.payloadView()->format() != PayloadViewFormat::Protobuf); // bytes alone: no
    QSignalSpy rulesChanged(&tab, &ConnectionTab::formatRulesChanged);

    bool picked = false;
    whenMenuOpens([&picked](QMenu *menu) {
        QAction *choice = actionAt(menu,
                                   {u"Decode topics like this as…"_s, u"Protobuf"_s,
                                    u"fleet.v1.Position"_s, u"fleet/7/+ (this level)"_s});
        picked = choice != nullptr;
        if (choice)
            choice->trigger();
        menu->close();
    });
    const QRect row = tab.topicTree()->visualRect(tab.topicTree()->currentIndex());
    QVERIFY(row.isValid());
    emit tab.topicTree()->customContextMenuRequested(row.center());
    QVERIFY(picked);

    const FormatRule rule{u"fleet/7/+"_s, PayloadEncoding::Protobuf, u"fleet.v1.Position"_s};
    QCOMPARE(tab.profile().formatRules, QList<FormatRule>{rule});
    QCOMPARE(rulesChanged.count(), 1);
    QCOMPARE(rulesChanged.constFirst().at(1).value<QList<FormatRule>>(), QList<FormatRule>{rule});
    // The message already shown is decoded with the new rule, without selecting it again.
    QCOMPARE(tab.payloadView()->format(), PayloadViewFormat::Protobuf);
    QCOMPARE(tab.payloadView()->messageType(), u"fleet.v1.Position"_s);
    QVERIFY2(tab.payloadView()->renderedText().contains(u"truck-7"_s),
             qPrintable(tab.payloadView()->renderedText()));
}

void tst_UiDecodeAs::sameFilterReplacesTheRule()
{
    SecretStore secrets(u"mqttscope-test-nokeychain"_s);
    ConnectionProfile profile = fleetProfile();
    profile.formatRules = {{u"a/#"_s, PayloadEncoding::Json, {}},
                           {u"b"_s, PayloadEncoding::Hex, {}}};
    ConnectionTab tab(profile, &secrets);
    tab.decodeTopicsAs({u"b"_s, PayloadEncoding::Cbor, {}});
    tab.decodeTopicsAs({u"c/+"_s, PayloadEncoding::Text, {}});
    const QList<FormatRule> expected{{u"c/+"_s, PayloadEncoding::Text, {}},
                                     {u"b"_s, PayloadEncoding::Cbor, {}},
                                     {u"a/#"_s, PayloadEncoding::Json, {}}};
    QCOMPARE(tab.profile().formatRules, expected);
}

void tst_UiDecodeAs::savedProfileKeepsTheRule()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString file = folder.filePath(u"profiles.json"_s);
    ProfileStore store(file);
    ConnectionProfile saved = fleetProfile();
    saved.subscriptions = {Subscription{.filter = u"fleet/#"_s}};
    store.upsert(saved);
    QVERIFY(store.save());
    SecretStore secrets(u"mqttscope-test-nokeychain"_s);
    secrets.setTimeoutMs(1000);
    MainWindow window(&store, &secrets);
    ConnectionTab *tab = window.openProfile(saved.id);
    QVERIFY(tab);
    const FormatRule rule{u"fleet/+/position"_s, PayloadEncoding::Protobuf, u"fleet.v1.Position"_s};
    tab->decodeTopicsAs(rule);

    ProfileStore reread(file);
    QVERIFY(reread.load());
    ConnectionProfile expected = saved;
    expected.formatRules = {rule};
    QCOMPARE(reread.profile(saved.id), std::optional(expected));
    QCOMPARE(tab->profile().formatRules, QList<FormatRule>{rule});

    // A URL's connection is not saved: the rule stays with its tab.
    QString error;
    ConnectionTab *unsaved = window.openUrl(u"mqtt://127.0.0.1:1"_s, &error);
    QVERIFY2(unsaved, qPrintable(error));
    unsaved->decodeTopicsAs({u"x/#"_s, PayloadEncoding::Hex, {}});
    QVERIFY(reread.load());
    QCOMPARE(reread.profiles().size(), 1);
    QCOMPARE(reread.profile(saved.id), std::optional(expected));
    QCOMPARE(unsaved->profile().formatRules.size(), 1);
}

QTEST_MAIN(tst_UiDecodeAs)
#include "tst_ui_decodeas.moc"
