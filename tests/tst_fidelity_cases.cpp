// The machinery every test of tst_fidelity shares: the rows of the input x route x recipe
// matrix, the one run per case (cached: the tests look at the same outputs from different
// sides), the references (cached too) and the comparison of routes with one another.

#include <QTest>

#include <iterator>

#include "fidelityimages.h"
#include "fidelityreference.h"
#include "testimages.h"
#include "tst_fidelity.h"

using vips::VImage;
namespace F = Fidelity;

namespace {

const double kRoutesDb = 40; // between two routes, same input and recipe

OutputFormat formatFor(const QString &suffix)
{
    if (suffix == QLatin1String("jpg"))
        return OutputFormat::Jpeg;
    if (suffix == QLatin1String("webp"))
        return OutputFormat::Webp;
    if (suffix == QLatin1String("tif"))
        return OutputFormat::Tiff;
    return OutputFormat::Png;
}

} // namespace

EngineChoice choiceFor(const QString &route)
{
    if (route == QLatin1String("vips"))
        return EngineChoice::Vips;
    if (route == QLatin1String("opencv"))
        return EngineChoice::OpenCv;
    return EngineChoice::Auto;
}

QStringList keysWithPrefix(const QMap<QString, QString> &map, const QString &prefix)
{
    QStringList keys;
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it.key().startsWith(prefix))
            keys << it.key();
    return keys;
}

QString Case::key() const
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6x%7")
        .arg(input, route, mode, meta, format)
        .arg(box.width())
        .arg(box.height());
}

Recipe Case::recipe() const
{
    Recipe r;
    r.steps = {resizeStep(ResizeMode::Fit, box.width(), box.height())};
    r.format = formatFor(format);
    r.quality = kQuality;
    r.setGrayscale(mode == QLatin1String("gray"));
    r.colour = mode == QLatin1String("keep") ? ColourPolicy::Keep : ColourPolicy::Srgb;
    r.stripMetadata = meta == QLatin1String("strip");
    r.stripGps = meta == QLatin1String("strip-gps");
    r.autoOrient = true;
    r.engine = choiceFor(route);
    return r;
}

// input x output format x route x mode (x metadata mode, or metadata kept).
void tst_Fidelity::addMatrixRows(bool allMetaModes)
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("meta");
    QTest::addColumn<QString>("format");
    for (const QString &name : qAsConst(m_order)) {
        const Input &in = input(name);
        for (const QString &format : in.formats)
            for (const char *route : kRoutes)
                for (const QString &mode : in.modes())
                    for (const char *meta : kMetaModes) {
                        if (!allMetaModes && qstrcmp(meta, "keep") != 0)
                            continue;
                        QTest::addRow("%s>%s %s %s meta-%s", qPrintable(name), qPrintable(format),
                                      route, qPrintable(mode), meta)
                            << name << QString::fromLatin1(route) << mode
                            << QString::fromLatin1(meta) << format;
                    }
    }
}

const Output &tst_Fidelity::output(const Case &c)
{
    const QString key = c.key();
    auto found = m_outputs.constFind(key);
    if (found != m_outputs.constEnd())
        return *found;
    Output out;
    Job job;
    job.id = JobId(++m_counter);
    job.inputPath = input(c.input).path;
    job.outputPath = m_dir.filePath(QStringLiteral("out%1.%2").arg(m_counter).arg(c.format));
    job.recipe = c.recipe();
    job.overwrite = true;
    out.result = m_engines.at(c.route)->run(job);
    if (!out.result.isOk()) {
        out.problem = QStringLiteral("job failed: %1").arg(out.result.message);
    } else {
        try {
            out.image = F::decode(F::readFile(job.outputPath));
            out.icc = F::iccOf(out.image);
            out.decoded = true;
        } catch (const vips::VError &e) {
            out.problem = QStringLiteral("libvips cannot decode the output: %1")
                              .arg(QString::fromUtf8(e.what()));
        }
        out.meta = F::readMetadata(job.outputPath);
    }
    return *m_outputs.insert(key, out);
}

VImage tst_Fidelity::fullReference(const Input &in, bool colourManaged)
{
    const QString key =
        in.name + (colourManaged ? QLatin1String("|managed") : QLatin1String("|raw"));
    auto found = m_references.constFind(key);
    if (found != m_references.constEnd())
        return *found;
    const VImage decoded = F::decode(F::readFile(in.path));
    VImage image =
        colourManaged ? F::toSrgb(decoded, in.fallbackProfile) : F::untransformed(decoded);
    if (in.orientation == 6) // stored turned a quarter left: turn it back right
        image = image.rot90().copy_memory();
    m_references.insert(key, image);
    return image;
}

// The colour-managed (or, for keep, untransformed) full-resolution decode, Lanczos-3 to
// `size`; for gray, the 0.299/0.587/0.114 formula on the sRGB numbers.
VImage tst_Fidelity::reference(const Input &in, const QString &mode, QSize size)
{
    const QString key =
        QStringLiteral("%1|%2|%3x%4").arg(in.name, mode).arg(size.width()).arg(size.height());
    auto found = m_references.constFind(key);
    if (found != m_references.constEnd())
        return *found;
    VImage image = F::lanczos3(fullReference(in, mode != QLatin1String("keep")), size);
    if (mode == QLatin1String("gray"))
        image = F::grayFormula(image);
    m_references.insert(key, image);
    return image;
}

// `base` on every route: each output decodes at `expected`, and any two are within 40 dB.
QStringList tst_Fidelity::routeDisagreements(Case base, QSize expected)
{
    QStringList problems;
    std::map<QString, VImage> images;
    for (const char *route : kRoutes) {
        base.route = QString::fromLatin1(route);
        const Output &out = output(base);
        if (!out.decoded) {
            problems << QStringLiteral("%1: %2").arg(base.route, out.problem);
            continue;
        }
        const QSize size(out.image.width(), out.image.height());
        if (size != expected)
            problems
                << QStringLiteral("%1: %2x%3").arg(base.route).arg(size.width()).arg(size.height());
        else
            images[base.route] = out.image;
    }
    for (auto a = images.begin(); a != images.end(); ++a)
        for (auto b = std::next(a); b != images.end(); ++b) {
            if (a->second.bands() != b->second.bands()) {
                problems << QStringLiteral("%1 has %2 bands, %3 %4")
                                .arg(a->first)
                                .arg(a->second.bands())
                                .arg(b->first)
                                .arg(b->second.bands());
                continue;
            }
            const double db = TestImages::psnr(a->second, b->second);
            if (m_verbose)
                qInfo("%s vs %s: %.2f dB", qPrintable(a->first), qPrintable(b->first), db);
            if (db < kRoutesDb)
                problems
                    << QStringLiteral("%1 vs %2: %3 dB").arg(a->first, b->first).arg(db, 0, 'f', 2);
        }
    return problems;
}

Case tst_Fidelity::matrixCase()
{
    QFETCH(QString, input);
    QFETCH(QString, route);
    QFETCH(QString, mode);
    QFETCH(QString, meta);
    QFETCH(QString, format);
    return {input, route, mode, meta, format};
}
