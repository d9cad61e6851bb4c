#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <climits>
#include <optional>

#include "recipe.h"
#include "recipenames.h"

// Internal to pixelmill_core: reads the keys of a recipe, or of one of its steps, with their
// types. A missing key keeps the default unless `required`; a present one must have the right
// type, else error() names it, with `prefix` ("steps[2].") in front. The first failure wins.

// "Quality must be ...", "Operation 3 \"degrees\" must be ...": a FieldError for people.
QString sentenceFor(const FieldError &error);

// A JSON value as it appears in an error: short, and never the whole of a long string.
QString describeJsonValue(const QJsonValue &value);

class FieldReader
{
public:
    FieldReader(const QJsonObject &json, bool required, QString prefix = {})
        : m_json(json), m_required(required), m_prefix(std::move(prefix))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    const std::optional<FieldError> &error() const { return m_error; }
    bool has(const char *key) const { return m_json.contains(QLatin1String(key)); }

    void readInt(const char *key, int *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return;
        const double number = value.toDouble();
        // Range first: casting a double outside int's range is undefined.
        if (!value.isDouble() || !(number >= INT_MIN && number <= INT_MAX) ||
            number != double(static_cast<int>(number)))
            return fail(
                key,
                QStringLiteral("must be a whole number (got %1)").arg(describeJsonValue(value)));
        *out = static_cast<int>(number);
    }

    void readNumber(const char *key, double *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return;
        if (!value.isDouble())
            return fail(key,
                        QStringLiteral("must be a number (got %1)").arg(describeJsonValue(value)));
        *out = value.toDouble();
    }

    void readBool(const char *key, bool *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return;
        if (!value.isBool())
            return fail(
                key,
                QStringLiteral("must be true or false (got %1)").arg(describeJsonValue(value)));
        *out = value.toBool();
    }

    void readString(const char *key, QString *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return;
        if (!value.isString())
            return fail(key, QStringLiteral("must be text (got %1)").arg(describeJsonValue(value)));
        *out = value.toString();
    }

    // A string in a format of its own ("16:9", "#ffffff"): `parse` returns nullopt when it
    // does not read; `expected` says what would.
    template <typename T, typename Parse>
    void readParsed(const char *key, T *out, Parse parse, const QString &expected)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return;
        const auto parsed = parse(value.toString());
        if (!value.isString() || !parsed)
            return fail(
                key, QStringLiteral("must be %1 (got %2)").arg(expected, describeJsonValue(value)));
        *out = *parsed;
    }

    template <typename Enum, size_t N, typename Parse>
    void readEnum(const char *key, Enum *out, const RecipeNames::Table<Enum, N> &names, Parse parse)
    {
        QStringList known;
        for (const auto &entry : names)
            known.append(QLatin1String(entry.second));
        readParsed(key, out, parse,
                   QStringLiteral("one of %1").arg(known.join(QStringLiteral(", "))));
    }

    void fail(const char *key, const QString &problem)
    {
        if (!m_error)
            m_error = FieldError{m_prefix + QLatin1String(key), problem};
    }

private:
    // Undefined when the key is absent (and allowed to be) or an earlier key already failed.
    QJsonValue take(const char *key)
    {
        if (m_error)
            return QJsonValue::Undefined;
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined() && m_required)
            fail(key, QStringLiteral("is missing"));
        return value;
    }

    const QJsonObject &m_json;
    bool m_required;
    QString m_prefix;
    std::optional<FieldError> m_error;
};
