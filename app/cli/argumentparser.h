// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "subcommandoptions.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mqttscope::cli {

// Turns `mqttscope-cli sub|pub ARGS...` into SubcommandOptions with mosquitto_sub/_pub's flags,
// defaults, checks and error words, so that scripts can swap one for the other. Differences:
// -V auto is the default, -L also takes ws:// and wss://, and --key-passphrase, --pkcs12 and
// --json are ours.
class ArgumentParser
{
public:
    // `arguments` without the program name: {"sub", "-t", "a/#", "-v"}. On failure returns
    // nullopt and sets *error to one line naming the bad argument (without "Error: ").
    static std::optional<SubcommandOptions> parse(const QStringList &arguments, QString *error);

private:
    explicit ArgumentParser(const QStringList &arguments);
    bool run();
    bool parseOne(const QString &argument);
    bool parseConnectionOption(const QString &argument, bool *handled);
    bool parseTlsOption(const QString &argument, bool *handled);
    bool parseSubOption(const QString &argument, bool *handled);
    bool parsePubOption(const QString &argument, bool *handled);
    bool parseProperty();
    bool applyUrl(const QString &url);
    bool finish();
    bool finishEndpoint();
    bool finishSession();
    bool finishWill();
    bool finishSub();
    bool finishPub();

    // The value after the current option; false with an error when there is none.
    bool takeValue(const QString &option, QString *value);
    bool takeNumber(const QString &option, qint64 minimum, qint64 maximum, const QString &problem,
                    qint64 *value);
    bool setSource(MessageSource source);
    bool fail(const QString &message);

    QStringList m_arguments;
    qsizetype m_index = 0;
    SubcommandOptions m_options;
    QString m_error;

    bool m_versionGiven = false;
    bool m_portGiven = false;
    bool m_urlGiven = false;
    bool m_tlsRequested = false;
    bool m_sessionExpiryGiven = false;
    bool m_hasProperties = false;
    QString m_idPrefix;
    bool m_idGiven = false;
    std::optional<QString> m_willTopic;
    QByteArray m_willPayload;
    qint64 m_willQos = -1;
    bool m_willRetain = false;
};

} // namespace mqttscope::cli
