// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QDBusMessage;
class QDBusPendingCallWatcher;

namespace mqttscope {

// The desktop's light or dark preference, in the XDG desktop portal's numbering.
enum class ColorScheme { NoPreference = 0, PreferDark = 1, PreferLight = 2 };

// Reads the desktop's colour-scheme preference from the XDG desktop portal
// (org.freedesktop.appearance / color-scheme) and follows its changes. Qt 6.4 learns of a dark
// desktop only through a platform theme plugin, which many systems lack; the portal answers on
// GNOME, KDE and most others. Without a session bus or a portal the scheme stays NoPreference,
// quietly.
class ColorSchemeWatcher : public QObject
{
    Q_OBJECT
public:
    // Asks the portal at once; the answer comes as schemeChanged.
    explicit ColorSchemeWatcher(QObject *parent = nullptr);

    ColorScheme scheme() const { return m_scheme; }

signals:
    void schemeChanged(mqttscope::ColorScheme scheme);

private slots:
    // A slot by name: QDBusConnection::connect takes no functor in Qt 6.4.
    void onSettingChanged(const QDBusMessage &message);

private:
    void read(const QString &method);
    void onReadFinished(QDBusPendingCallWatcher *call, const QString &method);
    void setScheme(const QVariant &portalValue);

    ColorScheme m_scheme = ColorScheme::NoPreference;
};

} // namespace mqttscope
