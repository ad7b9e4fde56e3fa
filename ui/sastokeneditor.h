// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace mqttscope {

// Azure IoT Hub's login in the profile editor: whether the password is a SAS token made at each
// connect, the device key it is signed with (a secret, kept in the keychain) and its lifetime.
class SasTokenEditor : public QWidget
{
    Q_OBJECT
public:
    explicit SasTokenEditor(QWidget *parent = nullptr);

    void setLifetime(quint32 seconds); // 0: no SAS token
    quint32 lifetime() const;
    void setKey(const QByteArray &key);
    QByteArray key() const;

signals:
    void changed();
    void secretEdited();

private:
    QCheckBox *m_enabled;
    QLineEdit *m_key;
    QSpinBox *m_lifetime;
};

} // namespace mqttscope
