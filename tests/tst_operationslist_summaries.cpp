// Each step's one-line summary, against hand-written expected strings.
#include "tst_operationslist.h"

void tst_OperationsList::summaries_data()
{
    QTest::addColumn<Step>("step");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const Step &step, const char *expected) {
        QTest::newRow(name) << step << QString::fromUtf8(expected);
    };
    row("crop aspect", CropStep{1, 1, {}, Gravity::Attention}, "Crop 1:1, attention");
    row("crop 16:9", CropStep{16, 9, {}, Gravity::Centre}, "Crop 16:9, centre");
    row("crop box", CropStep{0, 0, QRect(10, 20, 800, 600), Gravity::Centre},
        "Crop 800×600 at 10, 20");
    row("fit", ResizeStep{ResizeMode::Fit, 1920, 1080, 100, 0, false}, "Resize: fit in 1920×1080");
    row("fill", ResizeStep{ResizeMode::Fill, 800, 800, 100, 0, false}, "Resize: fill 800×800");
    row("exact", ResizeStep{ResizeMode::Exact, 640, 480, 100, 0, false}, "Resize: exactly 640×480");
    row("percent", ResizeStep{ResizeMode::Percent, 0, 0, 12.5, 0, false}, "Resize: 12.5%");
    row("long edge", ResizeStep{ResizeMode::LongEdge, 0, 0, 100, 2048, false}, "Long edge 2048 px");
    row("no enlarge", ResizeStep{ResizeMode::LongEdge, 0, 0, 100, 2048, true},
        "Long edge 2048 px, never enlarged");
    row("keep size", ResizeStep{ResizeMode::None, 0, 0, 100, 0, false}, "Resize: keep size");
    row("rotate 90", RotateStep{90}, "Rotate 90° clockwise");
    row("rotate 180", RotateStep{180}, "Rotate 180°");
    row("rotate 270", RotateStep{270}, "Rotate 270° clockwise");
    row("flip h", FlipStep{FlipAxis::Horizontal}, "Flip horizontally");
    row("flip v", FlipStep{FlipAxis::Vertical}, "Flip vertically");
    row("pad white", PadStep{QSize(1200, 1200), Rgba{}, Gravity::Centre},
        "Pad to 1200×1200, white");
    row("pad black top", PadStep{QSize(1080, 1350), Rgba{0, 0, 0, 255}, Gravity::North},
        "Pad to 1080×1350, black, top");
    row("pad translucent", PadStep{QSize(100, 50), Rgba{0x12, 0x34, 0x56, 0x80}, Gravity::Centre},
        "Pad to 100×50, #12345680");
    row("pad transparent", PadStep{QSize(64, 64), Rgba{0, 0, 0, 0}, Gravity::West},
        "Pad to 64×64, transparent, left");
    row("sharpen", SharpenStep{}, "Sharpen 0.75");
    row("sharpen radius", SharpenStep{1.5, 0.5}, "Sharpen 0.5, radius 1.5");
    row("adjust", AdjustStep{10, -5, 1.2}, "Brightness +10, contrast −5, gamma 1.2");
    row("adjust none", AdjustStep{}, "Brightness 0, contrast 0, gamma 1");
    row("auto level", AutoLevelStep{}, "Auto level");
    row("grayscale", GrayscaleStep{}, "Grayscale");
    WatermarkStep text;
    text.text = QStringLiteral("© Anna");
    row("text mark", text, "Watermark “© Anna” bottom right, 60%");
    text.text = QStringLiteral("%1 off"); // a placeholder in the text stays as typed
    text.position = Gravity::Centre;
    text.opacity = 100;
    row("text with %1", text, "Watermark “%1 off” centre, 100%");
    WatermarkStep logo;
    logo.imagePath = QStringLiteral("/home/anna/brand/logo.png");
    logo.position = Gravity::NorthWest;
    logo.opacity = 40;
    row("image mark", logo, "Watermark logo.png top left, 40%");
    row("empty mark", WatermarkStep{}, "Watermark: no image chosen");
}

void tst_OperationsList::summaries()
{
    QFETCH(Step, step);
    QFETCH(QString, expected);
    QCOMPARE(stepSummary(step), expected);
}
