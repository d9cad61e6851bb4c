#include "batch/naming.h"

#include "geometry.h"

#include <QDir>
#include <QFileInfo>
#include <QList>
#include <QRegularExpression>

namespace {

// One piece of a parsed pattern: literal text, or a token with its optional argument.
struct Piece
{
    QString text; // the literal, or the token's key
    QString argument;
    bool isToken = false;
    bool hasArgument = false;
    QString spelled; // the token as written, "{n:04}", for error messages
};

const QString kTokenList = QStringLiteral("{name}, {parent}, {ext}, {n}, {n:04}, {date}, "
                                          "{date:%Y-%m-%d}, {width} or {height}");

// Formats `when` by a strftime-like subset; false when `format` has another directive.
bool formatDate(const QString &format, const QDateTime &when, QString *out, QString *bad)
{
    const QDate d = when.date();
    const QTime t = when.time();
    const auto two = [](int v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    out->clear();
    for (qsizetype i = 0; i < format.size(); ++i) {
        if (format[i] != QLatin1Char('%')) {
            *out += format[i];
            continue;
        }
        const QChar c = i + 1 < format.size() ? format[++i] : QChar();
        switch (c.unicode()) {
        case 'Y':
            *out += QStringLiteral("%1").arg(d.year(), 4, 10, QLatin1Char('0'));
            break;
        case 'm':
            *out += two(d.month());
            break;
        case 'd':
            *out += two(d.day());
            break;
        case 'H':
            *out += two(t.hour());
            break;
        case 'M':
            *out += two(t.minute());
            break;
        case 'S':
            *out += two(t.second());
            break;
        case '%':
            *out += QLatin1Char('%');
            break;
        default:
            *bad = c.isNull() ? QStringLiteral("%") : QStringLiteral("%") + c;
            return false;
        }
    }
    return true;
}

// Empty when `piece` is a known token with a valid argument; otherwise why not.
QString tokenError(const Piece &piece)
{
    const QString &key = piece.text;
    const bool plain = key == QLatin1String("name") || key == QLatin1String("parent") ||
                       key == QLatin1String("ext") || key == QLatin1String("width") ||
                       key == QLatin1String("height");
    if (plain && !piece.hasArgument)
        return {};
    if (plain)
        return QStringLiteral("The name token %1 takes no \":\" argument; write {%2}.")
            .arg(piece.spelled, key);
    if (key == QLatin1String("n")) {
        static const QRegularExpression width(QStringLiteral("^0?[1-9]$"));
        if (!piece.hasArgument || width.match(piece.argument).hasMatch())
            return {};
        return QStringLiteral("The name token %1 is malformed: the counter's padding is 1 to 9 "
                              "digits, as in {n:04}.")
            .arg(piece.spelled);
    }
    if (key == QLatin1String("date")) {
        QString unused, bad;
        if (!piece.hasArgument || formatDate(piece.argument, QDateTime(), &unused, &bad))
            return {};
        return QStringLiteral("The name token %1 is malformed: %2 is not one of %Y %m %d %H %M "
                              "%S %%.")
            .arg(piece.spelled, bad);
    }
    return QStringLiteral("Unknown token %1 in the name pattern; use %2.")
        .arg(piece.spelled, kTokenList);
}

// Splits a pattern into literals and tokens; empty list and *error on a malformed one.
QList<Piece> parsePattern(const QString &pattern, QString *error)
{
    QList<Piece> pieces;
    QString literal;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == QLatin1Char('}')) {
            *error = QStringLiteral("The name pattern has a \"}\" without its \"{\" (braces "
                                    "are reserved for tokens such as {name}).");
            return {};
        }
        if (pattern[i] != QLatin1Char('{')) {
            literal += pattern[i];
            continue;
        }
        const qsizetype close = pattern.indexOf(QLatin1Char('}'), i);
        const qsizetype reopen = pattern.indexOf(QLatin1Char('{'), i + 1);
        if (close < 0 || (reopen >= 0 && reopen < close)) {
            *error = QStringLiteral("The name pattern has a \"{\" that is not closed: %1")
                         .arg(pattern.mid(i, close < 0 ? -1 : close - i + 1));
            return {};
        }
        if (!literal.isEmpty())
            pieces.append({literal, {}, false, false, {}});
        literal.clear();
        const QString inside = pattern.mid(i + 1, close - i - 1);
        const qsizetype colon = inside.indexOf(QLatin1Char(':'));
        Piece token{inside.left(colon), colon < 0 ? QString() : inside.mid(colon + 1), true,
                    colon >= 0, pattern.mid(i, close - i + 1)};
        if (QString problem = tokenError(token); !problem.isEmpty()) {
            *error = problem;
            return {};
        }
        pieces.append(token);
        i = close;
    }
    if (!literal.isEmpty())
        pieces.append({literal, {}, false, false, {}});
    return pieces;
}

// A token's value for one input; empty and *error when this input does not know it.
QString tokenValue(const Piece &token, const NameInputs &inputs, QString *error)
{
    const QFileInfo info(inputs.inputPath);
    const QString &key = token.text;
    if (key == QLatin1String("name")) {
        const QString base = info.completeBaseName();
        return base.isEmpty() ? info.fileName() : base; // ".jpg" keeps its whole name
    }
    if (key == QLatin1String("parent"))
        return info.absoluteDir().dirName();
    if (key == QLatin1String("ext"))
        return info.completeBaseName().isEmpty() ? QString() : info.suffix();
    if (key == QLatin1String("n")) {
        const int width = token.hasArgument ? token.argument.right(1).toInt() : 0;
        return QStringLiteral("%1").arg(inputs.position, width, 10, QLatin1Char('0'));
    }
    if (key == QLatin1String("date")) {
        QString out, bad;
        if (!inputs.captureDate.isValid())
            *error = QStringLiteral("%1: the capture date of %2 is not known.")
                         .arg(token.spelled, inputs.inputPath);
        else
            formatDate(token.hasArgument ? token.argument : QStringLiteral("%Y-%m-%d"),
                       inputs.captureDate, &out, &bad);
        return out;
    }
    if (inputs.outputSize.isEmpty()) {
        *error = QStringLiteral("%1 needs the image's dimensions before it is decoded; the "
                                "planner reads them from JPEG and PNG headers only (%2).")
                     .arg(token.spelled, inputs.inputPath);
        return {};
    }
    return QString::number(key == QLatin1String("width") ? inputs.outputSize.width()
                                                         : inputs.outputSize.height());
}

} // namespace

QString namePatternError(const QString &pattern)
{
    QString error;
    parsePattern(pattern, &error);
    return error;
}

QString outputFileName(const QString &pattern, const NameInputs &inputs,
                       OutputFormat resolvedFormat, QString *error)
{
    QString problem;
    // One pass over the pattern, so that a token inside a value ("{n}.jpg") is never expanded.
    const QList<Piece> pieces = parsePattern(pattern, &problem);
    QString expanded;
    for (const Piece &piece : pieces) {
        expanded += piece.isToken ? tokenValue(piece, inputs, &problem) : piece.text;
        if (!problem.isEmpty())
            break;
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    const QString ext = extensionFor(resolvedFormat);
    return ext.isEmpty() ? expanded : expanded + QLatin1Char('.') + ext;
}

QString outputFileName(const QString &pattern, const QString &inputPath, int position,
                       OutputFormat resolvedFormat)
{
    NameInputs inputs;
    inputs.inputPath = inputPath;
    inputs.position = position;
    return outputFileName(pattern, inputs, resolvedFormat);
}

NameInputs nameInputsFor(const QString &pattern, const QString &inputPath, int position,
                         const ImageProbe &probe, const Recipe &recipe)
{
    NameInputs inputs;
    inputs.inputPath = inputPath;
    inputs.position = position;
    // In a valid pattern "{date" or "{width" can only start that token.
    if (pattern.contains(QLatin1String("{date"))) {
        inputs.captureDate =
            QDateTime::fromString(probe.captureDate, QStringLiteral("yyyy:MM:dd HH:mm:ss"));
        if (!inputs.captureDate.isValid() && probe.isTaken())
            inputs.captureDate = QDateTime::fromMSecsSinceEpoch(probe.modifiedMs);
    }
    const bool usesSize =
        pattern.contains(QLatin1String("{width")) || pattern.contains(QLatin1String("{height"));
    if (usesSize && probe.hasHeader()) {
        // The steps work on the upright image: orientations 5..8 swap the sides first.
        const bool swaps = recipe.autoOrient && probe.orientation >= 5;
        inputs.outputSize = plannedOutputSize(recipe, swaps ? probe.size.transposed() : probe.size);
    }
    return inputs;
}
