// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "optionspec.h"
#include "subcommandoptions.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <span>

namespace mqttscope::cli {

// Turns `mqttscope-cli sub|pub ARGS...` into SubcommandOptions with mosquitto_sub/_pub's flags,
// defaults, checks and error words, so that scripts can swap one for the other. Differences:
// -V auto is the default, -L also takes ws:// and wss://, and --key-passphrase, --pkcs12 and
// --json are ours. `replay FILE` is ours too; it takes the same connection options.
class ArgumentParser
{
public:
    // `arguments` without the program name: {"sub", "-t", "a/#", "-v"}. On failure returns
    // nullopt and sets *error to one line naming the bad argument (without "Error: ").
    static std::optional<SubcommandOptions> parse(const QStringList &arguments, QString *error);

    // Every option of `sub`, `pub` and `replay`, in the order the help text lists them
    // (optiontable.cpp).
    static std::span<const OptionSpec> options();
    // The option `argument` names in `subcommand`, or null when there is none.
    static const OptionSpec *findOption(QStringView argument, Subcommand subcommand);

private:
    // The rows of options(); their handlers set the members below.
    static const OptionSpec s_options[];

    static QString tr(const char *text);

    explicit ArgumentParser(const QStringList &arguments);
    bool run();
    bool parseOne(const QString &argument);
    bool finish();
    bool finishEndpoint();
    bool finishSession();
    bool finishWill();
    bool finishSub();
    bool finishPub();
    bool finishReplay();
    bool finishImport();

    // What the handlers share.
    ClientOptions &client() { return m_options.client; }
    TlsOptions &tls() { return m_options.client.endpoint.tls; }
    // The next argument, as a further value of the current option; false with an error when
    // there is none.
    bool takeValue(QString *value);
    // `value` as a number from minimum to maximum into `target`, else fails with `problem`
    // (its %1 is the value).
    template<typename Number>
    void setNumber(const QString &value, qint64 minimum, qint64 maximum, const QString &problem,
                   Number &target);
    // --cafile, --capath, --cert, --pkcs12: each asks for TLS.
    void setTlsFile(QString TlsOptions::*field, const QString &path);
    void setVersion(const QString &value);
    void setSessionExpiry(const QString &value);
    void setOutput(OutputMode output);
    void setSource(MessageSource source);
    void setSpeed(const QString &value);
    void setRewrite(const QString &rule);
    bool takeRecordingFile(const QString &argument);
    bool takeImportFile(const QString &argument);
    void setImportFormat(const QString &format);
    void applyUrl(const QString &url);
    void setProxy(const QString &url);
    void applyProperty(const QString &command);
    bool fail(const QString &message);

    QStringList m_arguments;
    qsizetype m_index = 0;
    QString m_option; // the option being parsed, as given: "-t" or "--topic"
    SubcommandOptions m_options;
    QString m_error;

    bool m_versionGiven = false;
    bool m_portGiven = false;
    bool m_urlGiven = false;
    bool m_tlsRequested = false;
    bool m_sessionExpiryGiven = false;
    bool m_hasProperties = false;
    bool m_qosGiven = false;
    bool m_speedGiven = false;
    QString m_idPrefix;
    bool m_idGiven = false;
    std::optional<QString> m_willTopic;
    QByteArray m_willPayload;
    qint64 m_willQos = -1;
    bool m_willRetain = false;
};

template<typename Number>
void ArgumentParser::setNumber(const QString &value, qint64 minimum, qint64 maximum,
                               const QString &problem, Number &target)
{
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (ok && number >= minimum && number <= maximum)
        target = Number(number);
    else
        fail(problem.contains(QLatin1StringView("%1")) ? problem.arg(value) : problem);
}

} // namespace mqttscope::cli
