// SPDX-License-Identifier: GPL-3.0-or-later
#include "appearance.h"

#include "colorschemewatcher.h"
#include "darkpalette.h"
#include "views/viewcolors.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

const auto ChoiceKey = "view/appearance"_L1;

struct ChoiceName
{
    AppearanceChoice choice;
    QLatin1StringView name; // as saved in the settings
};
constexpr ChoiceName ChoiceNames[] = {
    {AppearanceChoice::System, "system"_L1},
    {AppearanceChoice::Light, "light"_L1},
    {AppearanceChoice::Dark, "dark"_L1},
};

AppearanceChoice savedChoice()
{
    const QString saved = QSettings().value(ChoiceKey).toString();
    for (const ChoiceName &entry : ChoiceNames) {
        if (entry.name == saved)
            return entry.choice;
    }
    return AppearanceChoice::System;
}

void saveChoice(AppearanceChoice choice)
{
    for (const ChoiceName &entry : ChoiceNames) {
        if (entry.choice == choice)
            QSettings().setValue(ChoiceKey, QString(entry.name));
    }
}

} // namespace

Appearance::Appearance(QObject *parent)
    : QObject(parent)
    , m_watcher(new ColorSchemeWatcher(this))
    , m_choice(savedChoice())
{
    connect(m_watcher, &ColorSchemeWatcher::schemeChanged, this, &Appearance::apply);
    if (m_choice != AppearanceChoice::System)
        apply();
}

void Appearance::setChoice(AppearanceChoice choice)
{
    if (choice == m_choice)
        return;
    m_choice = choice;
    saveChoice(choice);
    apply();
    emit choiceChanged(choice);
}

bool Appearance::isDark() const
{
    return isDarkPalette(QApplication::palette());
}

bool Appearance::wantsDark() const
{
    return m_choice == AppearanceChoice::Dark
        || (m_choice == AppearanceChoice::System && m_watcher->scheme() == ColorScheme::PreferDark);
}

bool Appearance::wantsLight() const
{
    return m_choice == AppearanceChoice::Light
        || (m_choice == AppearanceChoice::System
            && m_watcher->scheme() == ColorScheme::PreferLight);
}

void Appearance::apply()
{
    // Back to what the platform and the style give (a palette with no roles set resets), so
    // that a platform theme plugin's own dark palette is kept and its changes followed.
    QApplication::setPalette(QPalette());
    const bool platformDark = isDarkPalette(QApplication::palette());
    if (wantsDark() && !platformDark)
        QApplication::setPalette(darkFusionPalette());
    else if (wantsLight() && platformDark)
        QApplication::setPalette(QApplication::style()->standardPalette());
}

} // namespace mqttscope
