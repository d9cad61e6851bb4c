#include "tst_protocol.h"

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

    const QString modes = QStringLiteral("none, fit, fill, exact, percent, long-edge");
    addBadRow("recipe.resize", "missing", missing, "recipe.resize: is missing");
    addBadRow("recipe.resize", "number", 1,
              QStringLiteral("recipe.resize: must be one of %1 (got 1)").arg(modes));
    addBadRow("recipe.resize", "unknown", "stretch",
              QStringLiteral("recipe.resize: must be one of %1 (got \"stretch\")").arg(modes));
    for (const char *key : {"width", "height", "longEdge", "quality"}) {
        const QString name = QStringLiteral("recipe.") + QLatin1String(key);
        addBadRow(name, "missing", missing, name + QStringLiteral(": is missing"));
        addBadRow(name, "string", "800",
                  name + QStringLiteral(": must be a whole number (got \"800\")"));
        addBadRow(name, "fraction", 80.5,
                  name + QStringLiteral(": must be a whole number (got 80.5)"));
        addBadRow(name, "beyond int", 1e12,
                  name + QStringLiteral(": must be a whole number (got 1e+12)"));
    }
    addBadRow("recipe.percent", "missing", missing, "recipe.percent: is missing");
    addBadRow("recipe.percent", "string", "50", "recipe.percent: must be a number (got \"50\")");
    for (const char *key : {"noEnlarge", "grayscale", "strip", "stripGps", "autoOrient"}) {
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

    // Out of range for the resize mode in use (sampleJob's recipe is "none", so each row
    // also sets the mode that uses the field).
    const auto ranged = [](const char *mode, const char *key, const QJsonValue &value,
                           const QString &expected) {
        QJsonObject job = sampleJob(5).toJson();
        QJsonObject recipe = job.value(QLatin1String("recipe")).toObject();
        recipe.insert(QStringLiteral("resize"), QLatin1String(mode));
        recipe.insert(QStringLiteral("width"), 640);
        recipe.insert(QStringLiteral("height"), 480);
        recipe.insert(QStringLiteral("longEdge"), 800);
        recipe.insert(QLatin1String(key), value);
        job.insert(QStringLiteral("recipe"), recipe);
        QTest::newRow(qPrintable(
            QStringLiteral("%1 %2 %3")
                .arg(QLatin1String(mode), QLatin1String(key), value.toVariant().toString())))
            << job << expected;
    };
    ranged("fit", "width", 0, "recipe.width: must be between 1 and 100000 pixels (got 0)");
    ranged("fill", "height", -3, "recipe.height: must be between 1 and 100000 pixels (got -3)");
    ranged("exact", "width", 100001,
           "recipe.width: must be between 1 and 100000 pixels (got 100001)");
    ranged("long-edge", "longEdge", 0,
           "recipe.longEdge: must be between 1 and 100000 pixels (got 0)");
    ranged("percent", "percent", 0, "recipe.percent: must be more than 0 and at most 1000 (got 0)");
    ranged("percent", "percent", 1000.5,
           "recipe.percent: must be more than 0 and at most 1000 (got 1000.5)");
    ranged("none", "quality", 0, "recipe.quality: must be between 1 and 100 (got 0)");
    ranged("none", "quality", 101, "recipe.quality: must be between 1 and 100 (got 101)");
    ranged("none", "maxSizeKb", -1,
           "recipe.maxSizeKb: must be between 0 (no limit) and 1000000 kB (got -1)");
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
    const QStringList version5{"id",
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
                               "recipe.grayscale",
                               "recipe.height",
                               "recipe.longEdge",
                               "recipe.lossless",
                               "recipe.maxSizeKb", // branch maxsize: kVersion bumps at merge
                               "recipe.noEnlarge",
                               "recipe.palette",
                               "recipe.percent",
                               "recipe.pngCompression",
                               "recipe.progressive",
                               "recipe.quality",
                               "recipe.resize",
                               "recipe.strip",
                               "recipe.stripGps",
                               "recipe.subsampling",
                               "recipe.width"};
    QStringList keys = wireKeys(Job().toJson());
    keys.sort();
    QCOMPARE(keys, version5);
    QCOMPARE(Protocol::kVersion, 5);
}
