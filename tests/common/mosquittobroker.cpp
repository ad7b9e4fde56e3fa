// SPDX-License-Identifier: GPL-3.0-or-later
#include "mosquittobroker.h"

#include "brokerprocess.h"
#include "freeport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::test {

namespace {

constexpr int kListenTimeoutMs = 10000;
constexpr int kStopTimeoutMs = 5000;
constexpr int kPollIntervalMs = 50;

bool acceptsConnections(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(kPollIntervalMs * 4);
}

bool isTls(MosquittoBroker::Listener listener)
{
    using L = MosquittoBroker::Listener;
    return listener == L::Tls || listener == L::TlsClientCert || listener == L::Wss;
}

MosquittoBroker::Listener listenerFor(TransportKind transport)
{
    using L = MosquittoBroker::Listener;
    switch (transport) {
    case TransportKind::Tcp:
        return L::Tcp;
    case TransportKind::Tls:
        return L::Tls;
    case TransportKind::WebSocket:
        return L::Ws;
    case TransportKind::SecureWebSocket:
        return L::Wss;
    }
    return L::Tcp;
}

} // namespace

MosquittoBroker::MosquittoBroker() = default;

MosquittoBroker::~MosquittoBroker()
{
    stop();
}

QString MosquittoBroker::mosquittoProgram()
{
    QString program = QStandardPaths::findExecutable(u"mosquitto"_s);
    if (program.isEmpty())
        program =
            QStandardPaths::findExecutable(u"mosquitto"_s, {u"/usr/sbin"_s, u"/usr/local/sbin"_s});
    return program;
}

QString MosquittoBroker::mosquittoVersion() const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(mosquittoProgram(), {u"-h"_s});
    process.waitForFinished(kStopTimeoutMs);
    const auto match =
        QRegularExpression(u"version (\\S+)"_s).match(QString::fromUtf8(process.readAll()));
    return match.hasMatch() ? match.captured(1) : QString();
}

QString MosquittoBroker::logFile() const
{
    return m_dir.filePath(u"mosquitto.log"_s);
}

QByteArray MosquittoBroker::log() const
{
    QFile file(logFile());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool MosquittoBroker::waitForSubscribed(const QString &clientId, int count) const
{
    const QByteArray line = "Sending SUBACK to " + clientId.toUtf8() + '\n';
    return QTest::qWaitFor([&] { return log().count(line) >= count; }, 10000);
}

quint16 MosquittoBroker::port(Listener listener) const
{
    return m_ports.value(listener, 0);
}

QStringList MosquittoBroker::tcpArguments() const
{
    return {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
            QString::number(port(Listener::Tcp))};
}

Endpoint MosquittoBroker::endpoint(Listener listener) const
{
    Endpoint endpoint;
    switch (listener) {
    case Listener::Tcp:
    case Listener::PasswordTcp:
        endpoint.kind = TransportKind::Tcp;
        break;
    case Listener::Tls:
    case Listener::TlsClientCert:
        endpoint.kind = TransportKind::Tls;
        break;
    case Listener::Ws:
        endpoint.kind = TransportKind::WebSocket;
        break;
    case Listener::Wss:
        endpoint.kind = TransportKind::SecureWebSocket;
        break;
    }
    endpoint.host = u"127.0.0.1"_s;
    endpoint.port = port(listener);
    endpoint.path = u"/mqtt"_s;
    if (isTls(listener))
        endpoint.tls.caFile = m_certificates.caFile();
    return endpoint;
}

QString MosquittoBroker::url(Listener listener) const
{
    const Endpoint e = endpoint(listener);
    switch (e.kind) {
    case TransportKind::Tcp:
        return u"mqtt://127.0.0.1:%1"_s.arg(e.port);
    case TransportKind::Tls:
        return u"mqtts://127.0.0.1:%1"_s.arg(e.port);
    case TransportKind::WebSocket:
        return u"ws://127.0.0.1:%1%2"_s.arg(e.port).arg(e.path);
    case TransportKind::SecureWebSocket:
        return u"wss://127.0.0.1:%1%2"_s.arg(e.port).arg(e.path);
    }
    return {};
}

Endpoint MosquittoBroker::endpoint(TransportKind transport) const
{
    return endpoint(listenerFor(transport));
}

QString MosquittoBroker::url(TransportKind transport) const
{
    return url(listenerFor(transport));
}

int MosquittoBroker::subackCount(const QString &clientId) const
{
    return int(log().count("Sending SUBACK to " + clientId.toUtf8() + '\n'));
}

bool MosquittoBroker::startListening(const QList<TransportKind> &transports)
{
    QList<Listener> listeners;
    for (const TransportKind transport : transports)
        listeners += listenerFor(transport);
    return start(listeners);
}

bool MosquittoBroker::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool MosquittoBroker::start(const QList<Listener> &listeners, const QStringList &extraConfig)
{
    stop();
    m_listeners = listeners.isEmpty() ? QList<Listener>{Listener::Tcp} : listeners;
    m_extraConfig = extraConfig;
    m_error.clear();
    if (mosquittoProgram().isEmpty()) {
        m_error = u"mosquitto not installed: run scripts/install-deps.sh"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary folder: %1"_s.arg(m_dir.errorString());
        return false;
    }
    // World-readable: started as root, mosquitto reads its files as user `mosquitto`.
    QFile::setPermissions(m_dir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                              | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    const bool wantsTls = std::any_of(m_listeners.cbegin(), m_listeners.cend(), isTls);
    if (wantsTls && !m_certificates.generate()) {
        m_error = m_certificates.errorString();
        return false;
    }
    if (m_listeners.contains(Listener::PasswordTcp) && !writePasswordFile())
        return false;
    // A port taken between choosing and binding is the likely failure: one more try.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (choosePorts() && startOnce())
            return true;
        stop();
    }
    return false;
}

bool MosquittoBroker::restart()
{
    stop();
    m_error.clear();
    if (m_listeners.contains(Listener::PasswordTcp) && !writePasswordFile())
        return false;
    if (startOnce())
        return true;
    stop();
    return false;
}

bool MosquittoBroker::choosePorts()
{
    m_ports.clear();
    for (const Listener listener : std::as_const(m_listeners)) {
        // Someone may take it before mosquitto does; start() retries once for that.
        const quint16 port = unusedLoopbackPort();
        if (port == 0) {
            m_error = u"no free loopback port"_s;
            return false;
        }
        m_ports.insert(listener, port);
    }
    return true;
}

bool MosquittoBroker::writePasswordFile()
{
    const QString file = m_dir.filePath(u"passwords"_s);
    QFile::remove(file);
    bool first = true;
    for (const auto &[user, password] : std::as_const(m_users)) {
        QProcess passwd;
        passwd.setProcessChannelMode(QProcess::MergedChannels);
        QStringList arguments{u"-b"_s, file, user, password};
        if (first)
            arguments.prepend(u"-c"_s);
        passwd.start(u"mosquitto_passwd"_s, arguments);
        if (!passwd.waitForFinished(kStopTimeoutMs) || passwd.exitCode() != 0) {
            m_error =
                u"mosquitto_passwd failed (install mosquitto via scripts/install-deps.sh): %1 %2"_s
                    .arg(passwd.errorString(), QString::fromLocal8Bit(passwd.readAll()).trimmed());
            return false;
        }
        first = false;
    }
    QFile::setPermissions(
        file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return true;
}

QStringList MosquittoBroker::largeQueue()
{
    return {u"max_queued_messages 1000000"_s, u"max_queued_bytes 0"_s};
}

bool MosquittoBroker::writeConfig()
{
    QStringList lines{
        u"# Written by the mqttscope test fixture"_s,
        u"per_listener_settings true"_s,
        u"persistence false"_s,
        u"log_dest stderr"_s, // unbuffered, unlike stdout
        u"log_type all"_s,
        u"log_timestamp_format %H:%M:%S"_s,
        u"connection_messages true"_s,
        u"set_tcp_nodelay true"_s,
    };
    lines += m_extraConfig;

    const TestCertificates &certs = m_certificates;
    for (auto it = m_ports.cbegin(); it != m_ports.cend(); ++it) {
        const Listener listener = it.key();
        const QString port = QString::number(it.value());
        lines << QString();
        const bool webSocket = listener == Listener::Ws || listener == Listener::Wss;
        // mosquitto 2.0.11 ignores an IP bind address on websockets listeners; `lo` binds loopback.
        lines << (webSocket ? u"listener %1 lo"_s : u"listener %1 127.0.0.1"_s).arg(port);
        if (webSocket)
            lines << u"protocol websockets"_s;
        if (isTls(listener)) {
            lines << u"cafile "_s + certs.caFile() << u"certfile "_s + certs.serverCertFile()
                  << u"keyfile "_s + certs.serverKeyFile();
        }
        if (listener == Listener::TlsClientCert)
            lines << u"require_certificate true"_s;
        if (listener == Listener::PasswordTcp)
            lines << u"allow_anonymous false"_s
                  << u"password_file "_s + m_dir.filePath(u"passwords"_s);
        else
            lines << u"allow_anonymous true"_s;
    }

    QFile config(m_dir.filePath(u"mosquitto.conf"_s));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || config.write(lines.join(u'\n').toUtf8() + '\n') < 0) {
        m_error = u"cannot write %1"_s.arg(config.fileName());
        return false;
    }
    config.close();
    QFile::setPermissions(config.fileName(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                              | QFile::ReadOther);
    return true;
}

bool MosquittoBroker::startOnce()
{
    if (!writeConfig())
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(logFile(), QIODevice::Append);
    m_process->start(mosquittoProgram(), {u"-c"_s, m_dir.filePath(u"mosquitto.conf"_s)});
    if (!m_process->waitForStarted(kListenTimeoutMs)) {
        m_error = u"cannot start %1: %2"_s.arg(mosquittoProgram(), m_process->errorString());
        return false;
    }
    return waitUntilListening();
}

bool MosquittoBroker::waitUntilListening()
{
    const QDeadlineTimer deadline(kListenTimeoutMs);
    QList<quint16> pending = m_ports.values();
    while (!pending.isEmpty()) {
        if (m_process->state() == QProcess::NotRunning) {
            m_error = u"mosquitto exited at start (code %1); its log %2:\n%3"_s.arg(
                QString::number(m_process->exitCode()), logFile(), QString::fromUtf8(log()));
            return false;
        }
        if (acceptsConnections(pending.constFirst())) {
            pending.removeFirst();
            continue;
        }
        if (deadline.hasExpired()) {
            m_error = u"mosquitto did not listen on port %1 within %2 s; its log %3:\n%4"_s.arg(
                QString::number(pending.constFirst()), QString::number(kListenTimeoutMs / 1000),
                logFile(), QString::fromUtf8(log()));
            return false;
        }
        QThread::msleep(kPollIntervalMs);
    }
    return true;
}

void MosquittoBroker::stop()
{
    brokerprocess::stop(m_process, kStopTimeoutMs);
}

void MosquittoBroker::kill()
{
    brokerprocess::kill(m_process, kStopTimeoutMs);
}

} // namespace mqttscope::test
