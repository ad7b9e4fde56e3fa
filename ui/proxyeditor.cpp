// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxyeditor.h"

#include "fieldmessage.h"
#include "revealsecretaction.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

ProxyEditor::ProxyEditor(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_explanation(new QLabel(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_hostMessage(new FieldMessage(this))
    , m_usernameMessage(new FieldMessage(this))
{
    m_kind->setObjectName(u"proxyKind"_s);
    m_kind->addItem(tr("No proxy"), int(ProxyKind::None));
    m_kind->addItem(tr("The system's proxy settings"), int(ProxyKind::System));
    m_kind->addItem(tr("SOCKS5 (socks5h://)"), int(ProxyKind::Socks5));
    m_kind->addItem(tr("HTTP (CONNECT)"), int(ProxyKind::Http));
    m_explanation->setObjectName(u"proxyExplanation"_s);
    m_explanation->setWordWrap(true);
    m_host->setObjectName(u"proxyHost"_s);
    m_port->setObjectName(u"proxyPort"_s);
    m_port->setRange(0, 65535);
    m_username->setObjectName(u"proxyUsername"_s);
    m_username->setPlaceholderText(tr("Empty: the proxy asks for none"));
    m_password->setObjectName(u"proxyPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Kept in the system keychain, never in the profile file"));
    new RevealSecretAction(m_password);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Proxy:"), m_kind);
    form->addRow(m_explanation);
    form->addRow(tr("Host:"), m_host);
    form->addRow(m_hostMessage);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("User name:"), m_username);
    form->addRow(m_usernameMessage);
    form->addRow(tr("Password:"), m_password);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProxyEditor::kindChanged);
    connect(m_password, &QLineEdit::textEdited, this, &ProxyEditor::passwordEdited);
    kindChanged();
}

void ProxyEditor::setProxy(const ProfileProxy &proxy)
{
    m_loaded = proxy;
    m_kind->setCurrentIndex(m_kind->findData(int(proxy.kind)));
    m_host->setText(proxy.host);
    m_port->setValue(proxy.port);
    m_username->setText(proxy.username);
    m_password->clear();
    m_password->setPlaceholderText(proxy.hasPassword ? tr("Stored in the keychain") : QString());
    kindChanged();
}

ProfileProxy ProxyEditor::proxy() const
{
    ProfileProxy proxy = m_loaded;
    proxy.kind = ProxyKind(m_kind->currentData().toInt());
    proxy.host = m_host->text().trimmed();
    proxy.port = quint16(m_port->value());
    proxy.username = m_username->text();
    return proxy;
}

void ProxyEditor::setPassword(const std::optional<QByteArray> &password)
{
    m_password->setText(QString::fromUtf8(password.value_or(QByteArray())));
}

QByteArray ProxyEditor::password() const
{
    return m_password->text().toUtf8();
}

QMap<ProfileField, FieldMessage *> ProxyEditor::messages() const
{
    return {{ProfileField::ProxyHost, m_hostMessage},
            {ProfileField::ProxyUsername, m_usernameMessage}};
}

void ProxyEditor::kindChanged()
{
    const auto kind = ProxyKind(m_kind->currentData().toInt());
    const bool manual = kind == ProxyKind::Socks5 || kind == ProxyKind::Http;
    for (QWidget *field : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
                           static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password)})
        field->setEnabled(manual);
    m_port->setSpecialValueText(manual ? tr("Default (%1)").arg(ProxySettings::defaultPort(kind))
                                       : QString());
    switch (kind) {
    case ProxyKind::None:
        m_explanation->setText(tr("Straight to the broker, whatever the environment says."));
        break;
    case ProxyKind::System:
        m_explanation->setText(
            tr("The desktop's proxy settings, else the environment: http_proxy (https_proxy for "
               "TLS and secure WebSocket) and no_proxy. all_proxy is not read."));
        break;
    case ProxyKind::Socks5:
        m_explanation->setText(tr("The proxy resolves the broker's host name, so it works for "
                                  "names only the proxy's network knows."));
        break;
    case ProxyKind::Http:
        m_explanation->setText(tr("A tunnel through an HTTP proxy's CONNECT; the proxy must "
                                  "allow the broker's port."));
        break;
    }
}

} // namespace mqttscope
