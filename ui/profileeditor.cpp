// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileeditor.h"

#include "fieldmessage.h"
#include "mutedtopicseditor.h"
#include "payloadformatseditor.h"
#include "proxyeditor.h"
#include "revealsecretaction.h"
#include "sastokeneditor.h"
#include "sidebarpages.h"
#include "userpropertieseditor.h"
#include "websocketheaderseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

enum SubscriptionColumn {
    FilterColumn,
    QosColumn,
    NoLocalColumn,
    RetainAsPublishedColumn,
    RetainHandlingColumn
};

QSpinBox *spinBox(int minimum, int maximum, const QString &specialZero, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    if (!specialZero.isEmpty())
        box->setSpecialValueText(specialZero);
    return box;
}

template<typename T>
std::optional<T> optionalValue(const QSpinBox *box)
{
    return box->value() > 0 ? std::optional<T>(T(box->value())) : std::nullopt;
}

QStringList splitList(const QString &text)
{
    QStringList result;
    const auto parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            result.append(part.trimmed());
    }
    return result;
}

// A client id any broker accepts: 3.1.1 servers must take 1..23 of [0-9a-zA-Z] [MQTT-3.1.3-5].
QString randomClientId()
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id = u"mqttscope"_s;
    for (int i = 0; i < 12; ++i)
        id.append(QChar::fromLatin1(
            alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]));
    return id;
}

} // namespace

ProfileEditor::ProfileEditor(QWidget *parent)
    : QWidget(parent)
    , m_pages(new SidebarPages(this))
    , m_formats(new PayloadFormatsEditor(this))
{
    m_pages->addPage(createConnectionPage(), tr("Connection"));
    m_pages->addPage(createTlsPage(), tr("TLS"));
    m_proxy = new ProxyEditor(this);
    m_pages->addPage(m_proxy, tr("Proxy"));
    m_messages.insert(m_proxy->messages());
    connect(m_proxy, &ProxyEditor::passwordEdited, this, [this] { m_secretsEdited = true; });
    m_pages->addPage(createWillPage(), tr("Last will"));
    m_pages->addPage(createMqtt5Page(), tr("MQTT 5"));
    m_pages->addPage(createSubscriptionsPage(), tr("Subscriptions"));
    m_pages->addPage(createHistoryPage(), tr("History"));
    m_mutedTopics = new MutedTopicsEditor(this);
    m_mutedTopics->setObjectName(u"profileMutedTopics"_s);
    connect(m_mutedTopics, &MutedTopicsEditor::changed, this, &ProfileEditor::changed);
    m_pages->addPage(m_mutedTopics, tr("Muted topics"));
    m_pages->addPage(m_formats, tr("Payload formats"));
    connect(m_formats, &PayloadFormatsEditor::changed, this, &ProfileEditor::changed);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    // Every input reports a change so the dialog can enable Save and re-validate.
    const auto lineEdits = findChildren<QLineEdit *>();
    for (QLineEdit *edit : lineEdits)
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditor::changed);
    const auto spinBoxes = findChildren<QSpinBox *>();
    for (QSpinBox *box : spinBoxes)
        connect(box, &QSpinBox::valueChanged, this, &ProfileEditor::changed);
    const auto checkBoxes = findChildren<QCheckBox *>();
    for (QCheckBox *box : checkBoxes)
        connect(box, &QCheckBox::toggled, this, &ProfileEditor::changed);
    const auto comboBoxes = findChildren<QComboBox *>();
    for (QComboBox *box : comboBoxes)
        connect(box, &QComboBox::currentIndexChanged, this, &ProfileEditor::changed);
    for (QLineEdit *secret : {m_password, m_keyPassphrase, m_pkcs12Passphrase}) {
        connect(secret, &QLineEdit::textEdited, this, [this] { m_secretsEdited = true; });
        new RevealSecretAction(secret);
    }
    const auto secretEdited = [this] { m_secretsEdited = true; };
    connect(m_webSocketHeaders, &WebSocketHeadersEditor::changed, this, &ProfileEditor::changed);
    connect(m_webSocketHeaders, &WebSocketHeadersEditor::secretEdited, this, secretEdited);
    connect(m_sasToken, &SasTokenEditor::changed, this, &ProfileEditor::changed);
    connect(m_sasToken, &SasTokenEditor::secretEdited, this, secretEdited);
    // A SAS token is the password: one typed as well would not be sent.
    connect(m_sasToken, &SasTokenEditor::changed, this,
            [this] { m_password->setEnabled(m_sasToken->lifetime() == 0); });
    // transportChanged() sets the port with its signals blocked, so this is the user's choice.
    connect(m_port, &QSpinBox::valueChanged, this, [this] { m_portChosen = true; });
    connect(m_webSocketPath, &QLineEdit::textEdited, this, [this] { m_pathChosen = true; });
    setProfile(ConnectionProfile{});
}

FieldMessage *ProfileEditor::messageLabel(ProfileField field)
{
    auto *label = new FieldMessage(this);
    m_messages.insert(field, label);
    return label;
}

QWidget *ProfileEditor::withFileButton(QLineEdit *edit, const QString &title)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QToolButton(row);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const QString file = QFileDialog::getOpenFileName(this, title, edit->text());
        if (!file.isEmpty())
            edit->setText(file);
    });
    layout->addWidget(browse);
    return row;
}

QWidget *ProfileEditor::createConnectionPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_name = new QLineEdit(page);
    m_name->setObjectName(u"profileName"_s);
    m_folder = new QComboBox(page);
    m_folder->setEditable(true);
    m_folder->setToolTip(tr("Profiles with the same folder are listed together"));
    m_tags = new QLineEdit(page);
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. production, tls"));
    m_transport = new QComboBox(page);
    m_transport->setObjectName(u"profileTransport"_s);
    m_transport->addItem(tr("TCP (mqtt://)"), int(TransportKind::Tcp));
    m_transport->addItem(tr("TLS (mqtts://)"), int(TransportKind::Tls));
    m_transport->addItem(tr("WebSocket (ws://)"), int(TransportKind::WebSocket));
    m_transport->addItem(tr("Secure WebSocket (wss://)"), int(TransportKind::SecureWebSocket));
    m_host = new QLineEdit(page);
    m_host->setObjectName(u"profileHost"_s);
    m_port = spinBox(1, 65535, {}, page);
    m_port->setObjectName(u"profilePort"_s);
    m_webSocketPath = new QLineEdit(page);
    m_webSocketPath->setObjectName(u"profileWebSocketPath"_s);
    m_webSocketHeaders = new WebSocketHeadersEditor(page);
    m_version = new QComboBox(page);
    m_version->addItem(tr("Automatic (5.0, else 3.1.1)"), int(VersionChoice::Auto));
    m_version->addItem(tr("MQTT 5.0"), int(VersionChoice::V5));
    m_version->addItem(tr("MQTT 3.1.1"), int(VersionChoice::V311));
    m_version->addItem(tr("MQTT 3.1"), int(VersionChoice::V31));
    m_clientId = new QLineEdit(page);
    m_clientId->setPlaceholderText(tr("Empty: the broker assigns one"));
    auto *randomId = new QPushButton(tr("Random"), page);
    randomId->setObjectName(u"randomClientId"_s);
    connect(randomId, &QPushButton::clicked, this,
            [this] { m_clientId->setText(randomClientId()); });
    auto *clientIdRow = new QHBoxLayout;
    clientIdRow->addWidget(m_clientId, 1);
    clientIdRow->addWidget(randomId);
    m_username = new QLineEdit(page);
    m_password = new QLineEdit(page);
    m_password->setObjectName(u"profilePassword"_s);
    m_password->setToolTip(tr("Kept in the system keychain, never in the profile file"));
    m_sasToken = new SasTokenEditor(page);
    m_keepAlive = spinBox(0, 65535, tr("off"), page);
    m_keepAlive->setSuffix(tr(" s"));
    m_cleanStart = new QCheckBox(tr("Start a new session (clean start)"), page);
    m_sessionExpiry = spinBox(0, std::numeric_limits<int>::max(), tr("with the connection"), page);
    m_sessionExpiry->setSuffix(tr(" s"));
    m_autoReconnect = new QCheckBox(tr("Reconnect automatically"), page);
    m_maximumInflight = spinBox(0, 65535, tr("no limit"), page);
    m_maximumInflight->setObjectName(u"profileMaximumInflight"_s);
    m_maximumInflight->setToolTip(
        tr("How many QoS 1 and 2 messages may await their acknowledgement at once; the others wait "
           "their turn, in order. MQTT 3.1.1 brokers cannot announce a limit, and one beyond its "
           "own (mosquitto: 20) may acknowledge a QoS 2 message and drop it. With MQTT 5 the "
           "broker's receive maximum applies as well."));

    form->addRow(tr("Name:"), m_name);
    form->addRow(messageLabel(ProfileField::Name));
    form->addRow(tr("Folder:"), m_folder);
    form->addRow(tr("Tags:"), m_tags);
    form->addRow(tr("Transport:"), m_transport);
    form->addRow(tr("Host:"), m_host);
    form->addRow(messageLabel(ProfileField::Host));
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("WebSocket path:"), m_webSocketPath);
    form->addRow(messageLabel(ProfileField::WebSocketPath));
    form->addRow(tr("WebSocket headers:"), m_webSocketHeaders);
    form->addRow(tr("MQTT version:"), m_version);
    form->addRow(tr("Client id:"), clientIdRow);
    form->addRow(messageLabel(ProfileField::ClientId));
    form->addRow(tr("Username:"), m_username);
    form->addRow(tr("Password:"), m_password);
    form->addRow(QString(), m_sasToken);
    form->addRow(tr("Keepalive:"), m_keepAlive);
    form->addRow(tr("Messages in flight:"), m_maximumInflight);
    form->addRow(QString(), m_cleanStart);
    form->addRow(tr("Session expiry:"), m_sessionExpiry);
    form->addRow(QString(), m_autoReconnect);
    connect(m_transport, &QComboBox::currentIndexChanged, this, &ProfileEditor::transportChanged);
    return page;
}

QWidget *ProfileEditor::createTlsPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_caFile = new QLineEdit(page);
    m_caFile->setObjectName(u"profileCaFile"_s);
    m_caFile->setPlaceholderText(tr("Empty: the system's trusted authorities"));
    m_certFile = new QLineEdit(page);
    m_keyFile = new QLineEdit(page);
    m_keyPassphrase = new QLineEdit(page);
    m_keyPassphrase->setObjectName(u"profileKeyPassphrase"_s);
    m_pkcs12File = new QLineEdit(page);
    m_pkcs12Passphrase = new QLineEdit(page);
    m_pkcs12Passphrase->setObjectName(u"profilePkcs12Passphrase"_s);
    m_verifyPeer = new QCheckBox(tr("Verify the broker's certificate and host name"), page);
    m_verifyPeer->setObjectName(u"profileVerifyPeer"_s);
    m_verifyWarning = new FieldMessage(page);
    m_verifyWarning->setObjectName(u"verifyPeerWarning"_s);
    m_alpn = new QLineEdit(page);
    m_alpn->setPlaceholderText(tr("Comma-separated, e.g. mqtt"));

    form->addRow(tr("CA certificates:"), withFileButton(m_caFile, tr("CA certificates (PEM)")));
    form->addRow(messageLabel(ProfileField::CaFile));
    form->addRow(tr("Client certificate:"),
                 withFileButton(m_certFile, tr("Client certificate (PEM)")));
    form->addRow(messageLabel(ProfileField::CertFile));
    form->addRow(tr("Client key:"), withFileButton(m_keyFile, tr("Client key (PEM)")));
    form->addRow(messageLabel(ProfileField::KeyFile));
    form->addRow(tr("Key passphrase:"), m_keyPassphrase);
    form->addRow(tr("PKCS#12 bundle:"),
                 withFileButton(m_pkcs12File, tr("Client certificate and key (PKCS#12)")));
    form->addRow(messageLabel(ProfileField::Pkcs12File));
    form->addRow(tr("PKCS#12 passphrase:"), m_pkcs12Passphrase);
    form->addRow(QString(), m_verifyPeer);
    form->addRow(m_verifyWarning);
    form->addRow(tr("ALPN protocols:"), m_alpn);
    connect(m_verifyPeer, &QCheckBox::toggled, this, &ProfileEditor::updateVerifyWarning);
    return page;
}

QWidget *ProfileEditor::createWillPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_willEnabled = new QCheckBox(tr("Send a last will when the connection is lost"), page);
    m_willTopic = new QLineEdit(page);
    m_willTopic->setObjectName(u"willTopic"_s);
    m_willPayload = new QLineEdit(page);
    m_willQos = new QComboBox(page);
    for (int qos = 0; qos <= 2; ++qos)
        m_willQos->addItem(tr("QoS %1").arg(qos), qos);
    m_willRetain = new QCheckBox(tr("Retain"), page);
    m_willDelay = spinBox(0, std::numeric_limits<int>::max(), tr("none"), page);
    m_willDelay->setSuffix(tr(" s"));
    m_willExpiry = spinBox(0, std::numeric_limits<int>::max(), tr("never"), page);
    m_willExpiry->setSuffix(tr(" s"));
    m_willContentType = new QLineEdit(page);
    m_willUtf8 = new QCheckBox(tr("Payload is UTF-8 text"), page);

    form->addRow(m_willEnabled);
    form->addRow(tr("Topic:"), m_willTopic);
    form->addRow(messageLabel(ProfileField::WillTopic));
    form->addRow(tr("Payload:"), m_willPayload);
    form->addRow(tr("QoS:"), m_willQos);
    form->addRow(QString(), m_willRetain);
    form->addRow(tr("Delay (5.0):"), m_willDelay);
    form->addRow(tr("Message expiry (5.0):"), m_willExpiry);
    form->addRow(tr("Content type (5.0):"), m_willContentType);
    form->addRow(QString(), m_willUtf8);
    return page;
}

QWidget *ProfileEditor::createMqtt5Page()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_receiveMaximum = spinBox(0, 65535, tr("broker default"), page);
    m_maximumPacketSize = spinBox(0, std::numeric_limits<int>::max(), tr("no limit"), page);
    m_maximumPacketSize->setSuffix(tr(" bytes"));
    m_topicAliasMaximum = spinBox(0, 65535, tr("none"), page);
    m_requestResponseInformation = new QCheckBox(tr("Request response information"), page);
    m_requestProblemInformation = new QCheckBox(tr("Request problem information"), page);
    m_userProperties = new UserPropertiesEditor(page);
    form->addRow(tr("Receive maximum:"), m_receiveMaximum);
    form->addRow(tr("Maximum packet size:"), m_maximumPacketSize);
    form->addRow(tr("Topic alias maximum:"), m_topicAliasMaximum);
    form->addRow(QString(), m_requestResponseInformation);
    form->addRow(QString(), m_requestProblemInformation);
    form->addRow(tr("User properties:"), m_userProperties);
    return page;
}

QWidget *ProfileEditor::createSubscriptionsPage()
{
    auto *page = new QWidget(this);
    m_subscriptions = new QTableWidget(0, 5, page);
    m_subscriptions->setObjectName(u"profileSubscriptions"_s);
    m_subscriptions->setHorizontalHeaderLabels({tr("Filter"), tr("QoS"), tr("No local"),
                                                tr("Retain as published"),
                                                tr("Retained messages")});
    m_subscriptions->horizontalHeader()->setSectionResizeMode(FilterColumn, QHeaderView::Stretch);
    m_subscriptions->verticalHeader()->hide();
    auto *add = new QPushButton(tr("Add"), page);
    auto *remove = new QPushButton(tr("Remove"), page);
    connect(add, &QPushButton::clicked, this, [this] {
        addSubscriptionRow(Subscription{});
        m_subscriptions->editItem(
            m_subscriptions->item(m_subscriptions->rowCount() - 1, FilterColumn));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_subscriptions->currentRow() >= 0)
            m_subscriptions->removeRow(m_subscriptions->currentRow());
        emit changed();
    });
    connect(m_subscriptions, &QTableWidget::itemChanged, this, &ProfileEditor::changed);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_subscriptions, 1);
    layout->addWidget(messageLabel(ProfileField::Subscriptions));
    layout->addLayout(buttons);
    return page;
}

QWidget *ProfileEditor::createHistoryPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_historyPerTopic = spinBox(1, 1000000, {}, page);
    m_historyPerTopic->setSuffix(tr(" messages"));
    m_historyBudgetMiB = spinBox(1, 1024 * 1024, {}, page);
    m_historyBudgetMiB->setSuffix(tr(" MiB"));
    form->addRow(tr("Messages kept per topic:"), m_historyPerTopic);
    form->addRow(tr("Memory for the history:"), m_historyBudgetMiB);
    return page;
}

void ProfileEditor::addSubscriptionRow(const Subscription &subscription)
{
    const QSignalBlocker blocker(m_subscriptions); // the row is incomplete until the end
    const int row = m_subscriptions->rowCount();
    m_subscriptions->insertRow(row);
    m_subscriptions->setItem(row, FilterColumn, new QTableWidgetItem(subscription.filter));
    auto *qos = new QComboBox(m_subscriptions);
    qos->addItems({u"0"_s, u"1"_s, u"2"_s});
    qos->setCurrentIndex(subscription.qos);
    m_subscriptions->setCellWidget(row, QosColumn, qos);
    for (auto [column, on] : {std::pair{NoLocalColumn, subscription.noLocal},
                              std::pair{RetainAsPublishedColumn, subscription.retainAsPublished}}) {
        auto *item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        m_subscriptions->setItem(row, column, item);
    }
    auto *handling = new QComboBox(m_subscriptions);
    handling->addItem(tr("Send"), int(RetainHandling::SendAtSubscribe));
    handling->addItem(tr("Send if new"), int(RetainHandling::SendAtSubscribeIfNew));
    handling->addItem(tr("Do not send"), int(RetainHandling::DoNotSend));
    handling->setCurrentIndex(handling->findData(int(subscription.retainHandling)));
    m_subscriptions->setCellWidget(row, RetainHandlingColumn, handling);
}

void ProfileEditor::setFolders(const QStringList &folders)
{
    const QString current = m_folder->currentText();
    m_folder->clear();
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->setCurrentText(current);
}

void ProfileEditor::setProfile(const ConnectionProfile &p)
{
    const QSignalBlocker blocker(this); // one profile replaced by another is not an edit
    m_profile = p;
    m_name->setText(p.name);
    m_folder->setCurrentText(p.folder);
    m_tags->setText(p.tags.join(u", "_s));
    m_transport->setCurrentIndex(m_transport->findData(int(p.transport)));
    m_host->setText(p.host);
    m_port->setValue(p.port);
    m_webSocketPath->setText(p.webSocketPath);
    m_webSocketHeaders->setHeaders(p.webSocketHeaders);
    m_sasToken->setLifetime(p.sasTokenLifetimeSeconds);
    m_sasToken->setKey({}); // known after setSecrets(), like the password
    m_version->setCurrentIndex(m_version->findData(int(p.version)));
    m_clientId->setText(p.clientId);
    m_username->setText(p.username);
    m_password->clear();
    m_password->setPlaceholderText(p.hasPassword ? tr("Stored in the keychain") : QString());
    m_proxy->setProxy(p.proxy);
    m_keepAlive->setValue(p.keepAliveSeconds);
    m_cleanStart->setChecked(p.cleanStart);
    m_sessionExpiry->setValue(
        int(qMin<quint32>(p.sessionExpiryInterval, std::numeric_limits<int>::max())));
    m_autoReconnect->setChecked(p.autoReconnect);
    m_maximumInflight->setValue(p.maximumInflight);

    m_caFile->setText(p.caFile);
    m_certFile->setText(p.certFile);
    m_keyFile->setText(p.keyFile);
    m_pkcs12File->setText(p.pkcs12File);
    m_keyPassphrase->clear();
    m_pkcs12Passphrase->clear();
    m_verifyPeer->setChecked(p.verifyPeer);
    m_alpn->setText(p.alpn.join(u", "_s));

    m_willEnabled->setChecked(p.will.enabled);
    m_willTopic->setText(p.will.topic);
    m_loadedWillPayload = p.will.payload;
    m_willPayload->setText(QString::fromUtf8(p.will.payload));
    m_willQos->setCurrentIndex(p.will.qos);
    m_willRetain->setChecked(p.will.retain);
    m_willDelay->setValue(int(p.will.delayInterval.value_or(0)));
    m_willExpiry->setValue(int(p.will.messageExpiryInterval.value_or(0)));
    m_willContentType->setText(p.will.contentType);
    m_willUtf8->setChecked(p.will.payloadIsUtf8);

    m_receiveMaximum->setValue(p.receiveMaximum.value_or(0));
    m_maximumPacketSize->setValue(
        int(qMin<quint32>(p.maximumPacketSize.value_or(0), std::numeric_limits<int>::max())));
    m_topicAliasMaximum->setValue(p.topicAliasMaximum.value_or(0));
    m_requestResponseInformation->setChecked(p.requestResponseInformation);
    m_requestProblemInformation->setChecked(p.requestProblemInformation);
    m_userProperties->setProperties(p.userProperties);

    m_subscriptions->setRowCount(0);
    for (const Subscription &s : p.subscriptions)
        addSubscriptionRow(s);

    m_mutedTopics->setPatterns(p.mutedTopics);
    m_historyPerTopic->setValue(p.historyMessagesPerTopic);
    m_historyBudgetMiB->setValue(int(qMax<qint64>(1, p.historyByteBudget / (1024 * 1024))));
    m_formats->setFromProfile(p);

    m_secretsEdited = false;
    const auto reveals = findChildren<RevealSecretAction *>();
    for (RevealSecretAction *reveal : reveals)
        reveal->setChecked(false); // another profile's secrets start hidden again
    m_portChosen = p.port != Endpoint::defaultPort(p.transport);
    m_pathChosen =
        !p.webSocketPath.isEmpty() && p.webSocketPath != ConnectionProfile::defaultWebSocketPath();
    transportChanged();
    updateVerifyWarning();
    for (FieldMessage *message : std::as_const(m_messages))
        message->clearMessage();
    for (int page = 0; page < m_pages->count(); ++page)
        m_pages->setPageFlagged(page, false);
}

ConnectionProfile ProfileEditor::profile() const
{
    ConnectionProfile p = m_profile;
    p.name = m_name->text().trimmed();
    p.folder = m_folder->currentText().trimmed();
    p.tags = splitList(m_tags->text());
    p.transport = TransportKind(m_transport->currentData().toInt());
    p.host = m_host->text().trimmed();
    p.port = quint16(m_port->value());
    p.webSocketPath = m_webSocketPath->text();
    p.webSocketHeaders = m_webSocketHeaders->headers();
    p.sasTokenLifetimeSeconds = m_sasToken->lifetime();
    p.version = VersionChoice(m_version->currentData().toInt());
    p.clientId = m_clientId->text();
    p.username = m_username->text();
    p.proxy = m_proxy->proxy();
    if (m_secretsEdited) {
        p.hasPassword = !m_password->text().isEmpty();
        p.proxy.hasPassword = !m_proxy->password().isEmpty();
    }
    p.keepAliveSeconds = quint16(m_keepAlive->value());
    p.cleanStart = m_cleanStart->isChecked();
    p.sessionExpiryInterval = quint32(m_sessionExpiry->value());
    p.autoReconnect = m_autoReconnect->isChecked();
    p.maximumInflight = quint16(m_maximumInflight->value());

    p.caFile = m_caFile->text().trimmed();
    p.certFile = m_certFile->text().trimmed();
    p.keyFile = m_keyFile->text().trimmed();
    p.pkcs12File = m_pkcs12File->text().trimmed();
    p.verifyPeer = m_verifyPeer->isChecked();
    p.alpn = splitList(m_alpn->text());

    p.will.enabled = m_willEnabled->isChecked();
    p.will.topic = m_willTopic->text();
    // A payload that is not UTF-8 shows with replacement characters; unless the user changed the
    // text, the bytes saved are the bytes loaded.
    const bool payloadEdited = m_willPayload->text() != QString::fromUtf8(m_loadedWillPayload);
    p.will.payload = payloadEdited ? m_willPayload->text().toUtf8() : m_loadedWillPayload;
    p.will.qos = quint8(m_willQos->currentIndex());
    p.will.retain = m_willRetain->isChecked();
    p.will.delayInterval = optionalValue<quint32>(m_willDelay);
    p.will.messageExpiryInterval = optionalValue<quint32>(m_willExpiry);
    p.will.contentType = m_willContentType->text();
    p.will.payloadIsUtf8 = m_willUtf8->isChecked();

    p.receiveMaximum = optionalValue<quint16>(m_receiveMaximum);
    p.maximumPacketSize = optionalValue<quint32>(m_maximumPacketSize);
    p.topicAliasMaximum = optionalValue<quint16>(m_topicAliasMaximum);
    p.requestResponseInformation = m_requestResponseInformation->isChecked();
    p.requestProblemInformation = m_requestProblemInformation->isChecked();
    p.userProperties = m_userProperties->properties();

    p.subscriptions.clear();
    for (int row = 0; row < m_subscriptions->rowCount(); ++row) {
        const QTableWidgetItem *filter = m_subscriptions->item(row, FilterColumn);
        if (!filter || filter->text().isEmpty())
            continue;
        const auto *qos = static_cast<QComboBox *>(m_subscriptions->cellWidget(row, QosColumn));
        const auto *handling =
            static_cast<QComboBox *>(m_subscriptions->cellWidget(row, RetainHandlingColumn));
        p.subscriptions.append(Subscription{
            .filter = filter->text(),
            .qos = quint8(qos->currentIndex()),
            .noLocal = m_subscriptions->item(row, NoLocalColumn)->checkState() == Qt::Checked,
            .retainAsPublished =
                m_subscriptions->item(row, RetainAsPublishedColumn)->checkState() == Qt::Checked,
            .retainHandling = RetainHandling(handling->currentData().toInt())});
    }

    p.mutedTopics = m_mutedTopics->patterns();
    p.historyMessagesPerTopic = m_historyPerTopic->value();
    p.historyByteBudget = qint64(m_historyBudgetMiB->value()) * 1024 * 1024;
    m_formats->applyTo(&p);
    return p;
}

void ProfileEditor::setSecrets(const ProfileSecrets &secrets)
{
    m_password->setText(QString::fromUtf8(secrets.password.value_or(QByteArray())));
    m_keyPassphrase->setText(QString::fromUtf8(secrets.keyPassphrase));
    m_pkcs12Passphrase->setText(QString::fromUtf8(secrets.pkcs12Passphrase));
    m_proxy->setPassword(secrets.proxyPassword);
    m_webSocketHeaders->setSecretValues(secrets.webSocketHeaders);
    m_sasToken->setKey(secrets.sasKey);
    m_secretsEdited = false;
}

ProfileSecrets ProfileEditor::secrets() const
{
    ProfileSecrets s;
    if (!m_password->text().isEmpty())
        s.password = m_password->text().toUtf8();
    s.keyPassphrase = m_keyPassphrase->text().toUtf8();
    s.pkcs12Passphrase = m_pkcs12Passphrase->text().toUtf8();
    if (!m_proxy->password().isEmpty())
        s.proxyPassword = m_proxy->password();
    s.webSocketHeaders = m_webSocketHeaders->secretValues();
    s.sasKey = m_sasToken->key();
    return s;
}

bool ProfileEditor::validate()
{
    const auto problems = profileProblems(profile());
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it)
        it.value()->showMessage(problems.value(it.key()));
    const bool formatsUsable = m_formats->validate();
    // A problem on a page out of sight must still be findable: its entry is marked.
    QSet<int> flagged;
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        if (problems.contains(it.key()))
            flagged.insert(m_pages->pageOf(it.value()));
    }
    if (!formatsUsable)
        flagged.insert(m_pages->pageOf(m_formats));
    for (int page = 0; page < m_pages->count(); ++page)
        m_pages->setPageFlagged(page, flagged.contains(page));
    return problems.isEmpty() && formatsUsable;
}

QString ProfileEditor::messageFor(ProfileField field) const
{
    const FieldMessage *message = m_messages.value(field);
    return message && !message->isHidden() ? message->text() : QString();
}

void ProfileEditor::transportChanged()
{
    const auto kind = TransportKind(m_transport->currentData().toInt());
    const bool webSocket =
        kind == TransportKind::WebSocket || kind == TransportKind::SecureWebSocket;
    m_webSocketPath->setEnabled(webSocket);
    m_webSocketHeaders->setEnabled(webSocket);
    if (!m_portChosen) {
        const QSignalBlocker blocker(m_port);
        m_port->setValue(Endpoint::defaultPort(kind));
    }
    if (webSocket && !m_pathChosen)
        m_webSocketPath->setText(ConnectionProfile::defaultWebSocketPath());
    const bool tls = kind == TransportKind::Tls || kind == TransportKind::SecureWebSocket;
    m_pages->setPageEnabled(1, tls);
    updateVerifyWarning();
}

void ProfileEditor::updateVerifyWarning()
{
    const auto kind = TransportKind(m_transport->currentData().toInt());
    const bool tls = kind == TransportKind::Tls || kind == TransportKind::SecureWebSocket;
    if (tls && !m_verifyPeer->isChecked())
        m_verifyWarning->showMessage(
            tr("Without verification anyone between you and the broker can read and "
               "change the traffic, including the password."),
            FieldMessage::Kind::Warning);
    else
        m_verifyWarning->clearMessage();
}

} // namespace mqttscope
