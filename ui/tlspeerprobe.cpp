// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlspeerprobe.h"

#include "transport/tlsconfiguration.h"
#include "transport/transporterrors.h"

#include <QSslCipher>
#include <QSslSocket>
#include <QStringList>
#include <QTimer>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_3:
        return u"TLS 1.3"_s;
    case QSsl::TlsV1_2:
        return u"TLS 1.2"_s;
    default:
        return u"TLS"_s; // older ones, which Qt 6 no longer offers by default
    }
}

enum class Party { Subject, Issuer };

// "CN=broker.example.com, O=Example, C=DE": the parts users compare with what they expect.
QString distinguishedName(const QSslCertificate &certificate, Party party)
{
    static constexpr std::pair<QSslCertificate::SubjectInfo, QLatin1StringView> parts[] = {
        {QSslCertificate::CommonName, "CN"_L1},
        {QSslCertificate::OrganizationalUnitName, "OU"_L1},
        {QSslCertificate::Organization, "O"_L1},
        {QSslCertificate::CountryName, "C"_L1},
    };
    QStringList result;
    for (const auto &[info, label] : parts) {
        const QStringList values =
            party == Party::Subject ? certificate.subjectInfo(info) : certificate.issuerInfo(info);
        for (const QString &value : values)
            result.append(label + u'=' + value);
    }
    return result.join(u", "_s);
}

} // namespace

TlsPeerProbe::TlsPeerProbe(QObject *parent)
    : QObject(parent)
{
}

TlsPeerProbe::~TlsPeerProbe() = default;

void TlsPeerProbe::start(const Endpoint &endpoint)
{
    m_peer = {};
    m_state = State::Handshaking;
    QString error;
    const auto configuration = makeSslConfiguration(endpoint.tls, &error);
    if (!configuration) {
        m_peer.problem = error;
        QTimer::singleShot(0, this, &TlsPeerProbe::finish);
        return;
    }
    m_socket = std::make_unique<QSslSocket>();
    m_socket->setSslConfiguration(*configuration);
    connect(m_socket.get(), &QSslSocket::encrypted, this, [this] {
        takeCertificate();
        m_peer.protocol = protocolName(m_socket->sessionProtocol());
        m_peer.cipher = m_socket->sessionCipher().name();
        finish();
    });
    connect(m_socket.get(), &QSslSocket::sslErrors, this,
            [this, endpoint](const QList<QSslError> &errors) {
                takeCertificate();
                const auto relevant =
                    transporterrors::relevantSslErrors(errors, endpoint.tls.skipHostNameCheck);
                if (relevant.isEmpty())
                    m_socket->ignoreSslErrors(errors);
                else
                    m_peer.problem = transporterrors::describeSslErrors(relevant);
            });
    connect(m_socket.get(), &QAbstractSocket::errorOccurred, this,
            [this, endpoint](QAbstractSocket::SocketError socketError) {
                if (m_peer.problem.isEmpty())
                    m_peer.problem = transporterrors::describeSocketError(
                        socketError, m_socket->errorString(), endpoint);
                finish();
            });
    QTimer::singleShot(endpoint.connectTimeoutMs, m_socket.get(), [this, endpoint] {
        m_peer.problem = transporterrors::describeTimeout(endpoint);
        finish();
    });
    const QString &serverName = endpoint.tls.serverName;
    m_socket->connectToHostEncrypted(endpoint.host, endpoint.port,
                                     serverName.isEmpty() ? endpoint.host : serverName);
}

void TlsPeerProbe::takeCertificate()
{
    const QSslCertificate certificate = m_socket->peerCertificate();
    if (certificate.isNull())
        return;
    m_peer.subject = distinguishedName(certificate, Party::Subject);
    m_peer.issuer = distinguishedName(certificate, Party::Issuer);
    m_peer.expiry = certificate.expiryDate();
}

void TlsPeerProbe::finish()
{
    if (std::exchange(m_state, State::Idle) != State::Handshaking)
        return; // the deadline and the socket's last signal may both come
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.release()->deleteLater(); // it may be signalling right now
    }
    emit finished(m_peer);
}

} // namespace mqttscope
