// Fidelity of every route (vips, opencv, auto) to the one shared pixel pipeline: colour
// management, metadata, geometry and resampling quality, each checked against references
// made here with libvips, lcms2 and Exiv2 directly or computed by hand (fidelityimages.h),
// never against another output of the engine under test, except where routes must agree.
//
// Inputs: a 600x400 photo-like gradient converted with libvips into AdobeRGB1998, ProPhotoRGB
// and SwappedRedAndGreen (colord's profiles) and saved as JPEG, PNG, WebP and TIFF; untagged
// sRGB; 16-bit PNG and palette PNG with the Adobe profile; a gray JPEG with an lcms2 gamma-1.8
// gray profile; CMYK JPEGs with and without a profile; an Adobe JPEG stored turned (EXIF
// orientation 6). All carry EXIF, XMP and IPTC written with Exiv2 where Exiv2 can write them
// (JPEG, PNG and TIFF all three; WebP EXIF and XMP; JPEGs also an EXIF thumbnail). Every
// matrix recipe is fit 300x300 (a 2x reduction, so decoders' shrink-on-load runs), quality 85.
// The resampling reference is libvips resize with kernel lanczos3 and gap 0, i.e. Lanczos-3
// over the whole factor with no box pre-shrink (libvips' default gap 2 is an approximation).
//
// FIDELITY_KEEP=1 keeps the temporary folder; FIDELITY_VERBOSE=1 prints every PSNR.
//
// Accepted for colour=srgb: no profile at all, or a profile that is sRGB (colorants and tone
// curves of lcms2's cmsCreate_sRGBProfile; for one-band output a gray profile with sRGB's
// curve). Required metadata under keep/strip-gps: JPEG output EXIF, XMP and IPTC; PNG, WebP
// and TIFF output EXIF and XMP (IPTC there is allowed, not required) - each only where the
// input carried it.

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "engine/engine.h"
#include "fidelityimages.h"

using vips::VImage;
namespace F = Fidelity;

namespace {

const QSize kStored(600, 400);
const int kBox = 300;          // every matrix recipe: fit 300x300
const int kQuality = 85;       // Recipe's default, for JPEG and WebP output
const double kLossyDb = 38;    // against the reference, JPEG or WebP output
const double kLosslessDb = 40; // against the reference, PNG or TIFF output
const double kRoutesDb = 40;   // between two routes, same input and recipe
const double kRegionLevels = 4;
const char *const kRoutes[] = {"vips", "opencv", "auto"};
const char *const kMetaModes[] = {"keep", "strip", "strip-gps"};
// Resampling: 2000x1000 sheets fit into these (6.7x and 3.1x reductions), PNG output.
const QSize kResamplingBoxes[] = {QSize(300, 150), QSize(640, 320)};

QStringList resamplingSheets()
{
    QStringList names;
    for (const char *sheet : {"photo", "digits", "text"})
        for (const char *suffix : {".png", ".jpg"})
            names << QLatin1String(sheet) + QLatin1String(suffix);
    return names;
}
const QString kColord = QStringLiteral("/usr/share/color/icc/colord/");

EngineChoice choiceFor(const QString &route)
{
    if (route == QLatin1String("vips"))
        return EngineChoice::Vips;
    if (route == QLatin1String("opencv"))
        return EngineChoice::OpenCv;
    return EngineChoice::Auto;
}

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

bool isLossy(const QString &format)
{
    return format == QLatin1String("jpg") || format == QLatin1String("webp");
}

enum class Kind { Rgb, Gray, Cmyk };

struct Input
{
    QString name; // also its file name
    QString path;
    Kind kind = Kind::Rgb;
    int orientation = 1;
    QSize target;                          // by hand: fit 300x300 of the upright size
    const char *fallbackProfile = nullptr; // the reference's input_profile when untagged
    QStringList formats{QStringLiteral("jpg")};
    QByteArray icc;      // embedded, as libvips reads the finished input
    F::Families carries; // what Exiv2 reads back from the finished input
    bool matrix = true;  // false: used by one test only (flat colours, resampling)
    int expectedGray = -1;
    bool alpha = false;

    bool keepRows() const { return kind == Kind::Rgb && !icc.isEmpty(); }
    QStringList modes() const
    {
        QStringList m{QStringLiteral("srgb"), QStringLiteral("gray")};
        if (keepRows())
            m << QStringLiteral("keep");
        return m;
    }
};

// One engine run: input x route x recipe.
struct Case
{
    QString input;
    QString route;
    QString mode = QStringLiteral("srgb"); // srgb | gray | keep
    QString meta = QStringLiteral("keep"); // keep | strip | strip-gps
    QString format = QStringLiteral("jpg");
    QSize box = QSize(kBox, kBox);

    QString key() const
    {
        return QStringLiteral("%1|%2|%3|%4|%5|%6x%7")
            .arg(input, route, mode, meta, format)
            .arg(box.width())
            .arg(box.height());
    }
    Recipe recipe() const
    {
        Recipe r;
        r.resizeMode = ResizeMode::Fit;
        r.width = box.width();
        r.height = box.height();
        r.format = formatFor(format);
        r.quality = kQuality;
        r.grayscale = mode == QLatin1String("gray");
        r.colour = mode == QLatin1String("keep") ? ColourPolicy::Keep : ColourPolicy::Srgb;
        r.stripMetadata = meta == QLatin1String("strip");
        r.stripGps = meta == QLatin1String("strip-gps");
        r.autoOrient = true;
        r.engine = choiceFor(route);
        return r;
    }
};

struct Output
{
    JobResult result;
    bool decoded = false;
    QString problem; // why there is no decoded image
    VImage image;
    QByteArray icc;
    F::Metadata meta;
};

// Bands that carry colour (alpha not counted).
int colourBands(const VImage &image)
{
    return image.bands() - (image.has_alpha() ? 1 : 0);
}

QString keyList(const QStringList &keys)
{
    return keys.isEmpty() ? QStringLiteral("-") : keys.join(QLatin1String(", "));
}

QStringList keysWithPrefix(const QMap<QString, QString> &map, const QString &prefix)
{
    QStringList keys;
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it.key().startsWith(prefix))
            keys << it.key();
    return keys;
}

QStringList setDifference(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &key : a)
        if (!b.contains(key))
            out << key;
    return out;
}

QRect relative(QSize size, double x0, double y0, double x1, double y1)
{
    return QRect(QPoint(int(size.width() * x0), int(size.height() * y0)),
                 QPoint(int(size.width() * x1) - 1, int(size.height() * y1) - 1));
}

} // namespace

class tst_Fidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void thresholdsAreReachable_data();
    void thresholdsAreReachable();
    void outputs_data() { addMatrixRows(true); }
    void outputs();
    void pixels_data() { addMatrixRows(false); }
    void pixels();
    void colourProfile_data() { addMatrixRows(true); }
    void colourProfile();
    void metadata_data() { addMatrixRows(true); }
    void metadata();
    void routesAgree_data();
    void routesAgree();
    void metadataAgrees_data();
    void metadataAgrees();
    void grayFlatColour_data();
    void grayFlatColour();
    void resampling_data();
    void resampling();
    void resamplingRoutesAgree_data();
    void resamplingRoutesAgree();

private:
    void addMatrixRows(bool allMetaModes);
    void makeInputs();
    void addInput(Input in, const VImage &stored, const QString &suffix, bool palette = false);
    const Input &input(const QString &name) const { return m_inputs.at(name); }
    const Output &output(const Case &c);
    VImage reference(const Input &in, const QString &mode, QSize size);
    VImage fullReference(const Input &in, bool colourManaged);
    QStringList routeDisagreements(Case base, QSize expected);

    QTemporaryDir m_dir;
    std::map<QString, Input> m_inputs;
    QStringList m_order; // matrix inputs in table order
    std::map<QString, std::unique_ptr<Engine>> m_engines;
    QHash<QString, Output> m_outputs;
    QHash<QString, VImage> m_references;
    int m_counter = 0;
    bool m_verbose = false;
};

void tst_Fidelity::initTestCase()
{
    QString error;
    QVERIFY2(
        initializeEngines(QCoreApplication::applicationFilePath().toUtf8().constData(), &error),
        qPrintable(error));
    QVERIFY(m_dir.isValid());
    // FIDELITY_KEEP=1 keeps inputs and outputs (out<N>.<ext>, in run order) for a closer look.
    if (qEnvironmentVariableIsSet("FIDELITY_KEEP")) {
        m_dir.setAutoRemove(false);
        qInfo("inputs and outputs kept in %s", qPrintable(m_dir.path()));
    }
    // FIDELITY_VERBOSE=1 prints every PSNR, passing or not, for quoting margins.
    m_verbose = qEnvironmentVariableIsSet("FIDELITY_VERBOSE");
    F::initializeMetadata();
    for (const char *route : kRoutes)
        m_engines[QString::fromLatin1(route)] = makeEngine(choiceFor(QString::fromLatin1(route)));
    try {
        makeInputs();
    } catch (const vips::VError &e) {
        QFAIL(e.what());
    }
}

void tst_Fidelity::cleanupTestCase()
{
    F::finishMetadata();
}

// Writes one input, adds the metadata with Exiv2, and records what libvips and Exiv2 read back.
void tst_Fidelity::addInput(Input in, const VImage &stored, const QString &suffix, bool palette)
{
    in.path = m_dir.filePath(in.name);
    const QByteArray icc = F::iccOf(stored);
    if (!F::writeFile(in.path, F::encode(stored, suffix, 95, palette)))
        QFAIL(qPrintable(QStringLiteral("cannot write %1").arg(in.path)));
    if (in.matrix) {
        QByteArray thumbnail;
        if (suffix == QLatin1String(".jpg"))
            thumbnail = F::encode(F::lanczos3(F::gradient(kStored), QSize(160, 107)), suffix, 80);
        QString error;
        QVERIFY2(F::writeMetadata(in.path, in.orientation, QSize(stored.width(), stored.height()),
                                  thumbnail, &error),
                 qPrintable(in.name + QLatin1String(": ") + error));
        const F::Metadata meta = F::readMetadata(in.path);
        in.carries.exif = meta.exif.value(QStringLiteral("Exif.Image.Make")) == F::kMake;
        in.carries.xmp = meta.xmp.value(QStringLiteral("Xmp.dc.creator")).contains(F::kCreator);
        in.carries.iptc =
            meta.iptc.value(QStringLiteral("Iptc.Application2.Byline")) == F::kCreator;
        // What Exiv2 0.27 can write: everything, except IPTC in WebP.
        QVERIFY2(in.carries.exif && in.carries.xmp &&
                     (in.carries.iptc || suffix == QLatin1String(".webp")),
                 qPrintable(in.name + QLatin1String(": metadata not written")));
        if (!thumbnail.isEmpty())
            QVERIFY2(!keysWithPrefix(meta.exif, QStringLiteral("Exif.Thumbnail.")).isEmpty(),
                     qPrintable(in.name + QLatin1String(": no EXIF thumbnail")));
    }
    // The finished file still decodes to the stored pixels with the same profile.
    const VImage back = F::decode(F::readFile(in.path));
    QCOMPARE(QSize(back.width(), back.height()), QSize(stored.width(), stored.height()));
    in.icc = F::iccOf(back);
    QVERIFY2(in.icc == icc, qPrintable(in.name + QLatin1String(": profile changed on writing")));
    const QString name = in.name;
    if (in.matrix)
        m_order << name;
    m_inputs[name] = std::move(in);
}

void tst_Fidelity::makeInputs()
{
    const QSize target(150 * 2, 100 * 2); // 600x400 fit 300x300: scale 1/2
    const VImage photo = F::gradient(kStored);
    const struct
    {
        const char *name;
        const char *file;
    } profiles[] = {{"adobe", "AdobeRGB1998.icc"},
                    {"prophoto", "ProPhotoRGB.icc"},
                    {"swapped", "SwappedRedAndGreen.icc"}};
    for (const auto &p : profiles) {
        const QString profile = kColord + QLatin1String(p.file);
        const VImage tagged =
            photo.icc_export(VImage::option()->set("output_profile", profile.toUtf8().constData()));
        for (const char *suffix : {"jpg", "png", "webp", "tif"}) {
            Input in;
            in.name = QStringLiteral("%1.%2").arg(QLatin1String(p.name), QLatin1String(suffix));
            in.target = target;
            // Two inputs go to every output format: one JPEG, one TIFF.
            if (in.name == QLatin1String("adobe.jpg") || in.name == QLatin1String("prophoto.tif"))
                in.formats = QStringList{"jpg", "png", "webp", "tif"};
            addInput(in, tagged, QLatin1Char('.') + QLatin1String(suffix));
        }
    }
    const QString adobe = kColord + QStringLiteral("AdobeRGB1998.icc");
    {
        Input in;
        in.name = QStringLiteral("srgb-untagged.jpg");
        in.target = target;
        addInput(in, photo, QStringLiteral(".jpg"));
    }
    {
        Input in;
        in.name = QStringLiteral("adobe-16bit.png");
        in.target = target;
        addInput(in,
                 photo.icc_export(VImage::option()
                                      ->set("output_profile", adobe.toUtf8().constData())
                                      ->set("depth", 16)),
                 QStringLiteral(".png"));
    }
    {
        Input in;
        in.name = QStringLiteral("adobe-palette.png");
        in.target = target;
        addInput(
            in,
            photo.icc_export(VImage::option()->set("output_profile", adobe.toUtf8().constData())),
            QStringLiteral(".png"), /*palette=*/true);
        QVERIFY2(F::decode(F::readFile(m_inputs[in.name].path)).get_typeof("palette-bit-depth"),
                 "libvips did not write a palette PNG");
    }
    {
        Input in;
        in.name = QStringLiteral("gray-gamma18.jpg");
        in.kind = Kind::Gray;
        in.target = target;
        addInput(in, F::srgbToGrayProfile(photo, F::grayGamma18Profile()), QStringLiteral(".jpg"));
    }
    {
        const VImage cmyk = photo.icc_export(VImage::option()->set("output_profile", "cmyk"));
        Input in;
        in.name = QStringLiteral("cmyk.jpg");
        in.kind = Kind::Cmyk;
        in.target = target;
        addInput(in, cmyk, QStringLiteral(".jpg"));
        VImage untagged = cmyk.copy();
        untagged.remove(VIPS_META_ICC_NAME);
        in.name = QStringLiteral("cmyk-untagged.jpg");
        in.fallbackProfile = "cmyk";
        addInput(in, untagged, QStringLiteral(".jpg"));
    }
    {
        // Upright 400x600 (portrait); stored turned a quarter to the left, tagged 6.
        const VImage upright = F::gradient(kStored.transposed());
        Input in;
        in.name = QStringLiteral("adobe-orientation6.jpg");
        in.orientation = 6;
        in.target = QSize(200, 300); // 400x600 fit 300x300: scale 1/2
        addInput(in,
                 upright.rot270().icc_export(
                     VImage::option()->set("output_profile", adobe.toUtf8().constData())),
                 QStringLiteral(".jpg"));
    }

    // Flat colours for the grayscale formula (no metadata needed).
    const std::array<int, 3> green{60, 160, 90};
    const std::array<int, 3> adobeColour{100, 152, 90}; // survives JPEG Q95 exactly
    const std::array<int, 3> adobeInSrgb = F::toSrgb(adobe, adobeColour);
    const int adobeGray =
        int(std::lround(0.299 * adobeInSrgb[0] + 0.587 * adobeInSrgb[1] + 0.114 * adobeInSrgb[2]));
    const int adobeGrayIgnoringProfile =
        int(std::lround(0.299 * adobeColour[0] + 0.587 * adobeColour[1] + 0.114 * adobeColour[2]));
    // The check must tell a route that ignores the profile from one that does not.
    QVERIFY2(std::abs(adobeGray - adobeGrayIgnoringProfile) >= 4,
             qPrintable(QStringLiteral("%1 vs %2").arg(adobeGray).arg(adobeGrayIgnoringProfile)));
    const VImage adobeFlat =
        F::flat(kStored, adobeColour)
            .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
    const QByteArray adobeBytes = F::readFile(adobe);
    VImage adobeTagged = adobeFlat.copy_memory();
    vips_image_set_blob_copy(adobeTagged.get_image(), VIPS_META_ICC_NAME, adobeBytes.constData(),
                             size_t(adobeBytes.size()));
    const struct
    {
        const char *name;
        VImage image;
        int expected;
        bool alpha;
    } flats[] = {
        {"flat-srgb.jpg", F::flat(kStored, green), 122, false}, // round(122.12), by hand
        {"flat-srgb.png", F::flat(kStored, green), 122, false},
        {"flat-srgb-alpha.png", F::flat(kStored, green, true), 122, true},
        {"flat-adobe.png", adobeTagged, adobeGray, false},
        {"flat-adobe.jpg", adobeTagged, adobeGray, false},
    };
    for (const auto &f : flats) {
        Input in;
        in.name = QString::fromLatin1(f.name);
        in.matrix = false;
        in.target = target;
        in.expectedGray = f.expected;
        in.alpha = f.alpha;
        addInput(in, f.image, in.name.mid(in.name.lastIndexOf(QLatin1Char('.'))));
        // The flat JPEGs decode to the intended numbers (libvips), so the expectation holds.
        const VImage back = F::decode(F::readFile(m_inputs[in.name].path));
        const std::array<int, 3> rgb =
            in.name.contains(QLatin1String("adobe")) ? adobeColour : green;
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs(back[c].avg() - rgb[c]) < 0.5,
                     qPrintable(QStringLiteral("%1 band %2 decodes to %3")
                                    .arg(in.name)
                                    .arg(c)
                                    .arg(back[c].avg())));
    }

    // Resampling material, 2000x1000, as PNG and JPEG Q95 (no metadata).
    const QSize big(2000, 1000);
    const struct
    {
        const char *name;
        VImage image;
    } sheets[] = {{"photo", F::texturedPhoto(big)},
                  {"digits", F::digitsAndLines(big)},
                  {"text", F::textPage(big)}};
    for (const auto &s : sheets)
        for (const char *suffix : {".png", ".jpg"}) {
            Input in;
            in.name = QLatin1String(s.name) + QLatin1String(suffix);
            in.matrix = false;
            addInput(in, s.image, QLatin1String(suffix));
        }
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

// Test of the test: a correct pipeline (the reference itself, encoded by libvips at the
// recipe's quality) clears the lossy thresholds with a margin.
void tst_Fidelity::thresholdsAreReachable_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("format");
    for (const QString &name : qAsConst(m_order))
        for (const char *mode : {"srgb", "gray"})
            for (const char *format : {"jpg", "webp"})
                QTest::addRow("%s %s>%s", qPrintable(name), mode, format)
                    << name << QString::fromLatin1(mode) << QString::fromLatin1(format);
}

void tst_Fidelity::thresholdsAreReachable()
{
    QFETCH(QString, input);
    QFETCH(QString, mode);
    QFETCH(QString, format);
    const Input &in = this->input(input);
    const VImage ref = reference(in, mode, in.target);
    const VImage encoded = F::decode(F::encode(ref, QLatin1Char('.') + format, kQuality));
    const VImage back =
        format == QLatin1String("webp") && ref.bands() == 1 ? encoded.extract_band(1) : encoded;
    const double db = F::psnr(back, ref);
    if (m_verbose)
        qInfo("%.2f dB", db);
    QVERIFY2(db >= kLossyDb + 1, qPrintable(QStringLiteral("%1 dB").arg(db, 0, 'f', 2)));
}

// Every run succeeds with the hand-computed size, the right bands and upright pixels.
void tst_Fidelity::outputs()
{
    QFETCH(QString, input);
    QFETCH(QString, route);
    QFETCH(QString, mode);
    QFETCH(QString, meta);
    QFETCH(QString, format);
    const Input &in = this->input(input);
    const Output &out = output({input, route, mode, meta, format});
    QVERIFY2(out.result.isOk(), qPrintable(out.result.message));
    QCOMPARE(out.result.outputSize, in.target);
    QVERIFY2(out.decoded, qPrintable(out.problem));
    const VImage &image = out.image;
    QCOMPARE(QSize(image.width(), image.height()), in.target);
    QVERIFY2(!image.has_alpha(), "alpha appeared");
    QCOMPARE(image.format(), VIPS_FORMAT_UCHAR);
    const int bands = colourBands(image);
    if (mode == QLatin1String("gray")) {
        // WebP has no one-band form: its decoder gives three, which must be equal.
        if (format == QLatin1String("webp")) {
            QCOMPARE(bands, 3);
            for (int b = 1; b < 3; ++b)
                QVERIFY2((image[b].cast(VIPS_FORMAT_INT) - image[0]).abs().max() <= 1,
                         "gray WebP with unequal bands");
        } else {
            QCOMPARE(bands, 1);
        }
    } else if (in.kind == Kind::Gray) {
        QVERIFY2(bands == 1 || bands == 3, qPrintable(QString::number(bands)));
    } else {
        QCOMPARE(bands, 3); // CMYK comes out as RGB too
    }
    // Upright: the bright quadrant is top-left (for the orientation-6 input too).
    const QSize q(image.width() / 2 - 8, image.height() / 2 - 8);
    const double topLeft = image.extract_area(4, 4, q.width(), q.height()).avg();
    for (const QPoint corner : {QPoint(image.width() / 2 + 4, 4), QPoint(4, image.height() / 2 + 4),
                                QPoint(image.width() / 2 + 4, image.height() / 2 + 4)}) {
        const double other =
            image.extract_area(corner.x(), corner.y(), q.width(), q.height()).avg();
        QVERIFY2(topLeft > other + 40,
                 qPrintable(QStringLiteral("not upright: top-left quadrant %1, quadrant at "
                                           "(%2,%3) %4")
                                .arg(topLeft)
                                .arg(corner.x())
                                .arg(corner.y())
                                .arg(other)));
    }
}

// Pixels against the independent reference: colour-managed to sRGB (srgb, gray) or not
// transformed at all (keep). Region means of red and green catch an ignored profile
// (SwappedRedAndGreen swaps them; Adobe and ProPhoto desaturate).
void tst_Fidelity::pixels()
{
    QFETCH(QString, input);
    QFETCH(QString, route);
    QFETCH(QString, mode);
    QFETCH(QString, meta);
    QFETCH(QString, format);
    const Input &in = this->input(input);
    const Output &out = output({input, route, mode, meta, format});
    QVERIFY2(out.decoded, qPrintable(out.problem));
    QCOMPARE(QSize(out.image.width(), out.image.height()), in.target);
    VImage image = out.image;
    VImage ref = reference(in, mode, in.target);
    if (mode == QLatin1String("gray") && colourBands(image) == 3)
        image = image.extract_band(1); // gray WebP: three equal bands
    else if (colourBands(image) == 1 && ref.bands() == 3)
        ref = F::grayFormula(ref); // gray input kept one band: sRGB gray, R = G = B
    QCOMPARE(image.bands(), ref.bands());
    if (image.bands() == 3) {
        QStringList wrong;
        const QRect regions[] = {relative(in.target, 0.70, 0.05, 0.95, 0.30),
                                 relative(in.target, 0.05, 0.70, 0.30, 0.95)};
        for (const QRect &r : regions)
            for (int band : {0, 1}) {
                const double got = F::bandMean(image, band, r);
                const double want = F::bandMean(ref, band, r);
                if (std::abs(got - want) > kRegionLevels)
                    wrong << QStringLiteral("%1 mean over (%2,%3 %4x%5) is %6, reference %7")
                                 .arg(QLatin1String(band == 0 ? "red" : "green"))
                                 .arg(r.x())
                                 .arg(r.y())
                                 .arg(r.width())
                                 .arg(r.height())
                                 .arg(got, 0, 'f', 1)
                                 .arg(want, 0, 'f', 1);
            }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1String("; "))));
    }
    const double threshold = isLossy(format) ? kLossyDb : kLosslessDb;
    const double db = F::psnr(image, ref);
    if (m_verbose)
        qInfo("%.2f dB", db);
    QVERIFY2(db >= threshold, qPrintable(QStringLiteral("PSNR %1 dB against the reference (< %2)")
                                             .arg(db, 0, 'f', 2)
                                             .arg(threshold)));
}

// srgb: no profile, or an sRGB one. keep: the input's profile, byte for byte (also when the
// metadata is stripped: a profile is colour, not metadata).
void tst_Fidelity::colourProfile()
{
    QFETCH(QString, input);
    QFETCH(QString, route);
    QFETCH(QString, mode);
    QFETCH(QString, meta);
    QFETCH(QString, format);
    const Input &in = this->input(input);
    const Output &out = output({input, route, mode, meta, format});
    QVERIFY2(out.decoded, qPrintable(out.problem));
    if (mode == QLatin1String("keep")) {
        QVERIFY2(!out.icc.isEmpty(), "no profile in the output; expected the input's");
        QVERIFY2(out.icc == in.icc, qPrintable(QStringLiteral("profile differs: %1 bytes, the "
                                                              "input's %2")
                                                   .arg(out.icc.size())
                                                   .arg(in.icc.size())));
        return;
    }
    if (out.icc.isEmpty())
        return;
    QString why;
    const int bands = colourBands(out.image) >= 3 ? 3 : 1;
    QVERIFY2(
        F::isSrgbProfile(out.icc, bands, &why),
        qPrintable(QStringLiteral("%1-byte profile is not sRGB: %2").arg(out.icc.size()).arg(why)));
}

void tst_Fidelity::metadata()
{
    QFETCH(QString, input);
    QFETCH(QString, route);
    QFETCH(QString, mode);
    QFETCH(QString, meta);
    QFETCH(QString, format);
    const Input &in = this->input(input);
    const Output &out = output({input, route, mode, meta, format});
    QVERIFY2(out.result.isOk(), qPrintable(out.result.message));
    QVERIFY2(out.meta.readable, qPrintable(out.meta.error));
    const bool tiff = format == QLatin1String("tif");
    const QMap<QString, QString> exif = tiff ? F::descriptiveExif(out.meta.exif) : out.meta.exif;
    const QMap<QString, QString> &xmp = out.meta.xmp;
    const QMap<QString, QString> &iptc = out.meta.iptc;
    QStringList problems;
    if (meta == QLatin1String("strip")) {
        if (!exif.isEmpty())
            problems << QStringLiteral("EXIF left: ") + keyList(exif.keys());
        if (!xmp.isEmpty())
            problems << QStringLiteral("XMP left: ") + keyList(xmp.keys());
        if (!iptc.isEmpty())
            problems << QStringLiteral("IPTC left: ") + keyList(iptc.keys());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
        return;
    }
    const bool gps = meta == QLatin1String("keep");
    auto expect = [&](const QMap<QString, QString> &map, const char *key, const QString &value,
                      bool contains = false) {
        const QString got = map.value(QLatin1String(key));
        if (!map.contains(QLatin1String(key)))
            problems << QStringLiteral("%1 missing").arg(QLatin1String(key));
        else if (contains ? !got.contains(value) : got != value)
            problems << QStringLiteral("%1 is \"%2\", expected \"%3\"")
                            .arg(QLatin1String(key), got, value);
    };
    if (in.carries.exif) {
        expect(exif, "Exif.Image.Make", QLatin1String(F::kMake));
        expect(exif, "Exif.Image.Model", QLatin1String(F::kModel));
        expect(exif, "Exif.Image.Copyright", QLatin1String(F::kCopyright));
        expect(exif, "Exif.Photo.DateTimeOriginal", QLatin1String(F::kDateTimeOriginal));
        if (gps) {
            expect(exif, "Exif.GPSInfo.GPSLatitude", QLatin1String(F::kGpsLatitude));
            expect(exif, "Exif.GPSInfo.GPSLongitude", QLatin1String(F::kGpsLongitude));
        }
    }
    if (in.carries.xmp) {
        expect(xmp, "Xmp.dc.creator", QLatin1String(F::kCreator), true);
        if (gps)
            expect(xmp, "Xmp.exif.GPSLatitude", QLatin1String(F::kXmpGpsLatitude));
    }
    if (in.carries.iptc && format == QLatin1String("jpg"))
        expect(iptc, "Iptc.Application2.Byline", QLatin1String(F::kCreator));
    if (!gps) {
        QStringList left = keysWithPrefix(out.meta.exif, QStringLiteral("Exif.GPSInfo."));
        if (out.meta.exif.contains(QStringLiteral("Exif.Image.GPSTag")))
            left << QStringLiteral("Exif.Image.GPSTag");
        left << keysWithPrefix(xmp, QStringLiteral("Xmp.exif.GPS"));
        if (!left.isEmpty())
            problems << QStringLiteral("location left: ") + keyList(left);
    }
    const QString orientation =
        out.meta.exif.value(QStringLiteral("Exif.Image.Orientation"), QStringLiteral("1"));
    if (orientation != QLatin1String("1"))
        problems << QStringLiteral("Exif.Image.Orientation is %1").arg(orientation);
    const QString width = exif.value(QStringLiteral("Exif.Photo.PixelXDimension"));
    const QString height = exif.value(QStringLiteral("Exif.Photo.PixelYDimension"));
    if (!width.isEmpty() && width != QString::number(in.target.width()))
        problems << QStringLiteral("Exif.Photo.PixelXDimension is %1").arg(width);
    if (!height.isEmpty() && height != QString::number(in.target.height()))
        problems << QStringLiteral("Exif.Photo.PixelYDimension is %1").arg(height);
    // Converted (untagged) pixels are sRGB, and EXIF's colour space must say so (1); pixels
    // kept in their profile stay "uncalibrated" (65535), as the input says.
    if (in.carries.exif) {
        const QString space = exif.value(QStringLiteral("Exif.Photo.ColorSpace"));
        const QString wanted = out.icc.isEmpty() ? QStringLiteral("1") : QStringLiteral("65535");
        if (space != wanted)
            problems
                << QStringLiteral("Exif.Photo.ColorSpace is %1, expected %2").arg(space, wanted);
    }
    const QStringList thumbnail = keysWithPrefix(out.meta.exif, QStringLiteral("Exif.Thumbnail."));
    if (!thumbnail.isEmpty())
        problems << QStringLiteral("EXIF thumbnail kept: ") + keyList(thumbnail);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}

void tst_Fidelity::routesAgree_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("format");
    for (const QString &name : qAsConst(m_order))
        for (const QString &format : input(name).formats)
            for (const QString &mode : input(name).modes())
                QTest::addRow("%s>%s %s", qPrintable(name), qPrintable(format), qPrintable(mode))
                    << name << mode << format;
}

// Same size everywhere, and any two routes within 40 dB of each other.
void tst_Fidelity::routesAgree()
{
    QFETCH(QString, input);
    QFETCH(QString, mode);
    QFETCH(QString, format);
    Case c;
    c.input = input;
    c.mode = mode;
    c.format = format;
    const QStringList problems = routeDisagreements(c, this->input(input).target);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
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
            const double db = F::psnr(a->second, b->second);
            if (m_verbose)
                qInfo("%s vs %s: %.2f dB", qPrintable(a->first), qPrintable(b->first), db);
            if (db < kRoutesDb)
                problems
                    << QStringLiteral("%1 vs %2: %3 dB").arg(a->first, b->first).arg(db, 0, 'f', 2);
        }
    return problems;
}

void tst_Fidelity::metadataAgrees_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("meta");
    QTest::addColumn<QString>("format");
    for (const QString &name : qAsConst(m_order))
        for (const QString &format : input(name).formats)
            for (const QString &mode : input(name).modes())
                for (const char *meta : kMetaModes)
                    QTest::addRow("%s>%s %s meta-%s", qPrintable(name), qPrintable(format),
                                  qPrintable(mode), meta)
                        << name << mode << QString::fromLatin1(meta) << format;
}

// The same EXIF, XMP and IPTC keys from every route (for TIFF, EXIF without structure tags).
void tst_Fidelity::metadataAgrees()
{
    QFETCH(QString, input);
    QFETCH(QString, mode);
    QFETCH(QString, meta);
    QFETCH(QString, format);
    QStringList problems;
    QStringList first[3];
    QString firstRoute;
    for (const char *route : kRoutes) {
        const Output &out = output({input, QString::fromLatin1(route), mode, meta, format});
        if (!out.result.isOk() || !out.meta.readable) {
            problems << QStringLiteral("%1: %2").arg(
                QLatin1String(route), out.result.isOk() ? out.meta.error : out.result.message);
            continue;
        }
        const QStringList keys[3] = {
            (format == QLatin1String("tif") ? F::descriptiveExif(out.meta.exif) : out.meta.exif)
                .keys(),
            out.meta.xmp.keys(), out.meta.iptc.keys()};
        if (firstRoute.isEmpty()) {
            firstRoute = QString::fromLatin1(route);
            std::copy(std::begin(keys), std::end(keys), std::begin(first));
            continue;
        }
        const char *families[] = {"EXIF", "XMP", "IPTC"};
        for (int f = 0; f < 3; ++f) {
            const QStringList only = setDifference(keys[f], first[f]);
            const QStringList missing = setDifference(first[f], keys[f]);
            if (!only.isEmpty() || !missing.isEmpty())
                problems << QStringLiteral("%1 %2 vs %3: only in %1: %4; only in %3: %5")
                                .arg(QLatin1String(route), QLatin1String(families[f]), firstRoute,
                                     keyList(only), keyList(missing));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}

void tst_Fidelity::grayFlatColour_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("format");
    for (const char *name : {"flat-srgb.jpg", "flat-srgb.png", "flat-srgb-alpha.png",
                             "flat-adobe.png", "flat-adobe.jpg"})
        for (const char *route : kRoutes)
            for (const char *format : {"jpg", "png"})
                QTest::addRow("%s %s>%s", name, route, format)
                    << QString::fromLatin1(name) << QString::fromLatin1(route)
                    << QString::fromLatin1(format);
}

// Grayscale is round(0.299 R + 0.587 G + 0.114 B) of the sRGB colour, +-1, everywhere:
// sRGB (60,160,90) -> 122 by hand; Adobe RGB (100,152,90) through lcms2 to sRGB, then the
// formula. One band, two with alpha.
void tst_Fidelity::grayFlatColour()
{
    QFETCH(QString, input);
    QFETCH(QString, route);
    QFETCH(QString, format);
    const Input &in = this->input(input);
    const Output &out = output({input, route, QStringLiteral("gray"), "strip", format});
    QVERIFY2(out.decoded, qPrintable(out.problem));
    QCOMPARE(QSize(out.image.width(), out.image.height()), in.target);
    const bool alpha = in.alpha && format == QLatin1String("png");
    QCOMPARE(out.image.bands(), alpha ? 2 : 1);
    const VImage gray = out.image[0];
    const double low = gray.min();
    const double high = gray.max();
    QVERIFY2(std::abs(low - in.expectedGray) <= 1 && std::abs(high - in.expectedGray) <= 1,
             qPrintable(QStringLiteral("gray %1..%2 (mean %3), expected %4 +-1")
                            .arg(low)
                            .arg(high)
                            .arg(gray.avg(), 0, 'f', 2)
                            .arg(in.expectedGray)));
}

void tst_Fidelity::resampling_data()
{
    QTest::addColumn<QString>("route");
    for (const char *route : kRoutes)
        QTest::newRow(route) << QString::fromLatin1(route);
}

// Three 2000x1000 sheets x PNG/JPEG x fit 300x150 / 640x320 (6.7x and 3.1x reductions), PNG
// output, against Lanczos-3 over the full-resolution decode: median >= 40 dB, worst >= 36 dB.
void tst_Fidelity::resampling()
{
    QFETCH(QString, route);
    std::vector<double> figures;
    QStringList failures;
    for (const QString &name : resamplingSheets())
        for (const QSize box : kResamplingBoxes) {
            const Case c{
                name, route, QStringLiteral("srgb"), QStringLiteral("strip"), QStringLiteral("png"),
                box};
            const Output &out = output(c);
            if (!out.decoded) {
                failures << name + QLatin1String(": ") + out.problem;
                continue;
            }
            if (QSize(out.image.width(), out.image.height()) != box) {
                failures << QStringLiteral("%1: %2x%3 for %4x%5")
                                .arg(name)
                                .arg(out.image.width())
                                .arg(out.image.height())
                                .arg(box.width())
                                .arg(box.height());
                continue;
            }
            const double db = F::psnr(out.image, reference(input(name), "srgb", box));
            figures.push_back(db);
            qInfo("resampling %s %s -> %dx%d: %.2f dB", qPrintable(route), qPrintable(name),
                  box.width(), box.height(), db);
        }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1String("; "))));
    std::sort(figures.begin(), figures.end());
    const size_t n = figures.size();
    const double median = n % 2 ? figures[n / 2] : (figures[n / 2 - 1] + figures[n / 2]) / 2;
    qInfo("resampling %s: median %.2f dB, worst %.2f dB over %zu cases", qPrintable(route), median,
          figures.front(), n);
    QVERIFY2(median >= 40, qPrintable(QStringLiteral("median %1 dB").arg(median, 0, 'f', 2)));
    QVERIFY2(figures.front() >= 36,
             qPrintable(QStringLiteral("worst %1 dB").arg(figures.front(), 0, 'f', 2)));
}

void tst_Fidelity::resamplingRoutesAgree_data()
{
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<QSize>("box");
    for (const QString &name : resamplingSheets())
        for (const QSize box : kResamplingBoxes)
            QTest::addRow("%s>%dx%d", qPrintable(name), box.width(), box.height()) << name << box;
}

// The resampling cases are recipes too: any two routes within 40 dB of each other.
void tst_Fidelity::resamplingRoutesAgree()
{
    QFETCH(QString, sheet);
    QFETCH(QSize, box);
    Case c;
    c.input = sheet;
    c.meta = QStringLiteral("strip");
    c.format = QStringLiteral("png");
    c.box = box;
    const QStringList problems = routeDisagreements(c, box);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}

QTEST_GUILESS_MAIN(tst_Fidelity)
#include "tst_fidelity.moc"
