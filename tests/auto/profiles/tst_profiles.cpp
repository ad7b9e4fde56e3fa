// SPDX-License-Identifier: GPL-3.0-or-later
// Connection profiles: JSON round trips through the store, import/export, the mapping to client
// options, and that secrets go to the keychain (or memory) and never into a profile file.
#include "profiles/connectionprofile.h"
#include "profiles/profilelocation.h"
#include "profiles/profileproblems.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include "profilefixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

ConnectionProfile fullProfile()
{
    return test::profileWithEveryField();
}

// Writes through a store of its own, so that a later read by another store comes from the
// keychain and not from memory. Empty when stored, else why not.
QString writeToKeychain(const QUuid &id, const ProfileSecrets &secrets)
{
    SecretStore writer(u"mqttscope-test"_s);
    writer.setTimeoutMs(3000);
    std::optional<QString> error;
    writer.write(id, secrets, [&](bool stored, const QString &why) {
        error = stored ? QString() : why.isEmpty() ? u"not stored"_s : why;
    });
    if (!QTest::qWaitFor([&] { return error.has_value(); }, 5000))
        return u"no answer"_s;
    return *error;
}

} // namespace

class tst_Profiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void defaultsSubscribeToEverything();
    void missingFileIsEmpty();
    void passwordNeverInProfileFile();
    void importGivesFreshIdsOnCollision();
    void importRejectsGarbage_data();
    void importRejectsGarbage();
    void duplicateAndRemove();
    void clientOptions();
    void problems_data();
    void problems();
    void secretsRoundTripThroughKeychain();
    void secretsCopyToADuplicate();
    void secretsWithoutKeychainStayInMemory();
    void profilesLiveBesideTheSettings();
    void legacyProfilesMoveOnFirstStart();
    void newerProfilesAreNotReplaced();

private:
    QTemporaryDir m_dir;
};

void tst_Profiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_Profiles::roundTrip_data()
{
    QTest::addColumn<ConnectionProfile>("profile");
    QTest::newRow("defaults") << ConnectionProfile{};
    QTest::newRow("every field") << fullProfile();
    ConnectionProfile ws;
    ws.name = u"ws"_s;
    ws.transport = TransportKind::WebSocket;
    ws.port = 9001;
    ws.version = VersionChoice::V311;
    ws.subscriptions.clear(); // an empty list stays empty, it does not fall back to the defaults
    QTest::newRow("ws, no subscriptions") << ws;
    ConnectionProfile formats;
    formats.formatRules = {{u"fleet/+/pos"_s, PayloadEncoding::Protobuf, u"fleet.v1.Position"_s},
                           {u"spBv1.0/#"_s, PayloadEncoding::Hex, {}},
                           {u"#"_s, PayloadEncoding::MessagePack, {}}};
    formats.protoFiles = {u"/protos/fleet.proto"_s};
    formats.protoImportPaths = {u"/protos"_s, u"/usr/include"_s};
    QTest::newRow("format rules in order, proto files") << formats;
}

void tst_Profiles::roundTrip()
{
    QFETCH(ConnectionProfile, profile);
    const QString path = m_dir.filePath(u"roundtrip.json"_s);
    ProfileStore store(path);
    store.upsert(profile);
    QString error;
    QVERIFY2(store.save(&error), qPrintable(error));

    ProfileStore reloaded(path);
    QSignalSpy changed(&reloaded, &ProfileStore::profilesChanged);
    QVERIFY2(reloaded.load(&error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(reloaded.profiles().size(), 1);
    QCOMPARE(reloaded.profiles().constFirst(), profile);
    QCOMPARE(QFile(path).permissions() & (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions{});
}

void tst_Profiles::defaultsSubscribeToEverything()
{
    const ConnectionProfile p;
    QCOMPARE(p.subscriptions.size(), 2);
    QCOMPARE(p.subscriptions.at(0).filter, u"#"_s);
    QCOMPARE(p.subscriptions.at(1).filter, u"$SYS/#"_s);
    QVERIFY(p.subscriptions.at(0).retainAsPublished);
    QVERIFY(p.subscriptions.at(1).retainAsPublished);
    QVERIFY(!p.id.isNull());
    QVERIFY(p.verifyPeer);
}

void tst_Profiles::missingFileIsEmpty()
{
    ProfileStore store(m_dir.filePath(u"does-not-exist.json"_s));
    QString error;
    QVERIFY(store.load(&error));
    QVERIFY(store.profiles().isEmpty());
    QVERIFY(error.isEmpty());
}

void tst_Profiles::passwordNeverInProfileFile()
{
    const QByteArray password = "pw-7f3a9c-do-not-leak";
    ConnectionProfile p = fullProfile();
    SecretStore secrets(u"mqttscope-test"_s);
    secrets.setTimeoutMs(3000);
    bool written = false;
    secrets.write(p.id,
                  ProfileSecrets{.password = password,
                                 .keyPassphrase = "kp-secret-1",
                                 .pkcs12Passphrase = "p12-secret-2",
                                 .proxyPassword = {},
                                 .webSocketHeaders = {{u"Authorization"_s, "Bearer hdr-secret-3"}},
                                 .sasKey = "sas-secret-4"},
                  [&](bool, const QString &) { written = true; });
    QTRY_VERIFY_WITH_TIMEOUT(written, 5000);

    // A secret header's value left in the profile by a caller is dropped on the way out too.
    p.webSocketHeaders.first().value = u"Bearer hdr-secret-5"_s;
    const QString path = m_dir.filePath(u"secret-check.json"_s);
    ProfileStore store(path);
    store.upsert(p);
    QVERIFY(store.save());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY(onDisk.contains("alice")); // the profile itself is there
    QVERIFY(onDisk.contains("X-Tenant")); // and its headers, with the plain values
    QVERIFY(onDisk.contains("plant-a"));
    for (const QByteArray &secret :
         {password, QByteArray("kp-secret-1"), QByteArray("p12-secret-2"),
          QByteArray("hdr-secret-3"), QByteArray("sas-secret-4"), QByteArray("hdr-secret-5")}) {
        QVERIFY2(!onDisk.contains(secret), secret.constData());
        QVERIFY(!onDisk.contains(secret.toBase64()));
        QVERIFY(!ProfileStore::toJson({p}).contains(secret)); // nor in an export
    }
    secrets.remove(p.id);
}

void tst_Profiles::importGivesFreshIdsOnCollision()
{
    ProfileStore store(m_dir.filePath(u"import.json"_s));
    const ConnectionProfile existing = fullProfile();
    store.upsert(existing);
    ConnectionProfile other;
    other.name = u"other"_s;
    QString error;
    QCOMPARE(store.importJson(ProfileStore::toJson({existing, other}), &error), 2);
    QCOMPARE(store.profiles().size(), 3);
    QCOMPARE(store.profiles().at(1).name, existing.name);
    QVERIFY(store.profiles().at(1).id != existing.id);
    QCOMPARE(store.profiles().at(2).id, other.id);
}

void tst_Profiles::importRejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::newRow("not json") << QByteArray("{nope");
    QTest::newRow("no profiles") << QByteArray(R"({"something":"else"})");
}

void tst_Profiles::importRejectsGarbage()
{
    QFETCH(QByteArray, document);
    ProfileStore store(m_dir.filePath(u"garbage.json"_s));
    QString error;
    QCOMPARE(store.importJson(document, &error), -1);
    QVERIFY(!error.isEmpty());
    QVERIFY(store.profiles().isEmpty());

    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(document);
    file.close();
    QString loadError;
    QVERIFY(!store.load(&loadError));
    QCOMPARE(loadError, error); // the file's problem is worded as the import's
}

void tst_Profiles::duplicateAndRemove()
{
    ProfileStore store(m_dir.filePath(u"dup.json"_s));
    const ConnectionProfile original = fullProfile();
    store.upsert(original);
    const ConnectionProfile copy = store.duplicate(original.id);
    QCOMPARE(store.profiles().size(), 2);
    QVERIFY(copy.id != original.id);
    QCOMPARE(copy.host, original.host);
    QVERIFY(copy.name.contains(original.name));
    QCOMPARE(copy.hasPassword, original.hasPassword); // SecretStore::copy brings the password
    QCOMPARE(store.folders(), QStringList{u"Production"_s});
    store.remove(original.id);
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profiles().constFirst().id, copy.id);
    QVERIFY(store.profileNamed(copy.name.toUpper()).has_value());
}

void tst_Profiles::clientOptions()
{
    const ConnectionProfile p = fullProfile();
    const ClientOptions o =
        p.toClientOptions(ProfileSecrets{.password = "pw",
                                         .keyPassphrase = "kp",
                                         .pkcs12Passphrase = {},
                                         .proxyPassword = "proxy-pw",
                                         .webSocketHeaders = {{u"Authorization"_s, "Bearer t0k3n"}},
                                         .sasKey = {}});
    QCOMPARE(o.endpoint.kind, TransportKind::SecureWebSocket);
    QCOMPARE(o.endpoint.host, p.host);
    QCOMPARE(o.endpoint.port, p.port);
    QCOMPARE(o.endpoint.path, u"/ws"_s);
    QVERIFY(o.endpoint.tls.insecure);
    QCOMPARE(o.endpoint.tls.keyPassphrase, QByteArray("kp"));
    QCOMPARE(o.endpoint.tls.alpn, QList<QByteArray>{"mqtt"});
    // A secret header's value comes from the secrets, a plain one's from the profile, in order.
    const QList<std::pair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer t0k3n"},
                                                           {"X-Tenant", "plant-a"}};
    QCOMPARE(o.endpoint.webSocketHeaders, headers);
    QVERIFY(o.passwordAtConnect); // sasTokenLifetimeSeconds is set
    QCOMPARE(o.username, std::optional<QString>(u"alice"_s));
    QCOMPARE(o.password, std::optional<QByteArray>("pw"));
    QVERIFY(!o.cleanStart);
    QCOMPARE(o.keepAliveSeconds, quint16(15));
    QVERIFY(o.will.has_value());
    QCOMPARE(o.will->topic, QByteArray("clients/scope/status"));
    QCOMPARE(o.will->qos, quint8(1));
    QCOMPARE(o.will->properties.willDelayInterval, std::optional<quint32>(5));
    QCOMPARE(o.will->properties.payloadFormatIndicator, std::optional<quint8>(1));
    QCOMPARE(o.connectProperties.sessionExpiryInterval, std::optional<quint32>(3600));
    QCOMPARE(o.connectProperties.topicAliasMaximum, std::optional<quint16>(0));
    QCOMPARE(o.connectProperties.requestProblemInformation, std::optional<quint8>(0));
    QCOMPARE(o.connectProperties.requestResponseInformation, std::optional<quint8>(1));
    QCOMPARE(o.connectProperties.userProperties.size(), 2);
    QVERIFY(!o.reconnect.enabled);
    QCOMPARE(
        o.endpoint.proxy,
        (ProxySettings{ProxyKind::Socks5, u"proxy.example.com"_s, 1081, u"bob"_s, "proxy-pw"}));

    // No password stored: none sent, even if one is in the secrets.
    ConnectionProfile anonymous;
    const ClientOptions a = anonymous.toClientOptions(ProfileSecrets{.password = "x",
                                                                     .keyPassphrase = {},
                                                                     .pkcs12Passphrase = {},
                                                                     .proxyPassword = {},
                                                                     .webSocketHeaders = {},
                                                                     .sasKey = {}});
    QVERIFY(!a.username);
    QVERIFY(!a.password);
    QVERIFY(!a.will);
    QVERIFY(!a.endpoint.tls.insecure);
    QVERIFY(a.connectProperties.isEmpty());
    QCOMPARE(a.endpoint.proxy.kind, ProxyKind::None);

    // A proxy without a port of its own gets its kind's; no password stored: none sent.
    ConnectionProfile proxied;
    proxied.proxy = ProfileProxy{.kind = ProxyKind::Http,
                                 .host = u"p"_s,
                                 .port = 0,
                                 .username = u"u"_s,
                                 .hasPassword = false};
    const ProxySettings http = proxied
                                   .toClientOptions(ProfileSecrets{.password = {},
                                                                   .keyPassphrase = {},
                                                                   .pkcs12Passphrase = {},
                                                                   .proxyPassword = "x",
                                                                   .webSocketHeaders = {},
                                                                   .sasKey = {}})
                                   .endpoint.proxy;
    QCOMPARE(http.port, quint16(8080));
    QVERIFY(http.password.isEmpty());
}

void tst_Profiles::problems_data()
{
    QTest::addColumn<ConnectionProfile>("profile");
    QTest::addColumn<QList<ProfileField>>("fields");
    ConnectionProfile ok;
    ok.name = u"ok"_s;
    QTest::newRow("valid") << ok << QList<ProfileField>{};

    ConnectionProfile unnamed;
    unnamed.host.clear();
    QTest::newRow("no name, no host")
        << unnamed << QList<ProfileField>{ProfileField::Name, ProfileField::Host};

    ConnectionProfile will = ok;
    will.will.enabled = true;
    will.will.topic = u"status/#"_s; // [MQTT-3.1.3-11] a will topic is a topic name: no wildcards
    QTest::newRow("wildcard will topic") << will << QList<ProfileField>{ProfileField::WillTopic};
    will.will.enabled = false;
    QTest::newRow("disabled will is not checked") << will << QList<ProfileField>{};

    ConnectionProfile tls = ok;
    tls.transport = TransportKind::Tls;
    tls.caFile = u"/nonexistent/ca.pem"_s;
    QTest::newRow("missing CA file") << tls << QList<ProfileField>{ProfileField::CaFile};
    tls.transport = TransportKind::Tcp;
    QTest::newRow("TLS files ignored over tcp") << tls << QList<ProfileField>{};

    ConnectionProfile badFilter = ok;
    badFilter.subscriptions.append(Subscription{.filter = u"a/#/b"_s}); // [MQTT-4.7.1-1]
    QTest::newRow("bad subscription filter")
        << badFilter << QList<ProfileField>{ProfileField::Subscriptions};

    ConnectionProfile persistentAnonymous = ok;
    persistentAnonymous.cleanStart = false;
    persistentAnonymous.version = VersionChoice::V311; // [MQTT-3.1.3-8]
    QTest::newRow("3.1.1 empty id without clean session")
        << persistentAnonymous << QList<ProfileField>{ProfileField::ClientId};
    persistentAnonymous.version = VersionChoice::V5;
    QTest::newRow("5.0 empty id without clean start")
        << persistentAnonymous << QList<ProfileField>{};

    ConnectionProfile proxy = ok;
    proxy.proxy = ProfileProxy{
        .kind = ProxyKind::Socks5, .host = {}, .port = 0, .username = {}, .hasPassword = true};
    QTest::newRow("manual proxy without host, password without user")
        << proxy << QList<ProfileField>{ProfileField::ProxyHost, ProfileField::ProxyUsername};
    proxy.proxy.kind = ProxyKind::System;
    QTest::newRow("system proxy: nothing to check") << proxy << QList<ProfileField>{};
    proxy.proxy = ProfileProxy{.kind = ProxyKind::Http,
                               .host = u"proxy corp"_s,
                               .port = 0,
                               .username = {},
                               .hasPassword = false};
    QTest::newRow("proxy host with a space")
        << proxy << QList<ProfileField>{ProfileField::ProxyHost};
}

void tst_Profiles::problems()
{
    QFETCH(ConnectionProfile, profile);
    QFETCH(QList<ProfileField>, fields);
    const auto problems = profileProblems(profile);
    QCOMPARE(problems.keys(), fields);
    for (const QString &message : problems)
        QVERIFY(!message.isEmpty());
}

void tst_Profiles::secretsRoundTripThroughKeychain()
{
    const QUuid id = QUuid::createUuid();
    const ProfileSecrets secrets{
        .password = QByteArray("p\0w\xff", 4),
        .keyPassphrase = "k",
        .pkcs12Passphrase = {},
        .proxyPassword = QByteArray("x\0y", 3),
        .webSocketHeaders = {{u"Authorization"_s, "Bearer \xff"}, {u"X-Key"_s, "k2"}},
        .sasKey = "c2VjcmV0"};
    if (const QString error = writeToKeychain(id, secrets); !error.isEmpty())
        QSKIP(qPrintable(u"No usable keychain here (%1); scripts/test.sh runs one"_s.arg(error)));
    SecretStore reader(u"mqttscope-test"_s); // a fresh store: nothing in memory
    std::optional<std::optional<ProfileSecrets>> result;
    reader.read(id, [&](std::optional<ProfileSecrets> s, const QString &) { result = s; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(result->has_value());
    QCOMPARE(**result, secrets);

    reader.remove(id);
    SecretStore after(u"mqttscope-test"_s);
    result.reset();
    QString error;
    after.read(id, [&](std::optional<ProfileSecrets> s, const QString &e) {
        result = s;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!result->has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_Profiles::secretsCopyToADuplicate()
{
    const QUuid original = QUuid::createUuid();
    const QUuid copy = QUuid::createUuid();
    const ProfileSecrets secrets{.password = "dup-pw",
                                 .keyPassphrase = "dup-kp",
                                 .pkcs12Passphrase = "dup-p12",
                                 .proxyPassword = {},
                                 .webSocketHeaders = {},
                                 .sasKey = {}};
    if (const QString error = writeToKeychain(original, secrets); !error.isEmpty())
        QSKIP(qPrintable(u"No usable keychain here (%1); scripts/test.sh runs one"_s.arg(error)));
    SecretStore store(u"mqttscope-test"_s); // nothing in memory: the copy reads the keychain
    std::optional<bool> copied;
    store.copy(original, copy, [&](bool ok, const QString &) { copied = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(copied.has_value(), 5000);
    QVERIFY(*copied);

    SecretStore reader(u"mqttscope-test"_s);
    std::optional<std::optional<ProfileSecrets>> result;
    reader.read(copy, [&](std::optional<ProfileSecrets> s, const QString &) { result = s; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QCOMPARE(result->value_or(ProfileSecrets{}), secrets);

    // Nothing stored: nothing to copy, and that is no failure.
    copied.reset();
    store.copy(QUuid::createUuid(), QUuid::createUuid(),
               [&](bool ok, const QString &) { copied = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(copied.has_value(), 5000);
    QVERIFY(*copied);
    reader.remove(original);
    reader.remove(copy);
}

void tst_Profiles::secretsWithoutKeychainStayInMemory()
{
    // A service on an unreachable bus: whatever backend QtKeychain picks fails or times out,
    // and the store must answer anyway.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mqttscope-test-bus");
    SecretStore store(u"mqttscope-test-nobus"_s);
    store.setTimeoutMs(1000);
    const QUuid id = QUuid::createUuid();
    std::optional<std::optional<ProfileSecrets>> result;
    QString error;
    store.read(id, [&](std::optional<ProfileSecrets> s, const QString &e) {
        result = s;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!result->has_value());

    const ProfileSecrets typed{.password = "typed-at-connect",
                               .keyPassphrase = {},
                               .pkcs12Passphrase = {},
                               .proxyPassword = {},
                               .webSocketHeaders = {},
                               .sasKey = {}};
    store.remember(id, typed);
    result.reset();
    store.read(id, [&](std::optional<ProfileSecrets> s, const QString &) { result = s; });
    QVERIFY(result.has_value()); // answered at once from memory
    QCOMPARE(result->value(), typed);
    store.forget(id);
}

void tst_Profiles::profilesLiveBesideTheSettings()
{
    // As the desktop app names itself: ~/.config/mqttscope/{mqttscope.conf,profiles.json}.
    QCoreApplication::setOrganizationName(u"mqttscope"_s);
    QCoreApplication::setApplicationName(u"mqttscope"_s);
    const QSettings settings;
    QCOMPARE(QFileInfo(defaultProfilesFilePath()).absolutePath(),
             QFileInfo(settings.fileName()).absolutePath());
    QCOMPARE(QFileInfo(defaultProfilesFilePath()).fileName(), u"profiles.json"_s);
    QCOMPARE(QFileInfo(legacyProfilesFilePath()).absoluteDir().dirName(), u"mqttscope"_s);
    QVERIFY(legacyProfilesFilePath() != defaultProfilesFilePath());
    QCOMPARE(ProfileStore().filePath(), defaultProfilesFilePath());
}

void tst_Profiles::legacyProfilesMoveOnFirstStart()
{
    QCoreApplication::setOrganizationName(u"mqttscope"_s);
    QCoreApplication::setApplicationName(u"mqttscope"_s);
    const QString legacy = legacyProfilesFilePath();
    const QString current = defaultProfilesFilePath();
    QFile::remove(current);
    const ConnectionProfile saved = fullProfile();
    {
        ProfileStore old(legacy); // as an earlier release wrote it
        old.upsert(saved);
        QVERIFY(old.save());
    }
    QString error;
    QVERIFY2(moveLegacyProfilesFile(legacy, current, &error), qPrintable(error));
    QVERIFY(!QFile::exists(legacy));
    QVERIFY(!QFileInfo::exists(QFileInfo(legacy).absolutePath())); // the empty folder went too
    ProfileStore store;
    QVERIFY2(store.load(&error), qPrintable(error));
    QCOMPARE(store.profiles(), QList<ConnectionProfile>{saved});
    QCOMPARE(QFile(current).permissions() & (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions{});

    // The next start finds nothing to move.
    QVERIFY(moveLegacyProfilesFile(legacy, current, &error));
    QVERIFY(store.load());
    QCOMPARE(store.profiles().size(), 1);
    QFile::remove(current);
}

void tst_Profiles::newerProfilesAreNotReplaced()
{
    const QString legacy = m_dir.filePath(u"old/mqttscope/profiles.json"_s);
    const QString current = m_dir.filePath(u"old/profiles.json"_s);
    ConnectionProfile older;
    older.name = u"older"_s;
    ConnectionProfile newer;
    newer.name = u"newer"_s;
    for (const auto &[path, profile] : {std::pair{legacy, older}, std::pair{current, newer}}) {
        ProfileStore store(path);
        store.upsert(profile);
        QVERIFY(store.save());
    }
    QString error;
    QVERIFY(moveLegacyProfilesFile(legacy, current, &error));
    ProfileStore store(current);
    QVERIFY(store.load());
    QCOMPARE(store.profiles().constFirst().name, u"newer"_s);
    QVERIFY(QFile::exists(legacy)); // left alone rather than lost
}

QTEST_GUILESS_MAIN(tst_Profiles)
#include "tst_profiles.moc"
