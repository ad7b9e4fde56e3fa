// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxyserver.h"

#include "brokerprocess.h"
#include "freeport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::test {

namespace {

constexpr int kStartTimeoutMs = 10000;
constexpr int kStopTimeoutMs = 5000;

bool acceptsConnections(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(200);
}

} // namespace

ProxyServer::ProxyServer(Kind kind)
    : m_kind(kind)
{
}

ProxyServer::~ProxyServer()
{
    stop();
}

void ProxyServer::setCredentials(const QString &username, const QByteArray &password)
{
    m_username = username;
    m_password = password;
}

QString ProxyServer::name() const
{
    switch (m_kind) {
    case Kind::Microsocks:
        return u"microsocks"_s;
    case Kind::Dante:
        return u"danted"_s;
    case Kind::Tinyproxy:
        return u"tinyproxy"_s;
    }
    return {};
}

QString ProxyServer::program() const
{
    const QString found = QStandardPaths::findExecutable(name());
    return found.isEmpty() ? QStandardPaths::findExecutable(name(), {u"/usr/sbin"_s}) : found;
}

bool ProxyServer::writeConfig()
{
    QFile file(m_dir.filePath(u"proxy.conf"_s));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QStringList lines;
    const QString port = QString::number(m_port);
    if (m_kind == Kind::Tinyproxy) {
        lines << u"Port "_s + port << u"Listen 127.0.0.1"_s << u"Timeout 60"_s << u"LogLevel Info"_s
              << u"MaxClients 50"_s;
        for (const quint16 allowed : std::as_const(m_connectPorts))
            lines << u"ConnectPort "_s + QString::number(allowed);
        if (!m_username.isEmpty())
            lines << u"BasicAuth %1 %2"_s.arg(m_username, QString::fromUtf8(m_password));
    } else if (m_kind == Kind::Dante) {
        // Dante checks user names against the system's accounts only: no credentials here.
        lines << u"logoutput: stderr"_s << u"internal: 127.0.0.1 port = "_s + port
              << u"external: 127.0.0.1"_s << u"clientmethod: none"_s << u"socksmethod: none"_s
              << u"client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }"_s
              << u"socks pass {\n from: 127.0.0.0/8 to: 0.0.0.0/0\n command: connect\n"
                 " log: connect disconnect error\n}"_s;
    }
    file.write(lines.join(u'\n').toUtf8() + '\n');
    return true;
}

QStringList ProxyServer::arguments() const
{
    const QString config = m_dir.filePath(u"proxy.conf"_s);
    switch (m_kind) {
    case Kind::Microsocks: {
        QStringList arguments{u"-i"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port)};
        if (!m_username.isEmpty())
            arguments << u"-u"_s << m_username << u"-P"_s << QString::fromUtf8(m_password);
        return arguments;
    }
    case Kind::Dante:
        return {u"-f"_s, config, u"-N"_s, u"1"_s};
    case Kind::Tinyproxy:
        return {u"-d"_s, u"-c"_s, config};
    }
    return {};
}

bool ProxyServer::start()
{
    stop();
    const QString executable = program();
    if (executable.isEmpty()) {
        m_error = u"%1 not installed: run scripts/install-deps.sh"_s.arg(name());
        return false;
    }
    if (m_kind == Kind::Dante && !m_username.isEmpty()) {
        m_error = u"the danted fixture takes no credentials (it checks system accounts)"_s;
        return false;
    }
    m_port = unusedLoopbackPort();
    if (!m_dir.isValid() || !writeConfig()) {
        m_error = u"cannot write the %1 configuration in %2"_s.arg(name(), m_dir.path());
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(u"proxy.log"_s));
    m_process->start(executable, arguments());
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning)
            break;
        if (acceptsConnections(m_port))
            return true;
        QThread::msleep(50);
    }
    m_error = u"%1 did not start listening on 127.0.0.1:%2: %3"_s.arg(
        name(), QString::number(m_port), QString::fromUtf8(log()));
    stop();
    return false;
}

void ProxyServer::stop()
{
    brokerprocess::stop(m_process, kStopTimeoutMs);
}

bool ProxyServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

ProxySettings ProxyServer::settings() const
{
    ProxySettings settings;
    settings.kind = m_kind == Kind::Tinyproxy ? ProxyKind::Http : ProxyKind::Socks5;
    settings.host = u"127.0.0.1"_s;
    settings.port = m_port;
    settings.username = m_username;
    settings.password = m_password;
    return settings;
}

QString ProxyServer::url() const
{
    QUrl url;
    url.setScheme(m_kind == Kind::Tinyproxy ? u"http"_s : u"socks5h"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    url.setUserName(m_username);
    url.setPassword(QString::fromUtf8(m_password));
    return url.toString();
}

QByteArray ProxyServer::log() const
{
    QFile file(m_dir.filePath(u"proxy.log"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int ProxyServer::tunnelsTo(const QString &host, quint16 port) const
{
    // microsocks: "client[4] 127.0.0.1: connected to localhost:1883";
    // tinyproxy, once it let the client in: "opensock: opening connection to localhost:1883";
    // danted names the address it resolved the host to: "pass(1): tcp/connect [: 127.0.0.1.40000
    // 127.0.0.1.1080 -> 127.0.0.1.53019 127.0.0.1.1883".
    const QString target = QString::number(port);
    QString pattern;
    switch (m_kind) {
    case Kind::Microsocks:
        pattern = u"connected to %1:%2$"_s.arg(QRegularExpression::escape(host), target);
        break;
    case Kind::Tinyproxy:
        pattern = u"opensock: opening connection to %1:%2$"_s.arg(QRegularExpression::escape(host),
                                                                  target);
        break;
    case Kind::Dante:
        pattern = u"tcp/connect \\[: .* \\S+\\.%1$"_s.arg(target);
        break;
    }
    const QRegularExpression line(pattern, QRegularExpression::MultilineOption);
    return int(QString::fromUtf8(log()).count(line));
}

} // namespace mqttscope::test
