// SPDX-License-Identifier: GPL-3.0-or-later
// Connection presets: every file in resources/presets is compiled in and reads; each fills every
// field it names into the profile or its secrets, and no placeholder is left; the cloud presets
// give the addresses, ports, ALPN and logins their services document.
#include "profiles/connectionpreset.h"

#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("MQTTSCOPE_SOURCE_DIR");
}

std::optional<ConnectionPreset> builtIn(const QString &id)
{
    const QList<ConnectionPreset> presets = ConnectionPreset::builtIn();
    for (const ConnectionPreset &preset : presets) {
        if (preset.id() == id)
            return preset;
    }
    return std::nullopt;
}

// A value per field that no preset holds by itself, and that a number field can take.
QHash<QString, QString> sampleValues(const ConnectionPreset &preset)
{
    QHash<QString, QString> values;
    int i = 0;
    for (const PresetField &field : preset.fields()) {
        ++i;
        switch (field.kind) {
        case PresetField::Kind::Number:
            values.insert(field.key, QString::number(4100 + i));
            break;
        case PresetField::Kind::File:
            values.insert(field.key, u"/tmp/sample-%1.pem"_s.arg(i));
            break;
        case PresetField::Kind::Secret:
            values.insert(field.key, u"s3cr3t-%1"_s.arg(i));
            break;
        case PresetField::Kind::Text:
            values.insert(field.key, u"val%1q"_s.arg(i));
            break;
        }
    }
    return values;
}

QString secretsText(const ProfileSecrets &secrets)
{
    QStringList parts{QString::fromUtf8(secrets.password.value_or(QByteArray())),
                      QString::fromUtf8(secrets.keyPassphrase), QString::fromUtf8(secrets.sasKey)};
    for (const QByteArray &value : secrets.webSocketHeaders)
        parts.append(QString::fromUtf8(value));
    return parts.join(u'\n');
}

ConnectionPreset::Filled fillPreset(const QString &id, const QHash<QString, QString> &values)
{
    const auto preset = builtIn(id);
    return preset ? preset->fill(values) : ConnectionPreset::Filled{};
}

} // namespace

class tst_ConnectionPreset : public QObject
{
    Q_OBJECT
private slots:
    void everyFileIsCompiledIn();
    void fillsEveryField_data();
    void fillsEveryField();
    void defaultsAndMissing();
    void awsIotCore();
    void azureIotHub();
    void hiveMqAndEmqxCloud();
    void rejectsBadPresets_data();
    void rejectsBadPresets();
};

void tst_ConnectionPreset::everyFileIsCompiledIn()
{
    QVERIFY2(!sourceDir().isEmpty(), "MQTTSCOPE_SOURCE_DIR is not set");
    const QStringList files =
        QDir(sourceDir() + u"/resources/presets"_s).entryList({u"*.json"_s}, QDir::Files);
    QVERIFY(files.size() >= 6);
    const QList<ConnectionPreset> presets = ConnectionPreset::builtIn();
    QCOMPARE(presets.size(), files.size()); // none left out for not reading
    QStringList names;
    for (const ConnectionPreset &preset : presets) {
        QVERIFY(files.contains(preset.id() + u".json"_s));
        QVERIFY(!preset.description().isEmpty());
        names.append(preset.name());
    }
    QCOMPARE(names.first(), u"Local mosquitto"_s); // by `order`, not by file name
    for (const QString &service :
         {u"AWS IoT Core"_s, u"Azure IoT Hub"_s, u"HiveMQ Cloud"_s, u"EMQX Cloud"_s})
        QVERIFY2(names.contains(service), qPrintable(service));
}

void tst_ConnectionPreset::fillsEveryField_data()
{
    QTest::addColumn<QString>("id");
    const QStringList files =
        QDir(sourceDir() + u"/resources/presets"_s).entryList({u"*.json"_s}, QDir::Files);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file.chopped(5);
}

void tst_ConnectionPreset::fillsEveryField()
{
    QFETCH(QString, id);
    const auto preset = builtIn(id);
    QVERIFY(preset);
    const QHash<QString, QString> values = sampleValues(*preset);
    QVERIFY(preset->missing(values).isEmpty());
    const ConnectionPreset::Filled filled = preset->fill(values);
    const QString profileJson = QString::fromUtf8(QJsonDocument(filled.profile.toJson()).toJson());
    const QString secrets = secretsText(filled.secrets);
    for (const PresetField &field : preset->fields()) {
        const QString value = values.value(field.key);
        if (field.kind == PresetField::Kind::Secret) {
            QVERIFY2(secrets.contains(value), qPrintable(field.key));
            QVERIFY2(!profileJson.contains(value), "a secret in the profile file");
        } else {
            QVERIFY2(profileJson.contains(value), qPrintable(field.key));
        }
    }
    static const QRegularExpression placeholder(u"\\{[A-Za-z][A-Za-z0-9]*\\}"_s);
    QVERIFY2(!profileJson.contains(placeholder), qPrintable(profileJson));
    QVERIFY(!secrets.contains(placeholder));
    QVERIFY(!filled.profile.name.isEmpty());
    QVERIFY(filled.profile.id != preset->fill(values).profile.id); // each fill a new profile
}

void tst_ConnectionPreset::defaultsAndMissing()
{
    const auto local = builtIn(u"local-mosquitto"_s);
    QVERIFY(local);
    QVERIFY(local->missing({}).isEmpty()); // host and port have defaults
    const ConnectionProfile p = local->fill({}).profile;
    QCOMPARE(p.host, u"localhost"_s);
    QCOMPARE(p.port, quint16(1883));
    QCOMPARE(p.transport, TransportKind::Tcp);
    QCOMPARE(local->fill({{u"port"_s, u" 1884 "_s}}).profile.port, quint16(1884));

    const auto azure = builtIn(u"azure-iot-hub"_s);
    QVERIFY(azure);
    QCOMPARE(azure->missing({{u"hub"_s, u"h"_s}, {u"deviceId"_s, u"  "_s}}),
             (QStringList{u"Device ID"_s, u"Device primary key"_s}));
}

void tst_ConnectionPreset::awsIotCore()
{
    const QHash<QString, QString> values{{u"endpointId"_s, u"a1b2c3"_s},
                                         {u"region"_s, u"eu-west-1"_s},
                                         {u"clientId"_s, u"thing-7"_s},
                                         {u"certFile"_s, u"/c.pem"_s},
                                         {u"keyFile"_s, u"/k.pem"_s}};
    const ConnectionProfile mtls = fillPreset(u"aws-iot-core"_s, values).profile;
    QCOMPARE(mtls.host, u"a1b2c3-ats.iot.eu-west-1.amazonaws.com"_s);
    QCOMPARE(mtls.transport, TransportKind::Tls);
    QCOMPARE(mtls.port, quint16(8883));
    QCOMPARE(mtls.clientId, u"thing-7"_s);
    QCOMPARE(mtls.certFile, u"/c.pem"_s);
    QCOMPARE(mtls.keyFile, u"/k.pem"_s);
    QVERIFY(mtls.caFile.isEmpty()); // the system CA store (Amazon Root CA 1)
    QVERIFY(mtls.verifyPeer);
    QVERIFY(mtls.alpn.isEmpty());

    const ConnectionProfile https = fillPreset(u"aws-iot-core-443"_s, values).profile;
    QCOMPARE(https.port, quint16(443));
    QCOMPARE(https.alpn, QStringList{u"x-amzn-mqtt-ca"_s});
    QCOMPARE(https.toClientOptions({}).endpoint.tls.alpn, QList<QByteArray>{"x-amzn-mqtt-ca"});
}

void tst_ConnectionPreset::azureIotHub()
{
    const ConnectionPreset::Filled filled = fillPreset(u"azure-iot-hub"_s,
                                                       {{u"hub"_s, u"my-hub"_s},
                                                        {u"deviceId"_s, u"sensor-01"_s},
                                                        {u"deviceKey"_s, u"c2VjcmV0"_s}});
    const ConnectionProfile &p = filled.profile;
    QCOMPARE(p.host, u"my-hub.azure-devices.net"_s);
    QCOMPARE(p.port, quint16(8883));
    QCOMPARE(p.transport, TransportKind::Tls);
    QCOMPARE(p.version, VersionChoice::V311);
    QCOMPARE(p.clientId, u"sensor-01"_s);
    QCOMPARE(p.username, u"my-hub.azure-devices.net/sensor-01/?api-version=2021-04-12"_s);
    QCOMPARE(p.sasTokenLifetimeSeconds, quint32(3600)); // the default lifetime
    QVERIFY(!p.hasPassword); // the token is made, not stored
    QCOMPARE(filled.secrets.sasKey, "c2VjcmV0"_ba);
    // IoT Hub closes the connection of a device that subscribes to anything else.
    QCOMPARE(p.subscriptions.size(), 2);
    QCOMPARE(p.subscriptions.at(0).filter, u"devices/sensor-01/messages/devicebound/#"_s);
    QCOMPARE(p.subscriptions.at(1).filter, u"$iothub/twin/res/#"_s);
    QVERIFY(p.needsSecrets());
    QVERIFY(
        p.toClientOptions(filled.secrets)
            .passwordAtConnect()
            .startsWith(
                "SharedAccessSignature sr=my-hub.azure-devices.net%2Fdevices%2Fsensor-01&sig="));
}

void tst_ConnectionPreset::hiveMqAndEmqxCloud()
{
    for (const QString &id : {u"hivemq-cloud"_s, u"emqx-cloud"_s}) {
        const ConnectionPreset::Filled filled = fillPreset(id,
                                                           {{u"host"_s, u" abc.example.cloud "_s},
                                                            {u"username"_s, u"dev"_s},
                                                            {u"password"_s, u" pw "_s}});
        QCOMPARE(filled.profile.host, u"abc.example.cloud"_s); // pasted blanks go
        QCOMPARE(filled.profile.transport, TransportKind::Tls);
        QCOMPARE(filled.profile.port, quint16(8883));
        QVERIFY(filled.profile.caFile.isEmpty());
        QCOMPARE(filled.profile.username, u"dev"_s);
        QVERIFY(filled.profile.hasPassword);
        QCOMPARE(filled.secrets.password, std::optional<QByteArray>(" pw ")); // as typed
    }
}

void tst_ConnectionPreset::rejectsBadPresets_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("no profile") << R"({"name": "x"})"_ba << u"needs a name and a profile"_s;
    QTest::newRow("unknown placeholder")
        << R"({"name": "x", "profile": {"host": "{hots}"}, "fields": [{"key": "host", "prompt": "Host"}]})"_ba
        << u"{hots} names no field"_s;
    QTest::newRow("field without prompt")
        << R"({"name": "x", "profile": {"host": "{host}"}, "fields": [{"key": "host"}]})"_ba
        << u"needs a key, a prompt"_s;
    QTest::newRow("unknown kind")
        << R"({"name": "x", "profile": {"port": "{p}"}, "fields": [{"key": "p", "prompt": "P", "kind": "int"}]})"_ba
        << u"known kind"_s;
}

void tst_ConnectionPreset::rejectsBadPresets()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!ConnectionPreset::fromJson(u"bad"_s, QJsonDocument::fromJson(json).object(), &why));
    QVERIFY2(why.contains(error), qPrintable(why));
}

QTEST_GUILESS_MAIN(tst_ConnectionPreset)
#include "tst_connectionpreset.moc"
