// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontestreport.h"

#include "connectionstatustext.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

QString ConnectionTestReport::text(const ConnectionTestResult &result, const QDateTime &now)
{
    QStringList lines{outcome(result)};
    if (result.outcome == ConnectionTestResult::Outcome::Accepted)
        lines << limits(result);
    if (result.tls)
        lines << tls(result, now);
    return lines.join(u'\n');
}

QString ConnectionTestReport::outcome(const ConnectionTestResult &result)
{
    using Outcome = ConnectionTestResult::Outcome;
    switch (result.outcome) {
    case Outcome::Accepted:
        return tr("Accepted by %1 with MQTT %2.")
            .arg(result.address, QLatin1StringView(protocolVersionName(result.version)));
    case Outcome::Refused:
        return tr("Refused by %1: %2").arg(result.address, result.reason);
    case Outcome::Failed:
        return tr("Failed: %1").arg(result.reason);
    case Outcome::TimedOut:
        break;
    }
    return tr("No answer from %1 within %2 s.").arg(result.address).arg(result.timeoutMs / 1000);
}

QString ConnectionTestReport::limits(const ConnectionTestResult &result)
{
    if (result.version != ProtocolVersion::V5)
        return tr("Broker limits: MQTT %1 brokers announce none.")
            .arg(QLatin1StringView(protocolVersionName(result.version)));
    const QStringList limits = ConnectionStatusText::limits(result.connack.properties);
    return limits.isEmpty() ? tr("Broker limits: none announced.")
                            : tr("Broker limits: %1.").arg(limits.join(u" · "_s));
}

QStringList ConnectionTestReport::tls(const ConnectionTestResult &result, const QDateTime &now)
{
    const TlsPeer &peer = *result.tls;
    QStringList lines;
    if (!peer.protocol.isEmpty())
        lines << tr("TLS: %1, %2.").arg(peer.protocol, peer.cipher);
    if (!peer.subject.isEmpty()) {
        const QString date = peer.expiry.date().toString(Qt::ISODate);
        lines << (peer.expiry < now ? tr("Certificate: %1, issued by %2, expired on %3.")
                                    : tr("Certificate: %1, issued by %2, valid until %3."))
                     .arg(peer.subject, peer.issuer, date);
    }
    if (!peer.problem.isEmpty() && !result.reason.contains(peer.problem)) // said once is enough
        lines << tr("TLS problem: %1").arg(peer.problem);
    return lines;
}

} // namespace mqttscope
