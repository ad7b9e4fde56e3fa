// SPDX-License-Identifier: GPL-3.0-or-later
#include "sastokeneditor.h"

#include "revealsecretaction.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr int kDefaultLifetime = 3600;

} // namespace

SasTokenEditor::SasTokenEditor(QWidget *parent)
    : QWidget(parent)
    , m_enabled(new QCheckBox(tr("Password is an Azure SAS token made from a device key"), this))
    , m_key(new QLineEdit(this))
    , m_lifetime(new QSpinBox(this))
{
    m_enabled->setObjectName(u"sasTokenEnabled"_s);
    m_key->setObjectName(u"sasKey"_s);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Device key (base64)"));
    m_key->setToolTip(tr("Kept in the system keychain, never in the profile file; a new token "
                         "is signed with it at each connect"));
    new RevealSecretAction(m_key);
    m_lifetime->setObjectName(u"sasTokenLifetime"_s);
    m_lifetime->setRange(60, 365 * 24 * 3600);
    m_lifetime->setValue(kDefaultLifetime);
    m_lifetime->setSuffix(tr(" s valid"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_key, 1);
    row->addWidget(m_lifetime);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_enabled);
    layout->addLayout(row);

    const auto enable = [this](bool on) {
        m_key->setEnabled(on);
        m_lifetime->setEnabled(on);
    };
    enable(false);
    connect(m_enabled, &QCheckBox::toggled, this, enable);
    connect(m_enabled, &QCheckBox::toggled, this, &SasTokenEditor::changed);
    connect(m_lifetime, &QSpinBox::valueChanged, this, &SasTokenEditor::changed);
    connect(m_key, &QLineEdit::textChanged, this, &SasTokenEditor::changed);
    connect(m_key, &QLineEdit::textEdited, this, &SasTokenEditor::secretEdited);
}

void SasTokenEditor::setLifetime(quint32 seconds)
{
    m_enabled->setChecked(seconds > 0);
    m_lifetime->setValue(seconds > 0 ? int(qMin<quint32>(seconds, m_lifetime->maximum()))
                                     : kDefaultLifetime);
}

quint32 SasTokenEditor::lifetime() const
{
    return m_enabled->isChecked() ? quint32(m_lifetime->value()) : 0;
}

void SasTokenEditor::setKey(const QByteArray &key)
{
    m_key->setText(QString::fromUtf8(key));
}

QByteArray SasTokenEditor::key() const
{
    return m_enabled->isChecked() ? m_key->text().trimmed().toUtf8() : QByteArray();
}

} // namespace mqttscope
