// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadsource.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {

LoadSource::~LoadSource()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool LoadSource::start(const QString &program, const QStringList &arguments, QString *error)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000)) {
        *error = program + u": "_s + m_process.errorString();
        return false;
    }
    // Encoding a million PUBLISHes takes seconds on a busy machine.
    const QDeadlineTimer deadline(120000);
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(int(deadline.remainingTime())) || deadline.hasExpired()) {
            *error = program + u" did not say its port: "_s + m_process.errorString();
            return false;
        }
    }
    bool ok = false;
    m_port = quint16(m_process.readLine().trimmed().toUInt(&ok));
    if (!ok || m_port == 0) {
        *error = program + u" printed no port"_s;
        return false;
    }
    return true;
}

QJsonObject LoadSource::waitForReport(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine() && !deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(deadline.remainingTime())))
            break;
    }
    if (!m_process.canReadLine())
        return {};
    return QJsonDocument::fromJson(m_process.readLine()).object();
}

} // namespace mqttscope::bench
