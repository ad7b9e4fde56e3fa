// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeportal.h"

#include "desktopportal.h"

#include <QDBusMessage>
#include <QDBusVariant>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::test {
using namespace desktopportal;

namespace {

const auto ConnectionName = "mqttscope-fake-portal"_L1;

QVariant inVariant(const QVariant &value)
{
    return QVariant::fromValue(QDBusVariant(value));
}

} // namespace

FakePortal::FakePortal()
    : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, ConnectionName))
{
}

FakePortal::~FakePortal()
{
    stop();
    QDBusConnection::disconnectFromBus(ConnectionName);
}

bool FakePortal::start(QString *error)
{
    if (!m_bus.isConnected()) {
        *error = u"no session bus (run the test under dbus-run-session): "_s
            + m_bus.lastError().message();
        return false;
    }
    if (!m_bus.registerVirtualObject(Path, this) || !m_bus.registerService(Service)) {
        *error = u"cannot take %1: %2"_s.arg(Service, m_bus.lastError().message());
        return false;
    }
    return true;
}

void FakePortal::stop()
{
    m_bus.unregisterService(Service);
    m_bus.unregisterObject(Path);
}

void FakePortal::setColorScheme(uint value, bool announce)
{
    m_colorScheme = value;
    if (!announce)
        return;
    QDBusMessage signal = QDBusMessage::createSignal(Path, SettingsInterface, SettingChangedSignal);
    signal << QString(AppearanceNamespace) << QString(ColorSchemeKey) << inVariant(value);
    m_bus.send(signal);
}

QString FakePortal::introspect(const QString &) const
{
    return {}; // nobody asks: the application calls by name
}

bool FakePortal::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    if (message.interface() != SettingsInterface)
        return false;
    m_calls.append(message.member());
    connection.send(answer(message));
    return true;
}

QDBusMessage FakePortal::answer(const QDBusMessage &call) const
{
    const bool readOne = call.member() == ReadOneMethod && m_version == Version::Version2;
    if (!readOne && call.member() != ReadMethod)
        return call.createErrorReply(QDBusError::UnknownMethod, u"No such method"_s);
    const QList<QVariant> arguments = call.arguments();
    if (arguments.size() != 2 || arguments.at(0).toString() != AppearanceNamespace
        || arguments.at(1).toString() != ColorSchemeKey)
        return call.createErrorReply(u"org.freedesktop.portal.Error.NotFound"_s,
                                     u"Requested setting not found"_s);
    const QVariant value = inVariant(m_colorScheme);
    return call.createReply(readOne ? value : inVariant(value));
}

} // namespace mqttscope::test
