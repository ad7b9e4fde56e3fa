// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QStringList>

namespace mqttscope::test {

// A stand-in for the XDG desktop portal's Settings interface on the test's own session bus (the
// tests run under dbus-run-session): answers Read and ReadOne for org.freedesktop.appearance /
// color-scheme and emits SettingChanged when told. It speaks over a bus connection of its own,
// so the application's calls really go through the bus.
class FakePortal : public QDBusVirtualObject
{
public:
    enum class Version {
        Version1, // Read only, the answer wrapped in two variants
        Version2, // ReadOne too
    };

    FakePortal();
    ~FakePortal() override;

    // Takes org.freedesktop.portal.Desktop; false with *error when there is no session bus or
    // the name is taken.
    bool start(QString *error);
    void stop(); // gives the name up: no portal answers

    void setVersion(Version version) { m_version = version; }
    // From now on reads answer `value` (1 dark, 2 light, 0 no preference); with `announce`
    // SettingChanged says so at once.
    void setColorScheme(uint value, bool announce);
    QStringList calls() const { return m_calls; } // the methods called so far, in order
    void clearCalls() { m_calls.clear(); }

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

private:
    QDBusMessage answer(const QDBusMessage &call) const;

    QDBusConnection m_bus;
    Version m_version = Version::Version2;
    uint m_colorScheme = 0;
    QStringList m_calls;
};

} // namespace mqttscope::test
