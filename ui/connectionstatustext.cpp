// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatustext.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

QString dataSize(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1);
}

QString rounded(double value)
{
    return QLocale().toString(value, 'f', 0);
}

} // namespace

QString ConnectionStatusText::title(const QString &profileName, const ConnectionStatus &status)
{
    QString state;
    switch (status.state) {
    case ClientState::Connecting:
        state = tr("connecting");
        break;
    case ClientState::Connected:
        state = tr("connected");
        break;
    case ClientState::Reconnecting:
        state = tr("reconnecting");
        break;
    case ClientState::Disconnected:
        state = status.detail.isEmpty() ? tr("disconnected") : tr("offline");
        break;
    }
    return tr("%1 · %2").arg(profileName, state);
}

ConnectionIndicator ConnectionStatusText::indicator(const ConnectionStatus &status)
{
    switch (status.state) {
    case ClientState::Connecting:
        return ConnectionIndicator::Connecting;
    case ClientState::Connected:
        return ConnectionIndicator::Connected;
    case ClientState::Reconnecting:
        return ConnectionIndicator::Reconnecting;
    case ClientState::Disconnected:
        break;
    }
    return status.refused ? ConnectionIndicator::Refused : ConnectionIndicator::Disconnected;
}

QString ConnectionStatusText::state(const QString &address, const ConnectionStatus &status,
                                    qint64 nowMsecs)
{
    switch (status.state) {
    case ClientState::Connecting:
        return tr("Connecting to %1…").arg(address);
    case ClientState::Connected: {
        QString text = tr("Connected to %1 (MQTT %2)")
                           .arg(address, QLatin1StringView(protocolVersionName(status.version)));
        if (status.pingMs >= 0)
            text += tr(" · ping %1 ms").arg(status.pingMs);
        if (status.catchingUp)
            text += tr(" · catching up…");
        return text;
    }
    case ClientState::Reconnecting: {
        // Rounded up: "in 0 s" would read as if it had already happened.
        const qint64 seconds = qMax<qint64>(0, (status.reconnectAtMsecs - nowMsecs + 999) / 1000);
        QString text = tr("Reconnecting in %n s", nullptr, int(seconds));
        if (status.failedAttempts > 0)
            text += tr(" · %n failed attempt(s)", nullptr, status.failedAttempts);
        if (!status.detail.isEmpty())
            text += u" · "_s + status.detail;
        return text;
    }
    case ClientState::Disconnected:
        break;
    }
    if (status.needsUser())
        return tr("Not reconnecting: %1").arg(status.failure->reason);
    return status.detail.isEmpty() ? tr("Disconnected") : tr("Disconnected: %1").arg(status.detail);
}

QString ConnectionStatusText::traffic(const Statistics::Snapshot &s)
{
    return tr("In %1 msg/s, %2/s · out %3 msg/s, %4/s · total in %5 (%6), out %7 (%8)")
        .arg(rounded(s.perSecond[Statistics::MessagesIn]),
             dataSize(s.perSecond[Statistics::BytesIn]),
             rounded(s.perSecond[Statistics::MessagesOut]),
             dataSize(s.perSecond[Statistics::BytesOut]),
             QLocale().toString(s.totals[Statistics::MessagesIn]),
             dataSize(s.totals[Statistics::BytesIn]),
             QLocale().toString(s.totals[Statistics::MessagesOut]),
             dataSize(s.totals[Statistics::BytesOut]));
}

QString ConnectionStatusText::failureTitle(ConnectionFailure::Cause cause, const QString &address)
{
    switch (cause) {
    case ConnectionFailure::Cause::TlsVerification:
        return tr("The certificate of %1 is not trusted").arg(address);
    case ConnectionFailure::Cause::TlsSetup:
        return tr("TLS with %1 cannot be set up").arg(address);
    case ConnectionFailure::Cause::ProxyCredentials:
        return tr("The proxy to %1 refused the user name or password").arg(address);
    default:
        return tr("%1 refused the connection").arg(address);
    }
}

QString ConnectionStatusText::failureHint(ConnectionFailure::Cause cause)
{
    using Cause = ConnectionFailure::Cause;
    switch (cause) {
    case Cause::Credentials:
        return tr("Check the user name and password of this connection.");
    case Cause::NotAuthorized:
        return tr("The broker does not let this client in: check the user name, the client id "
                  "and the broker's access rules.");
    case Cause::ClientIdentifier:
        return tr("The broker rejects the client id: check its length and characters, or leave "
                  "it empty for one of the broker's choice.");
    case Cause::AuthenticationMethod:
        return tr("Check the authentication method and data of this connection.");
    case Cause::ServerMoved:
        return tr("The broker asks to be reached elsewhere: check the host of this connection.");
    case Cause::ConnectOptions:
        return tr("The broker refuses what the CONNECT asks for: check the last will (topic, "
                  "QoS, retain) and the maximum packet size.");
    case Cause::UnsupportedVersion:
        return tr("The broker speaks none of the MQTT versions offered: choose another version "
                  "for this connection.");
    case Cause::TlsVerification:
        return tr("The broker's certificate is not trusted: check the CA certificate and the "
                  "host name, or, for a test broker only, turn off “Verify the broker's "
                  "certificate and host name”.");
    case Cause::TlsSetup:
        return tr("Check the client certificate, its key and passphrase, and the TLS version "
                  "the broker accepts.");
    case Cause::ProxyCredentials:
        return tr("Check the proxy's user name and password of this connection.");
    case Cause::Network:
    case Cause::BrokerUnavailable:
    case Cause::Protocol:
        break;
    }
    return tr("Check the host, the port and the transport of this connection.");
}

QStringList ConnectionStatusText::limits(const Properties &p)
{
    QStringList limits;
    if (p.maximumQoS)
        limits << tr("max QoS %1").arg(*p.maximumQoS);
    if (p.receiveMaximum)
        limits << tr("receive max %1").arg(*p.receiveMaximum);
    if (p.maximumPacketSize)
        limits << tr("max packet %1").arg(dataSize(*p.maximumPacketSize));
    if (p.topicAliasMaximum)
        limits << tr("topic aliases %1").arg(*p.topicAliasMaximum);
    const auto unavailable = [&limits](const std::optional<quint8> &flag, const QString &text) {
        if (flag && *flag == 0)
            limits << text;
    };
    unavailable(p.retainAvailable, tr("no retain"));
    unavailable(p.wildcardSubscriptionAvailable, tr("no wildcards"));
    unavailable(p.sharedSubscriptionAvailable, tr("no shared subscriptions"));
    unavailable(p.subscriptionIdentifierAvailable, tr("no subscription ids"));
    if (p.serverKeepAlive)
        limits << tr("keepalive %1 s").arg(*p.serverKeepAlive);
    return limits;
}

} // namespace mqttscope
