#pragma once

#include <QCommandLineParser>
#include <QString>

#include <optional>

// Reading one option's value; each returns false with *error a one-line message naming the
// option when the value is bad, and leaves *out alone when the option is not given.

// A whole number within [min, max].
bool readInt(const QCommandLineParser &p, const QCommandLineOption &o, int min, int max, int *out,
             QString *error);
// A number greater than 0.
bool readDouble(const QCommandLineParser &p, const QCommandLineOption &o, double *out,
                QString *error);
// A number within [min, max].
bool readNumber(const QCommandLineParser &p, const QCommandLineOption &o, double min, double max,
                double *out, QString *error);
// "--flag expects <what> (got "...")."
QString expects(const QCommandLineParser &p, const QCommandLineOption &o, const QString &what);

// A value `parse` accepts; the message shows the option's value name (e.g. "srgb|keep").
template <typename T, typename Parse>
bool readEnum(const QCommandLineParser &p, const QCommandLineOption &o, Parse parse, T *out,
              QString *error)
{
    if (!p.isSet(o))
        return true;
    const std::optional<T> value = parse(p.value(o));
    if (!value) {
        *error = expects(p, o, o.valueName());
        return false;
    }
    *out = *value;
    return true;
}
