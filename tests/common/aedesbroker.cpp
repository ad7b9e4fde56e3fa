// SPDX-License-Identifier: GPL-3.0-or-later
#include "aedesbroker.h"

#include "brokerprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::test {

namespace {

constexpr int kReadyTimeoutMs = 10000;
constexpr int kStopTimeoutMs = 5000;

const char *listenerArgument(AedesBroker::Listener listener)
{
    return listener == AedesBroker::Listener::Ws ? "--ws" : "--tcp";
}

} // namespace

AedesBroker::AedesBroker() = default;

AedesBroker::~AedesBroker()
{
    stop();
}

QString AedesBroker::packageFolder()
{
    return QStringLiteral(MQTTSCOPE_TEST_BROKERS_DIR "/aedes");
}

QString AedesBroker::nodeProgram()
{
    QString program = QStandardPaths::findExecutable(u"node"_s);
    if (program.isEmpty())
        program = QStandardPaths::findExecutable(u"nodejs"_s);
    return program;
}

QString AedesBroker::logFile() const
{
    return m_dir.filePath(u"aedes.log"_s);
}

QByteArray AedesBroker::log() const
{
    QFile file(logFile());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int AedesBroker::subackCount(const QString &clientId) const
{
    // broker.js logs this line when aedes has written the SUBACK.
    return int(log().count(" client " + clientId.toUtf8() + " subscribed "));
}

quint16 AedesBroker::port(Listener listener) const
{
    return m_ports.value(listener, 0);
}

Endpoint AedesBroker::endpoint(Listener listener) const
{
    Endpoint endpoint;
    endpoint.kind = listener == Listener::Ws ? TransportKind::WebSocket : TransportKind::Tcp;
    endpoint.host = u"127.0.0.1"_s;
    endpoint.port = port(listener);
    endpoint.path = u"/mqtt"_s;
    return endpoint;
}

QString AedesBroker::url(Listener listener) const
{
    return listener == Listener::Ws ? u"ws://127.0.0.1:%1/mqtt"_s.arg(port(listener))
                                    : u"mqtt://127.0.0.1:%1"_s.arg(port(listener));
}

Endpoint AedesBroker::endpoint(TransportKind transport) const
{
    return endpoint(transport == TransportKind::WebSocket ? Listener::Ws : Listener::Tcp);
}

QString AedesBroker::url(TransportKind transport) const
{
    return url(transport == TransportKind::WebSocket ? Listener::Ws : Listener::Tcp);
}

bool AedesBroker::startListening(const QList<TransportKind> &transports)
{
    QList<Listener> listeners;
    for (const TransportKind transport : transports) {
        switch (transport) {
        case TransportKind::Tcp:
            listeners += Listener::Tcp;
            break;
        case TransportKind::WebSocket:
            listeners += Listener::Ws;
            break;
        case TransportKind::Tls:
        case TransportKind::SecureWebSocket:
            m_error = u"the aedes fixture has no TLS listeners"_s;
            return false;
        }
    }
    return start(listeners);
}

bool AedesBroker::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool AedesBroker::checkInstalled()
{
    if (nodeProgram().isEmpty()) {
        m_error = u"node not installed (Node.js >= 20 is needed for aedes)"_s;
        return false;
    }
    const QDir folder(packageFolder());
    for (const QString &file : {u"broker.js"_s, u"node_modules/aedes/package.json"_s,
                                u"node_modules/ws/package.json"_s}) {
        if (!folder.exists(file)) {
            m_error = u"aedes not installed (%1 is missing): run scripts/install-deps.sh"_s.arg(
                folder.filePath(file));
            return false;
        }
    }
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary folder: %1"_s.arg(m_dir.errorString());
        return false;
    }
    return true;
}

bool AedesBroker::start(const QList<Listener> &listeners)
{
    stop();
    m_listeners = listeners.isEmpty() ? QList<Listener>{Listener::Tcp} : listeners;
    m_ports.clear();
    m_error.clear();
    if (!checkInstalled())
        return false;
    QHash<Listener, quint16> anyPort;
    for (const Listener listener : std::as_const(m_listeners))
        anyPort.insert(listener, 0);
    if (startOnce(anyPort))
        return true;
    stop();
    return false;
}

bool AedesBroker::restart()
{
    stop();
    m_error.clear();
    if (startOnce(m_ports))
        return true;
    stop();
    return false;
}

bool AedesBroker::startOnce(const QHash<Listener, quint16> &requestedPorts)
{
    QStringList arguments{QDir(packageFolder()).filePath(u"broker.js"_s)};
    for (auto it = requestedPorts.cbegin(); it != requestedPorts.cend(); ++it)
        arguments << QString::fromLatin1(listenerArgument(it.key())) << QString::number(it.value());
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(packageFolder());
    m_process->setStandardErrorFile(logFile(), QIODevice::Append);
    // stdin stays an open pipe: broker.js exits when it closes, so a crashed test leaves no broker.
    m_process->start(nodeProgram(), arguments);
    if (!m_process->waitForStarted(kReadyTimeoutMs)) {
        m_error = u"cannot start %1: %2"_s.arg(nodeProgram(), m_process->errorString());
        return false;
    }
    return waitUntilReady();
}

bool AedesBroker::waitUntilReady()
{
    static const QRegularExpression ready(u"^aedes (\\S+) listening((?: (?:tcp|ws) \\d+)+)$"_s);
    const QDeadlineTimer deadline(kReadyTimeoutMs);
    QByteArray output;
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine() || m_process->waitForReadyRead(50)) {
            while (m_process->canReadLine()) {
                const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
                output += line.toUtf8() + '\n';
                const QRegularExpressionMatch match = ready.match(line);
                if (!match.hasMatch())
                    continue;
                m_version = match.captured(1);
                const QStringList words = match.captured(2).split(u' ', Qt::SkipEmptyParts);
                for (qsizetype i = 0; i + 1 < words.size(); i += 2) {
                    const Listener listener = words.at(i) == "ws"_L1 ? Listener::Ws : Listener::Tcp;
                    m_ports.insert(listener, quint16(words.at(i + 1).toUInt()));
                }
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_error = u"aedes exited at start (code %1); its output:\n%2%3"_s.arg(
                QString::number(m_process->exitCode()), QString::fromUtf8(output),
                QString::fromUtf8(log()));
            return false;
        }
    }
    m_error = u"aedes did not report listening within %1 s; its output:\n%2%3"_s.arg(
        QString::number(kReadyTimeoutMs / 1000), QString::fromUtf8(output),
        QString::fromUtf8(log()));
    return false;
}

void AedesBroker::stop()
{
    brokerprocess::stop(m_process, kStopTimeoutMs);
}

void AedesBroker::kill()
{
    brokerprocess::kill(m_process, kStopTimeoutMs);
}

} // namespace mqttscope::test
