// SPDX-License-Identifier: GPL-3.0-or-later
// Azure IoT Hub's SAS token: the signature matches one made by Python's hmac/hashlib/base64/
// urllib.parse (as Azure's own samples make it), and a token near its expiry is made anew at the
// next CONNECT while a fresh one is kept.
#include "client/connectpacket.h"
#include "profiles/connectionprofile.h"
#include "profiles/sastokensource.h"

#include <QProcess>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

const QString kResource = u"my-hub.azure-devices.net/devices/sensor:01+a(b)"_s;
const QByteArray kKey =
    "dGhpcyBpcyBhIGRldmljZSBrZXkgb2YgMzIgYnl0ZXMh"; // base64, as Azure shows keys

// The token as Python makes it, Azure's documented recipe, independent of Qt.
QByteArray pythonToken(const QString &resource, const QByteArray &key, qint64 expiry)
{
    const QString script = uR"(
import base64, hashlib, hmac, sys, urllib.parse
resource, key, expiry = sys.argv[1], sys.argv[2], sys.argv[3]
to_sign = urllib.parse.quote_plus(resource) + "\n" + expiry
sig = base64.b64encode(hmac.new(base64.b64decode(key), to_sign.encode(), hashlib.sha256).digest())
print("SharedAccessSignature " + urllib.parse.urlencode({"sr": resource, "sig": sig, "se": expiry}), end="")
)"_s;
    QProcess python;
    python.start(u"/usr/bin/python3"_s,
                 {u"-c"_s, script, resource, QString::fromLatin1(key), QString::number(expiry)});
    if (!python.waitForFinished(10000) || python.exitCode() != 0)
        return "python failed: " + python.readAllStandardError();
    return python.readAllStandardOutput();
}

// A clock the test moves by hand.
struct ManualClock
{
    std::shared_ptr<QDateTime> now =
        std::make_shared<QDateTime>(QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC));
    SasTokenSource::Clock clock() const
    {
        return [now = now] { return *now; };
    }
    void advance(qint64 seconds) { *now = now->addSecs(seconds); }
};

qint64 expiryOf(const QByteArray &token)
{
    const QUrlQuery query(QString::fromLatin1(token.mid(token.indexOf(' ') + 1)));
    return query.queryItemValue(u"se"_s).toLongLong();
}

} // namespace

class tst_SasToken : public QObject
{
    Q_OBJECT
private slots:
    void matchesPython_data();
    void matchesPython();
    void badKeyGivesNoToken();
    void renewedNearExpiry();
    void eachConnectAsksForThePassword();
    void profileMakesTokenForItsDevice();
};

void tst_SasToken::matchesPython_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<qint64>("expiry");
    QTest::newRow("device id with reserved characters") << kResource << kKey << qint64(1800003600);
    // A key whose HMAC's base64 has '+', '/' or '=' to encode is likely among a few expiries.
    for (qint64 expiry = 1700000000; expiry < 1700000004; ++expiry)
        QTest::addRow("plain, se=%lld", expiry)
            << u"hub.azure-devices.net/devices/d1"_s << QByteArray("AAECAwQFBgc=") << expiry;
}

void tst_SasToken::matchesPython()
{
    QFETCH(QString, resource);
    QFETCH(QByteArray, key);
    QFETCH(qint64, expiry);
    const QByteArray token = SasTokenSource::sign(resource, key, expiry);
    QCOMPARE(token, pythonToken(resource, key, expiry));
    QVERIFY(token.startsWith("SharedAccessSignature sr="));
    QCOMPARE(expiryOf(token), expiry);
}

void tst_SasToken::badKeyGivesNoToken()
{
    QVERIFY(SasTokenSource::sign(kResource, "not base64 !", 1).isEmpty());
    QVERIFY(SasTokenSource::sign(kResource, {}, 1).isEmpty());
}

void tst_SasToken::renewedNearExpiry()
{
    ManualClock clock;
    SasTokenSource source(kResource, kKey, 3600, clock.clock());
    const qint64 start = clock.now->toSecsSinceEpoch();
    const QByteArray first = source.token();
    QCOMPARE(expiryOf(first), start + 3600);
    QCOMPARE(source.expiry(), start + 3600);

    clock.advance(3600 - 361); // 361 s left: more than a tenth of the lifetime, kept
    QCOMPARE(source.token(), first);

    clock.advance(2); // 359 s left: near its end, a new one
    const QByteArray renewed = source.token();
    QVERIFY(renewed != first);
    QCOMPARE(expiryOf(renewed), start + 3600 - 359 + 3600);
    QCOMPARE(renewed, SasTokenSource::sign(kResource, kKey, expiryOf(renewed)));

    clock.advance(10 * 3600); // long expired (the machine slept): new again
    QCOMPARE(expiryOf(source.token()), clock.now->toSecsSinceEpoch() + 3600);
}

// The client builds each attempt's CONNECT with connectPacketFor: the password is asked for then,
// so a reconnect after the token neared its expiry logs in with a new one.
void tst_SasToken::eachConnectAsksForThePassword()
{
    ManualClock clock;
    auto source = std::make_shared<SasTokenSource>(kResource, kKey, 600, clock.clock());
    ClientOptions options;
    options.username = u"my-hub.azure-devices.net/sensor/?api-version=2021-04-12"_s;
    options.password = "stale"; // passwordAtConnect wins over it
    options.passwordAtConnect = [source] { return source->token(); };

    const ConnectPacket first = connectPacketFor(options, ProtocolVersion::V311, u"d"_s, false);
    QVERIFY(first.password);
    QCOMPARE(expiryOf(*first.password), clock.now->toSecsSinceEpoch() + 600);

    clock.advance(600 - 30); // a reconnect 30 s before the token ends
    const ConnectPacket second = connectPacketFor(options, ProtocolVersion::V311, u"d"_s, true);
    QVERIFY(second.password);
    QVERIFY(*second.password != *first.password);
    QCOMPARE(expiryOf(*second.password), clock.now->toSecsSinceEpoch() + 600);
}

void tst_SasToken::profileMakesTokenForItsDevice()
{
    ConnectionProfile profile;
    profile.host = u"my-hub.azure-devices.net"_s;
    profile.clientId = u"sensor-01"_s;
    profile.sasTokenLifetimeSeconds = 3600;
    ProfileSecrets secrets;
    secrets.sasKey = kKey;
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const ClientOptions options = profile.toClientOptions(secrets);
    QVERIFY(options.passwordAtConnect);
    QVERIFY(!options.password); // hasPassword is off: only the token goes out
    const QByteArray token = options.passwordAtConnect();
    const qint64 expiry = expiryOf(token);
    QVERIFY(expiry >= before + 3600 && expiry <= QDateTime::currentSecsSinceEpoch() + 3600);
    QCOMPARE(token, pythonToken(u"my-hub.azure-devices.net/devices/sensor-01"_s, kKey, expiry));
    QCOMPARE(options.passwordAtConnect(), token); // a copy of the options shares the token
}

QTEST_GUILESS_MAIN(tst_SasToken)
#include "tst_sastoken.moc"
