#include "optionreaders.h"

QString expects(const QCommandLineParser &p, const QCommandLineOption &o, const QString &what)
{
    return QStringLiteral("--%1 expects %2 (got \"%3\").")
        .arg(o.names().constLast(), what, p.value(o));
}

bool readInt(const QCommandLineParser &p, const QCommandLineOption &o, int min, int max, int *out,
             QString *error)
{
    if (!p.isSet(o))
        return true;
    bool ok = false;
    const int value = p.value(o).toInt(&ok);
    if (!ok || value < min || value > max) {
        *error = expects(p, o, QStringLiteral("a whole number from %1 to %2").arg(min).arg(max));
        return false;
    }
    *out = value;
    return true;
}

bool readDouble(const QCommandLineParser &p, const QCommandLineOption &o, double *out,
                QString *error)
{
    if (!p.isSet(o))
        return true;
    bool ok = false;
    const double value = p.value(o).toDouble(&ok);
    if (!ok || !(value > 0)) {
        *error = expects(p, o, QStringLiteral("a positive number"));
        return false;
    }
    *out = value;
    return true;
}

bool readNumber(const QCommandLineParser &p, const QCommandLineOption &o, double min, double max,
                double *out, QString *error)
{
    if (!p.isSet(o))
        return true;
    bool ok = false;
    const double value = p.value(o).toDouble(&ok);
    if (!ok || !(value >= min && value <= max)) {
        *error = expects(p, o, QStringLiteral("a number from %1 to %2").arg(min).arg(max));
        return false;
    }
    *out = value;
    return true;
}
