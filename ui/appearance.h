// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace mqttscope {

class ColorSchemeWatcher;

// What the user chose in View ▸ Appearance.
enum class AppearanceChoice { System, Light, Dark };

// The application's palette: light or dark as the desktop prefers (System), or as the user
// chose; the choice is kept in the settings. With System, a dark preference from the desktop
// portal gives the dark Fusion palette unless the platform's own palette is dark already, and
// anything else leaves the platform's palette alone.
class Appearance : public QObject
{
    Q_OBJECT
public:
    // Applies the saved choice at once and the desktop's preference once the portal answers.
    explicit Appearance(QObject *parent = nullptr);

    AppearanceChoice choice() const { return m_choice; }
    void setChoice(AppearanceChoice choice); // applies and saves it
    bool isDark() const; // the palette in use now

signals:
    void choiceChanged(mqttscope::AppearanceChoice choice);

private:
    bool wantsDark() const;
    bool wantsLight() const;
    void apply();

    ColorSchemeWatcher *m_watcher;
    AppearanceChoice m_choice;
};

} // namespace mqttscope
