#include "tst_protocol.h"

#include "stepjson.h"

namespace {
// sampleJob(5) on the wire, with one key of the job (or of its recipe, "recipe.<key>") set to
// `value`, or removed when `value` is undefined.
QJsonObject jobWith(const QString &key, const QJsonValue &value)
{
    QJsonObject job = sampleJob(5).toJson();
    const qsizetype dot = key.indexOf(QLatin1Char('.'));
    const QString parent = dot < 0 ? QString() : key.left(dot);
    QJsonObject inner = job.value(parent).toObject();
    QJsonObject *target = dot < 0 ? &job : &inner;
    const QString name = key.mid(dot + 1);
    if (value.isUndefined())
        target->remove(name);
    else
        target->insert(name, value);
    if (dot >= 0)
        job.insert(parent, inner);
    return job;
}

void addBadRow(const QString &key, const QString &what, const QJsonValue &value,
               const QString &expected)
{
    QTest::newRow(qPrintable(key + QLatin1Char(' ') + what)) << jobWith(key, value) << expected;
}

void ranged(const char *key, const QJsonValue &value, const QString &expected)
{
    QTest::newRow(
        qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(key), value.toVariant().toString())))
        << jobWith(QStringLiteral("recipe.") + QLatin1String(key), value) << expected;
}

// A complete step of each kind, as the wire carries it (every key present).
QJsonObject wireResize(const char *mode)
{
    return QJsonObject{{"op", "resize"}, {"mode", mode},    {"width", 640},      {"height", 480},
                       {"percent", 50},  {"longEdge", 800}, {"noEnlarge", false}};
}

// sampleJob(5) with the steps [rotate 90, `step`]: errors name steps[1].
void stepRow(const char *name, QJsonObject step, const char *key, const QJsonValue &value,
             const QString &expected)
{
    if (value.isUndefined())
        step.remove(QLatin1String(key));
    else
        step.insert(QLatin1String(key), value);
    const QJsonArray steps{QJsonObject{{"op", "rotate"}, {"degrees", 90}}, step};
    QTest::newRow(name) << jobWith(QStringLiteral("recipe.steps"), steps)
                        << QStringLiteral("recipe.steps[1].") + expected;
}

void addStepRows()
{
    const QJsonValue missing = QJsonValue::Undefined;
    const QString modes = QStringLiteral("none, fit, fill, exact, percent, long-edge");
    stepRow("unknown op", {{"op", "blur"}}, "radius", 3,
            "op: is not a known operation (got \"blur\")");
    stepRow("mode missing", wireResize("fit"), "mode", missing, "mode: is missing");
    stepRow("mode unknown", wireResize("fit"), "mode", "stretch",
            QStringLiteral("mode: must be one of %1 (got \"stretch\")").arg(modes));
    for (const char *key : {"width", "height", "longEdge"}) {
        const QString name = QLatin1String(key);
        stepRow(qPrintable(name + " missing"), wireResize("fit"), key, missing,
                name + ": is missing");
        stepRow(qPrintable(name + " string"), wireResize("fit"), key, "800",
                name + ": must be a whole number (got \"800\")");
        stepRow(qPrintable(name + " fraction"), wireResize("fit"), key, 80.5,
                name + ": must be a whole number (got 80.5)");
        stepRow(qPrintable(name + " beyond int"), wireResize("fit"), key, 1e12,
                name + ": must be a whole number (got 1e+12)");
    }
    stepRow("percent string", wireResize("percent"), "percent", "50",
            "percent: must be a number (got \"50\")");
    stepRow("noEnlarge number", wireResize("fit"), "noEnlarge", 1,
            "noEnlarge: must be true or false (got 1)");
    // Out of range for the mode in use.
    stepRow("fit width 0", wireResize("fit"), "width", 0,
            "width: must be between 1 and 100000 pixels (got 0)");
    stepRow("fill height -3", wireResize("fill"), "height", -3,
            "height: must be between 1 and 100000 pixels (got -3)");
    stepRow("exact width 100001", wireResize("exact"), "width", 100001,
            "width: must be between 1 and 100000 pixels (got 100001)");
    stepRow("long edge 0", wireResize("long-edge"), "longEdge", 0,
            "longEdge: must be between 1 and 100000 pixels (got 0)");
    stepRow("percent 0", wireResize("percent"), "percent", 0,
            "percent: must be more than 0 and at most 1000 (got 0)");
    stepRow("percent 1000.5", wireResize("percent"), "percent", 1000.5,
            "percent: must be more than 0 and at most 1000 (got 1000.5)");
    const QJsonObject rotate{{"op", "rotate"}, {"degrees", 90}};
    stepRow("degrees missing", rotate, "degrees", missing, "degrees: is missing");
    stepRow("degrees 45", rotate, "degrees", 45, "degrees: must be 90, 180 or 270 (got 45)");
    stepRow("flip axis x", {{"op", "flip"}}, "axis", "x", "axis: must be one of h, v (got \"x\")");
    const QJsonObject crop{{"op", "crop"}, {"aspect", "16:9"}, {"gravity", "centre"}};
    stepRow("crop gravity missing", crop, "gravity", missing, "gravity: is missing");
    stepRow("crop aspect 0:9", crop, "aspect", "0:9",
            "aspect: must be two whole numbers from 1 to 100000 (got 0:9)");
    stepRow("crop without window", {{"op", "crop"}}, "gravity", "north",
            "aspect: or \"box\" is missing");
    const QJsonObject pad{
        {"op", "pad"}, {"size", "100x100"}, {"background", "#ffffff"}, {"gravity", "centre"}};
    stepRow("pad background missing", pad, "background", missing, "background: is missing");
    stepRow("pad background puce", pad, "background", "puce",
            "background: must be #rrggbb or #rrggbbaa (got \"puce\")");
    stepRow("pad gravity attention", pad, "gravity", "attention",
            "gravity: cannot be attention (only crops can)");
    const QJsonObject sharpen{{"op", "sharpen"}, {"sigma", 0.75}, {"amount", 0.75}};
    stepRow("sharpen amount missing", sharpen, "amount", missing, "amount: is missing");
    stepRow("sharpen sigma 0", sharpen, "sigma", 0, "sigma: must be between 0.1 and 10 (got 0)");
    const QJsonObject adjust{{"op", "adjust"}, {"brightness", 0}, {"contrast", 0}, {"gamma", 1}};
    stepRow("adjust gamma missing", adjust, "gamma", missing, "gamma: is missing");
    stepRow("adjust contrast 101", adjust, "contrast", 101,
            "contrast: must be between -100 and 100 (got 101)");
    const QJsonObject mark{
        {"op", "watermark"},   {"text", "(c)"}, {"font", "Sans"},          {"size", 4},
        {"colour", "#ffffff"}, {"opacity", 60}, {"position", "southeast"}, {"margin", 2}};
    stepRow("watermark font missing", mark, "font", missing, "font: is missing");
    stepRow("watermark opacity 101", mark, "opacity", 101,
            "opacity: must be between 0 and 100 (got 101)");
    stepRow("watermark empty text", mark, "text", "", "text: or \"image\" must be given, not both");
}
} // namespace

// Every field of a Job and its Recipe: wrong type, out of range, missing, unknown name. The
// expected texts are written out here, not taken from the decoder.
void tst_Protocol::badJobField_data()
{
    QTest::addColumn<QJsonObject>("job");
    QTest::addColumn<QString>("expected");
    const QJsonValue missing = QJsonValue::Undefined;
    addBadRow("id", "missing", missing, "id: is missing");
    addBadRow("id", "number", 5, "id: must be a string");
    addBadRow("id", "not decimal", "five", "id: must be a positive decimal number (got \"five\")");
    addBadRow("id", "zero", "0", "id: must be a positive decimal number (got \"0\")");
    addBadRow("input", "missing", missing, "input: is missing");
    addBadRow("input", "number", 1, "input: must be a string");
    addBadRow("input", "empty", "", "input: must not be empty");
    addBadRow("output", "missing", missing, "output: is missing");
    addBadRow("output", "list", QJsonArray{}, "output: must be a string");
    addBadRow("output", "empty", "", "output: must not be empty");
    addBadRow("recipe", "missing", missing, "recipe: is missing");
    addBadRow("recipe", "string", "fit", "recipe: must be an object");
    addBadRow("overwrite", "missing", missing, "overwrite: is missing");
    addBadRow("overwrite", "number", 1, "overwrite: must be true or false");
    addBadRow("maxPixels", "missing", missing, "maxPixels: is missing");
    addBadRow("maxPixels", "string", "100", "maxPixels: must be a number");
    addBadRow("maxPixels", "zero", 0, "maxPixels: must be a whole number of at least 1 (got 0)");
    addBadRow("maxPixels", "fraction", 2.5,
              "maxPixels: must be a whole number of at least 1 (got 2.5)");

    addBadRow("probe", "missing", missing, "probe: is missing");
    addBadRow("probe", "list", QJsonArray{}, "probe: must be an object");
    const QString formats = QStringLiteral("unknown, jpeg, png, webp, tiff, gif, bmp");
    addBadRow("probe.format", "missing", missing, "probe.format: is missing");
    addBadRow("probe.format", "unknown", "heic",
              QStringLiteral("probe.format: must be one of %1").arg(formats));
    addBadRow("probe.format", "number", 1,
              QStringLiteral("probe.format: must be one of %1").arg(formats));
    addBadRow("probe.bytes", "missing", missing, "probe.bytes: is missing");
    addBadRow("probe.bytes", "below -1", -2,
              "probe.bytes: must be a whole number from -1 to 9000000000000000 (got -2)");
    addBadRow("probe.bytes", "string", "12",
              "probe.bytes: must be a whole number from -1 to 9000000000000000 (got no number)");
    addBadRow("probe.modifiedMs", "missing", missing, "probe.modifiedMs: is missing");
    addBadRow("probe.modifiedMs", "fraction", 1.5,
              "probe.modifiedMs: must be a whole number from -9000000000000000 to "
              "9000000000000000 (got 1.5)");
    addBadRow("probe.captureDate", "missing", missing, "probe.captureDate: is missing");
    addBadRow("probe.captureDate", "number", 2019, "probe.captureDate: must be a string");
    addBadRow("probe.width", "missing", missing, "probe.width: is missing");
    addBadRow("probe.width", "negative", -1,
              "probe.width: must be a whole number from 0 to 2147483647 (got -1)");
    addBadRow("probe.height", "missing", missing, "probe.height: is missing");
    addBadRow("probe.height", "huge", 3e9,
              "probe.height: must be a whole number from 0 to 2147483647 (got 3e+09)");
    addBadRow("probe.orientation", "missing", missing, "probe.orientation: is missing");
    addBadRow("probe.orientation", "nine", 9,
              "probe.orientation: must be a whole number from 0 to 8 (got 9)");
    addBadRow("probe.alpha", "missing", missing, "probe.alpha: is missing");
    addBadRow("probe.alpha", "number", 1, "probe.alpha: must be true or false");

    addBadRow("recipe.steps", "missing", missing, "recipe.steps: is missing");
    addBadRow("recipe.steps", "number", 1, "recipe.steps: must be a list (got 1)");
    addBadRow("recipe.version", "missing", missing, "recipe.version: is missing");
    addBadRow("recipe.version", "one", 1, "recipe.version: must be 2 (got 1)");
    addBadRow("recipe.quality", "missing", missing, "recipe.quality: is missing");
    addBadRow("recipe.quality", "string", "800",
              "recipe.quality: must be a whole number (got \"800\")");
    for (const char *key : {"strip", "stripGps", "autoOrient"}) {
        const QString name = QStringLiteral("recipe.") + QLatin1String(key);
        addBadRow(name, "missing", missing, name + QStringLiteral(": is missing"));
        addBadRow(name, "number", 1, name + QStringLiteral(": must be true or false (got 1)"));
        addBadRow(name, "null", QJsonValue::Null,
                  name + QStringLiteral(": must be true or false (got null)"));
    }
    const struct
    {
        const char *key;
        const char *names;
    } enums[] = {{"format", "same, jpg, png, webp, tiff, avif, jxl, heic"},
                 {"colour", "srgb, keep"},
                 {"engine", "auto, vips, opencv"}};
    for (const auto &e : enums) {
        const QString name = QStringLiteral("recipe.") + QLatin1String(e.key);
        addBadRow(name, "missing", missing, name + QStringLiteral(": is missing"));
        addBadRow(name, "unknown", "gif",
                  QStringLiteral("%1: must be one of %2 (got \"gif\")")
                      .arg(name, QLatin1String(e.names)));
        addBadRow(
            name, "bool", true,
            QStringLiteral("%1: must be one of %2 (got true)").arg(name, QLatin1String(e.names)));
    }

    ranged("quality", 0, "recipe.quality: must be between 1 and 100 (got 0)");
    ranged("quality", 101, "recipe.quality: must be between 1 and 100 (got 101)");
    ranged("maxSizeKb", -1,
           "recipe.maxSizeKb: must be between 0 (no limit) and 1000000 kB (got -1)");
    addStepRows();
}

void tst_Protocol::badJobField()
{
    QFETCH(QJsonObject, job);
    QFETCH(QString, expected);
    // Through the wire, as the worker reads it.
    const QJsonObject message{{QStringLiteral("type"), QStringLiteral("jobs")},
                              {QStringLiteral("jobs"), QJsonArray{job}}};
    Protocol::FrameReader reader;
    reader.append(Protocol::encodeFrame(message));
    const std::optional<QJsonObject> frame = reader.takeFrame();
    QVERIFY(frame);
    QString listError;
    const QList<Protocol::JobRequest> requests = Protocol::jobsFrom(*frame, &listError);
    QVERIFY(listError.isEmpty());
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().error, expected);
    const JobResult answer = Protocol::badJobResult(requests.first());
    QCOMPARE(toString(answer.status), toString(JobStatus::Failed));
    QCOMPARE(toString(answer.failure), toString(FailureKind::ProtocolError));
    QVERIFY2(answer.message.endsWith(expected), qPrintable(answer.message));
}

// The answer to a bad job names the job, so the pool can give it its verdict; good jobs in
// the same message are unaffected.
void tst_Protocol::badJobKeepsItsId()
{
    QJsonObject bad = sampleJob(8).toJson();
    QJsonObject recipe = bad.value(QLatin1String("recipe")).toObject();
    recipe.insert(QStringLiteral("quality"), 0);
    bad.insert(QStringLiteral("recipe"), recipe);
    const QJsonObject message{
        {QStringLiteral("type"), QStringLiteral("jobs")},
        {QStringLiteral("jobs"), QJsonArray{sampleJob(7).toJson(), bad, sampleJob(9).toJson()}}};
    const QList<Protocol::JobRequest> requests = Protocol::jobsFrom(message);
    QCOMPARE(requests.size(), 3);
    QVERIFY(requests[0].isValid());
    QVERIFY(!requests[1].isValid());
    QVERIFY(requests[2].isValid());
    QCOMPARE(Protocol::badJobResult(requests[1]).id, JobId(8));
    QCOMPARE(Protocol::badJobResult(requests[1]).inputPath, sampleJob(8).inputPath);
}

void tst_Protocol::jobsWithoutList()
{
    QString error;
    const QJsonObject message{{QStringLiteral("type"), QStringLiteral("jobs")},
                              {QStringLiteral("jobs"), QJsonObject{}}};
    QVERIFY(Protocol::jobsFrom(message, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("\"jobs\" list")), qPrintable(error));
}

namespace {
// Every key of a Job on the wire, nested ones as "recipe.width".
QStringList wireKeys(const QJsonObject &object, const QString &prefix = QString())
{
    QStringList keys;
    for (auto it = object.begin(); it != object.end(); ++it) {
        keys.append(prefix + it.key());
        if (it.value().isObject())
            keys += wireKeys(it.value().toObject(), prefix + it.key() + QLatin1Char('.'));
    }
    return keys;
}
} // namespace

// The Job schema as this version has it. A change to Job, Recipe or ImageProbe keys fails
// here until the protocol version is raised with it: workers of another build would decode
// jobs differently, and only the version at the hello keeps such a pair apart.
void tst_Protocol::schemaChangeNeedsNewVersion()
{
    const QStringList version7{"id",
                               "input",
                               "maxPixels",
                               "output",
                               "overwrite",
                               "probe",
                               "probe.alpha",
                               "probe.bytes",
                               "probe.captureDate",
                               "probe.format",
                               "probe.height",
                               "probe.modifiedMs",
                               "probe.orientation",
                               "probe.width",
                               "recipe",
                               "recipe.autoOrient",
                               "recipe.colour",
                               "recipe.effort",
                               "recipe.engine",
                               "recipe.format",
                               "recipe.lossless",
                               "recipe.maxSizeKb",
                               "recipe.palette",
                               "recipe.pngCompression",
                               "recipe.progressive",
                               "recipe.quality",
                               "recipe.steps",
                               "recipe.strip",
                               "recipe.stripGps",
                               "recipe.subsampling",
                               "recipe.version"};
    QStringList keys = wireKeys(Job().toJson());
    keys.sort();
    QCOMPARE(keys, version7);
    QCOMPARE(Protocol::kVersion, 7);
    QCOMPARE(Recipe::kVersion, 2);
    // Each step's keys, in the same way.
    const QStringList stepKeys{"resize: height longEdge mode noEnlarge op percent width",
                               "crop: aspect gravity op",
                               "crop: box op",
                               "rotate: degrees op",
                               "flip: axis op",
                               "pad: background gravity op size",
                               "sharpen: amount op sigma",
                               "adjust: brightness contrast gamma op",
                               "autolevel: op",
                               "grayscale: op",
                               "watermark: colour font margin op opacity position size text",
                               "watermark: colour font image margin op opacity position size"};
    CropStep box;
    box.box = QRect(1, 2, 3, 4);
    WatermarkStep logo;
    logo.imagePath = QStringLiteral("logo.png");
    const QList<Step> steps{ResizeStep{},
                            CropStep{16, 9, {}, Gravity::North},
                            box,
                            RotateStep{},
                            FlipStep{},
                            PadStep{},
                            SharpenStep{},
                            AdjustStep{},
                            AutoLevelStep{},
                            GrayscaleStep{},
                            WatermarkStep{QStringLiteral("(c)")},
                            logo};
    QStringList actual;
    for (const Step &step : steps) {
        QStringList names = stepToJson(step).keys();
        names.sort();
        actual.append(opName(step) + QStringLiteral(": ") + names.join(QLatin1Char(' ')));
    }
    QCOMPARE(actual, stepKeys);
}
