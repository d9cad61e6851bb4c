#include "tst_cli.h"

// Operations from the command line: the canonical order of the flags, --recipe files in their
// own order, and rotate/flip pixels through the real CLI and workers.

namespace {
QJsonArray printedSteps(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).object().value(QLatin1String("steps")).toArray();
}

QJsonArray stepsFrom(const char *json)
{
    return QJsonDocument::fromJson(json).array();
}

// Six colours, one per pixel of a 3x2 image: A B C / D E F.
QRgb colourOf(char letter)
{
    switch (letter) {
    case 'A':
        return qRgb(255, 0, 0);
    case 'B':
        return qRgb(0, 255, 0);
    case 'C':
        return qRgb(0, 0, 255);
    case 'D':
        return qRgb(255, 255, 0);
    case 'E':
        return qRgb(0, 255, 255);
    default:
        return qRgb(255, 0, 255);
    }
}

QImage letters(const QStringList &rows)
{
    QImage image(int(rows.first().size()), int(rows.size()), QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, colourOf(rows[y].at(x).toLatin1()));
    return image;
}

bool near(QRgb a, QRgb b, int tolerance)
{
    return std::abs(qRed(a) - qRed(b)) <= tolerance &&
           std::abs(qGreen(a) - qGreen(b)) <= tolerance &&
           std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}
} // namespace

// Flags given in a scrambled order come out in the documented one.
void tst_Cli::printRecipeUsesTheCanonicalOrder()
{
    const Run run = cli({"--print-recipe", "--watermark-text",
                         "(c) me",         "--grayscale",
                         "--sharpen",      "--auto-level",
                         "--contrast",     "10",
                         "--flip",         "h",
                         "--rotate",       "90",
                         "--pad",          "1200x1200",
                         "--background",   "black",
                         "--long-edge",    "1000",
                         "--crop",         "1:1",
                         "--gravity",      "attention",
                         "--format",       "webp"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject recipe = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(recipe.value(QLatin1String("version")).toInt(), 2);
    QCOMPARE(recipe.value(QLatin1String("format")).toString(), QStringLiteral("webp"));
    const QJsonArray expected = stepsFrom(R"([
        {"op":"crop","aspect":"1:1","gravity":"attention"},
        {"op":"resize","mode":"long-edge","width":0,"height":0,"percent":100,"longEdge":1000,
         "noEnlarge":false},
        {"op":"pad","size":"1200x1200","background":"#000000","gravity":"centre"},
        {"op":"rotate","degrees":90},
        {"op":"flip","axis":"h"},
        {"op":"adjust","brightness":0,"contrast":10,"gamma":1},
        {"op":"autolevel"},
        {"op":"sharpen","sigma":0.75,"amount":0.75},
        {"op":"grayscale"},
        {"op":"watermark","text":"(c) me","font":"Sans Bold","size":4,"colour":"#ffffff",
         "opacity":60,"position":"southeast","margin":2}
    ])");
    QVERIFY(!expected.isEmpty());
    QCOMPARE(printedSteps(run.out), expected);
    // An amount given to --sharpen is kept, as a following argument or after "=".
    QCOMPARE(printedSteps(cli({"--print-recipe", "--sharpen", "1.5"}).out),
             stepsFrom(R"([{"op":"sharpen","sigma":0.75,"amount":1.5}])"));
    QCOMPARE(printedSteps(cli({"--print-recipe", "--sharpen=2"}).out),
             stepsFrom(R"([{"op":"sharpen","sigma":0.75,"amount":2}])"));
}

// A recipe file runs in its own order; output flags still apply, step flags conflict.
void tst_Cli::recipeFileKeepsItsOrder()
{
    const QString path = m_in + "/recipe.json";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version":2,"steps":[{"op":"rotate","degrees":270},{"op":"grayscale"},
        {"op":"flip","axis":"v"}],"format":"png","quality":70})");
    file.close();
    const Run printed = cli({"--print-recipe", "--recipe", path, "--quality", "50"});
    QCOMPARE(printed.exitCode, 0);
    QCOMPARE(printedSteps(printed.out),
             stepsFrom(R"([{"op":"rotate","degrees":270},{"op":"grayscale"},
                           {"op":"flip","axis":"v"}])"));
    const QJsonObject recipe = QJsonDocument::fromJson(printed.out).object();
    QCOMPARE(recipe.value(QLatin1String("quality")).toInt(), 50);
    QCOMPARE(recipe.value(QLatin1String("format")).toString(), QStringLiteral("png"));

    const Run conflict = cli({"--print-recipe", "--recipe", path, "--rotate", "90"});
    QCOMPARE(conflict.exitCode, 2);
    QVERIFY2(conflict.err.contains("--rotate cannot be added"), conflict.err);

    // Run it: 3x2 ABC/DEF turned 270 is 2x3 CF/BE/AD, flipped upside down AD/BE/CF, in gray:
    // BT.601 luma of red 0.299 * 255 = 76, of green 150, of magenta (0.299 + 0.114) * 255 = 105.
    QVERIFY(letters({"ABC", "DEF"}).save(m_in + "/abc.png"));
    const Run run = cli({m_in + "/abc.png", "-o", m_out, "--recipe", path});
    QVERIFY2(run.exitCode == 0, run.err);
    const QImage out(m_out + "/abc.png");
    QCOMPARE(out.size(), QSize(2, 3));
    QVERIFY(out.isGrayscale());
    QCOMPARE(qRed(out.pixel(0, 0)), 76);
    QCOMPARE(qRed(out.pixel(0, 1)), 150);
    QCOMPARE(qRed(out.pixel(1, 2)), 105);
}

void tst_Cli::rotateAndFlipPixels_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QStringList>("expected");
    for (const char *engine : {"opencv", "vips"}) {
        const QString e = QLatin1String(engine);
        QTest::addRow("rotate 90, %s", engine)
            << QStringList{"--rotate", "90", "--engine", e} << QStringList{"DA", "EB", "FC"};
        QTest::addRow("rotate 180, %s", engine)
            << QStringList{"--rotate", "180", "--engine", e} << QStringList{"FED", "CBA"};
        QTest::addRow("rotate 270, %s", engine)
            << QStringList{"--rotate", "270", "--engine", e} << QStringList{"CF", "BE", "AD"};
        QTest::addRow("flip h, %s", engine)
            << QStringList{"--flip", "h", "--engine", e} << QStringList{"CBA", "FED"};
        QTest::addRow("flip v, %s", engine)
            << QStringList{"--flip", "v", "--engine", e} << QStringList{"DEF", "ABC"};
        // Canonical order: rotate, then flip: a transpose.
        QTest::addRow("flip h given before rotate 90, %s", engine)
            << QStringList{"--flip", "h", "--rotate", "90", "--engine", e}
            << QStringList{"AD", "BE", "CF"};
    }
}

// PNG in and out: lossless, so every pixel is exactly where the hand-drawn grid puts it.
void tst_Cli::rotateAndFlipPixels()
{
    QFETCH(QStringList, flags);
    QFETCH(QStringList, expected);
    QVERIFY(letters({"ABC", "DEF"}).save(m_in + "/abc.png"));
    const Run run = cli(QStringList{m_in + "/abc.png", "-o", m_out} + flags);
    QVERIFY2(run.exitCode == 0, run.err);
    const QImage out = QImage(m_out + "/abc.png").convertToFormat(QImage::Format_RGB32);
    const QImage want = letters(expected);
    QCOMPARE(out.size(), want.size());
    for (int y = 0; y < want.height(); ++y)
        for (int x = 0; x < want.width(); ++x)
            QVERIFY2(out.pixel(x, y) == want.pixel(x, y),
                     qPrintable(QStringLiteral("pixel %1,%2").arg(x).arg(y)));
}

// JPEG in (libjpeg-turbo's route, its luma route, and the fused leading resize): halves of a
// 64x32 image, red left and blue right, land where the turn puts them.
void tst_Cli::rotateAfterJpegDecode()
{
    QImage halves(64, 32, QImage::Format_RGB32);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x)
            halves.setPixel(x, y, x < 32 ? qRgb(200, 30, 30) : qRgb(30, 30, 200));
    QVERIFY(halves.save(m_in + "/halves.jpg", "JPEG", 95));
    const auto run = [&](const QStringList &flags, const QString &out) {
        const Run r =
            cli(QStringList{m_in + "/halves.jpg", "-o", m_out + out, "--format", "png"} + flags);
        QVERIFY2(r.exitCode == 0, r.err);
    };
    // Clockwise: the left half becomes the top half.
    run({"--rotate", "90"}, "/rgb");
    QImage out(m_out + "/rgb/halves.png");
    QCOMPARE(out.size(), QSize(32, 64));
    QVERIFY(near(out.pixel(16, 8), qRgb(200, 30, 30), 12));
    QVERIFY(near(out.pixel(16, 56), qRgb(30, 30, 200), 12));
    // Gray from the luma plane, then turned: 0.299*200 + 0.587*30 + 0.114*30 = 80.8 on top,
    // 0.299*30 + 0.587*30 + 0.114*200 = 49.4 below.
    run({"--rotate", "270", "--grayscale"}, "/gray");
    out = QImage(m_out + "/gray/halves.png");
    QCOMPARE(out.size(), QSize(32, 64));
    QVERIFY2(std::abs(qGray(out.pixel(16, 8)) - 49) <= 4,
             qPrintable(QString::number(qGray(out.pixel(16, 8)))));
    QVERIFY2(std::abs(qGray(out.pixel(16, 56)) - 81) <= 4,
             qPrintable(QString::number(qGray(out.pixel(16, 56)))));
    // The leading resize shrinks while decoding (fit 16x16: 16x8), then the turn: 8x16.
    run({"--resize", "16x16", "--rotate", "90"}, "/small");
    out = QImage(m_out + "/small/halves.png");
    QCOMPARE(out.size(), QSize(8, 16));
    QVERIFY(near(out.pixel(4, 2), qRgb(200, 30, 30), 16));
    QVERIFY(near(out.pixel(4, 13), qRgb(30, 30, 200), 16));
    // The same through a resize that is not first: decoded whole, turned, then resized.
    QFile recipe(m_in + "/turn-then-fit.json");
    QVERIFY(recipe.open(QIODevice::WriteOnly));
    recipe.write(R"({"version":2,"steps":[{"op":"rotate","degrees":90},
        {"op":"resize","mode":"fit","width":16,"height":16}],"format":"png"})");
    recipe.close();
    run({"--recipe", recipe.fileName()}, "/later");
    out = QImage(m_out + "/later/halves.png");
    QCOMPARE(out.size(), QSize(8, 16));
    QVERIFY(near(out.pixel(4, 2), qRgb(200, 30, 30), 16));
    QVERIFY(near(out.pixel(4, 13), qRgb(30, 30, 200), 16));
}

// A crop box that misses an image fails that image, with the reason, before any decoding.
void tst_Cli::cropBoxOutsideFailsThatImage()
{
    QVERIFY(letters({"ABC", "DEF"}).save(m_in + "/small.png"));
    const Run run = cli({m_in + "/small.png", "-o", m_out, "--crop", "10x10+50+0"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("small.png"), run.err);
    QVERIFY2(run.err.contains("the operations leave nothing of this 3x2 image"), run.err);
    QVERIFY(!QFile::exists(m_out + "/small.png"));
}
