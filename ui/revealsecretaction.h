// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAction>

class QLineEdit;

namespace mqttscope {

// The eye at the end of a password field: checked, the field shows what was typed; unchecked it
// shows dots again. Added to the field as a trailing action.
class RevealSecretAction : public QAction
{
    Q_OBJECT
public:
    explicit RevealSecretAction(QLineEdit *field);

private:
    void update(bool revealed);

    QLineEdit *m_field;
};

} // namespace mqttscope
