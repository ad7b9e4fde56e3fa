// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/connectionpreset.h"

#include "profiles/profileslog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

using Kind = PresetField::Kind;

constexpr std::array kindNames{
    std::pair{Kind::Text, "text"},
    std::pair{Kind::Number, "number"},
    std::pair{Kind::File, "file"},
    std::pair{Kind::Secret, "secret"},
};

std::optional<Kind> kindFromName(const QString &name)
{
    if (name.isEmpty())
        return Kind::Text;
    for (const auto &[kind, text] : kindNames) {
        if (name == QLatin1StringView(text))
            return kind;
    }
    return std::nullopt;
}

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(u"\\{([A-Za-z][A-Za-z0-9]*)\\}"_s);
    return pattern;
}

// Every placeholder key in the strings of `value`, at any depth.
void collectPlaceholders(const QJsonValue &value, QStringList *keys)
{
    if (value.isString()) {
        auto matches = placeholderPattern().globalMatch(value.toString());
        while (matches.hasNext())
            keys->append(matches.next().captured(1));
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            collectPlaceholders(item, keys);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue &item : object)
            collectPlaceholders(item, keys);
    }
}

using Values = QHash<QString, std::pair<QString, Kind>>;

// One pass over the text, so that a value holding "{x}" is never substituted again.
QString substituteText(const QString &text, const Values &values)
{
    QString result;
    qsizetype done = 0;
    auto matches = placeholderPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        result.append(QStringView(text).sliced(done, match.capturedStart() - done));
        result += values.value(match.captured(1)).first;
        done = match.capturedEnd();
    }
    result.append(QStringView(text).sliced(done));
    return result;
}

QJsonValue substitute(const QJsonValue &value, const Values &values)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = substitute(array.at(i), values);
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = substitute(it.value(), values);
        return object;
    }
    if (!value.isString())
        return value;
    const QString text = value.toString();
    const QRegularExpressionMatch whole = placeholderPattern().match(text);
    if (whole.hasMatch() && whole.capturedLength() == text.size()) {
        const auto [replacement, kind] = values.value(whole.captured(1));
        if (kind == Kind::Number)
            return replacement.toLongLong();
    }
    return substituteText(text, values);
}

std::optional<PresetField> fieldFromJson(const QJsonObject &json, QString *error)
{
    PresetField field;
    field.key = json.value("key"_L1).toString();
    field.prompt = json.value("prompt"_L1).toString();
    field.example = json.value("example"_L1).toString();
    field.defaultValue = json.value("default"_L1).toString();
    const std::optional<Kind> kind = kindFromName(json.value("kind"_L1).toString());
    if (field.key.isEmpty() || field.prompt.isEmpty() || !kind) {
        *error = u"a field needs a key, a prompt and a known kind: %1"_s.arg(
            QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
        return std::nullopt;
    }
    field.kind = *kind;
    return field;
}

ProfileSecrets secretsFromJson(const QJsonObject &json)
{
    ProfileSecrets secrets;
    if (json.contains("password"_L1))
        secrets.password = json.value("password"_L1).toString().toUtf8();
    secrets.keyPassphrase = json.value("keyPassphrase"_L1).toString().toUtf8();
    secrets.sasKey = json.value("sasKey"_L1).toString().toUtf8();
    const QJsonObject headers = json.value("webSocketHeaders"_L1).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        secrets.webSocketHeaders.insert(it.key(), it.value().toString().toUtf8());
    return secrets;
}

} // namespace

QList<ConnectionPreset> ConnectionPreset::builtIn()
{
    QList<ConnectionPreset> presets;
    const QDir dir(u":/presets"_s);
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        QFile f(dir.filePath(file));
        QString error;
        std::optional<ConnectionPreset> preset;
        if (f.open(QIODevice::ReadOnly)) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
            error = parseError.errorString();
            if (doc.isObject())
                preset = fromJson(file.chopped(5), doc.object(), &error);
        }
        if (preset)
            presets.append(std::move(*preset));
        else
            qCWarning(lcProfiles) << "preset" << file << "left out:" << error;
    }
    std::stable_sort(presets.begin(), presets.end(),
                     [](const auto &a, const auto &b) { return a.m_order < b.m_order; });
    return presets;
}

std::optional<ConnectionPreset> ConnectionPreset::fromJson(const QString &id,
                                                           const QJsonObject &json, QString *error)
{
    ConnectionPreset preset;
    preset.m_id = id;
    preset.m_name = json.value("name"_L1).toString();
    preset.m_description = json.value("description"_L1).toString();
    preset.m_order = json.value("order"_L1).toInt();
    preset.m_profile = json.value("profile"_L1).toObject();
    preset.m_secrets = json.value("secrets"_L1).toObject();
    if (preset.m_name.isEmpty() || preset.m_profile.isEmpty()) {
        *error = u"a preset needs a name and a profile"_s;
        return std::nullopt;
    }
    QStringList keys;
    const QJsonArray fields = json.value("fields"_L1).toArray();
    for (const QJsonValue &item : fields) {
        std::optional<PresetField> field = fieldFromJson(item.toObject(), error);
        if (!field)
            return std::nullopt;
        keys.append(field->key);
        preset.m_fields.append(std::move(*field));
    }
    QStringList used;
    collectPlaceholders(preset.m_profile, &used);
    collectPlaceholders(preset.m_secrets, &used);
    for (const QString &key : std::as_const(used)) {
        if (!keys.contains(key)) {
            *error = u"the placeholder {%1} names no field"_s.arg(key);
            return std::nullopt;
        }
    }
    return preset;
}

QStringList ConnectionPreset::missing(const QHash<QString, QString> &values) const
{
    QStringList prompts;
    for (const PresetField &field : m_fields) {
        if (values.value(field.key).trimmed().isEmpty() && field.defaultValue.isEmpty())
            prompts.append(field.prompt);
    }
    return prompts;
}

ConnectionPreset::Filled ConnectionPreset::fill(const QHash<QString, QString> &values) const
{
    Values resolved;
    for (const PresetField &field : m_fields) {
        QString value = values.value(field.key);
        // A secret is taken as typed; a pasted host or id loses the blanks around it.
        if (field.kind != Kind::Secret)
            value = value.trimmed();
        resolved.insert(field.key, {value.isEmpty() ? field.defaultValue : value, field.kind});
    }
    Filled filled;
    filled.profile = ConnectionProfile::fromJson(substitute(m_profile, resolved).toObject());
    filled.profile.id = QUuid::createUuid();
    filled.secrets = secretsFromJson(substitute(m_secrets, resolved).toObject());
    if (filled.secrets.password)
        filled.profile.hasPassword = true;
    return filled;
}

} // namespace mqttscope
