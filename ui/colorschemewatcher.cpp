// SPDX-License-Identifier: GPL-3.0-or-later
#include "colorschemewatcher.h"

#include "desktopportal.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

namespace mqttscope {
using namespace desktopportal;

namespace {

// The value inside however many D-Bus variants wrap it.
QVariant unwrapped(QVariant value)
{
    while (value.metaType() == QMetaType::fromType<QDBusVariant>())
        value = qvariant_cast<QDBusVariant>(value).variant();
    return value;
}

} // namespace

ColorSchemeWatcher::ColorSchemeWatcher(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    // Listening before reading, so that a change between the two is not lost.
    bus.connect(Service, Path, SettingsInterface, SettingChangedSignal, this,
                SLOT(onSettingChanged(QDBusMessage)));
    read(ReadOneMethod);
}

void ColorSchemeWatcher::read(const QString &method)
{
    QDBusMessage message = QDBusMessage::createMethodCall(Service, Path, SettingsInterface, method);
    message << QString(AppearanceNamespace) << QString(ColorSchemeKey);
    auto *call =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message), this);
    connect(
        call, &QDBusPendingCallWatcher::finished, this,
        [this, method](QDBusPendingCallWatcher *finished) { onReadFinished(finished, method); });
}

void ColorSchemeWatcher::onReadFinished(QDBusPendingCallWatcher *call, const QString &method)
{
    call->deleteLater();
    const QDBusPendingReply<QDBusVariant> reply = *call;
    if (!reply.isError()) {
        setScheme(reply.value().variant());
        return;
    }
    if (reply.error().type() == QDBusError::UnknownMethod && method == ReadOneMethod)
        read(ReadMethod);
    // Any other error (no portal, no such setting) leaves the scheme without a preference.
}

void ColorSchemeWatcher::onSettingChanged(const QDBusMessage &message)
{
    const QList<QVariant> arguments = message.arguments();
    if (arguments.size() == 3 && arguments.at(0).toString() == AppearanceNamespace
        && arguments.at(1).toString() == ColorSchemeKey)
        setScheme(arguments.at(2));
}

void ColorSchemeWatcher::setScheme(const QVariant &portalValue)
{
    const uint value = unwrapped(portalValue).toUInt();
    const ColorScheme scheme = value == uint(ColorScheme::PreferDark) ? ColorScheme::PreferDark
        : value == uint(ColorScheme::PreferLight)                     ? ColorScheme::PreferLight
                                                                      : ColorScheme::NoPreference;
    if (scheme == m_scheme)
        return;
    m_scheme = scheme;
    emit schemeChanged(scheme);
}

} // namespace mqttscope
