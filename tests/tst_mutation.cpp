#include <QtTest>

#include <QDir>
#include <QHash>
#include <QRandomGenerator>

#include "engine/engine.h"
#include "pool/workerpool.h"
#include "testimages.h"

// A byte-mutation sweep through the real worker pool: mutants of photo-like JPEG, PNG and WebP
// files (fixed seed, so every run sees the same files), cycling through the recipe variants
// below so that every decoder sees mutants: libvips, the fast decoders, the luma-only paths
// (JPEG's and WebP's gray decode) and the auto router. Every
// file gets exactly one verdict, failures carry a readable reason, and outputs exist only for
// successes. A worker crash is tolerated as long as it is exactly one Failed result and the
// batch goes on; crashes are listed in the log so that they can be reported upstream.
class tst_Mutation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyMutantHasOneVerdict();
    void modernFormatMutantsHaveOneVerdict();

private:
    QByteArray mutate(const QByteArray &original, QRandomGenerator &random) const;
    // Mutants of each (suffix, original), `perFormat` of each, through a real pool.
    void sweep(const QList<QPair<QString, QByteArray>> &originals, int perFormat,
               const QString &folder);

    QTemporaryDir m_dir;
};

namespace {
constexpr int kMutantsPerFormat = 200;
constexpr int kModernMutantsPerFormat = 150;
constexpr quint32 kSeed = 20240607;

struct RecipeVariant
{
    EngineChoice engine;
    bool grayscale;
};
// Gray on the OpenCV route takes libwebp's luma plane and libjpeg's gray decode; gray on auto
// lets the router choose for a gray job as well as a colour one.
constexpr RecipeVariant kVariants[] = {{EngineChoice::Vips, false},
                                       {EngineChoice::OpenCv, false},
                                       {EngineChoice::OpenCv, true},
                                       {EngineChoice::Auto, false},
                                       {EngineChoice::Auto, true}};

// Photo-like: the smooth test image plus noise, so entropy-coded data looks like a photo's.
QByteArray photo(const char *suffix)
{
    const vips::VImage base = TestImages::make(QSize(256, 192));
    const vips::VImage noisy =
        (base + vips::VImage::gaussnoise(
                    256, 192, vips::VImage::option()->set("sigma", 12.0)->set("seed", 7)))
            .cast(VIPS_FORMAT_UCHAR);
    return TestImages::toBuffer(noisy, suffix);
}

bool isAcceptableFailure(FailureKind kind)
{
    switch (kind) {
    case FailureKind::CorruptData:
    case FailureKind::UnsupportedFormat:
    case FailureKind::TooLarge:
        return true;
    case FailureKind::WorkerCrashed: // counted and listed; still one verdict
#if defined(__SANITIZE_ADDRESS__)
        return false; // under ASan a crash is a memory error report: fail
#else
        return true;
#endif
    default:
        return false;
    }
}
} // namespace

void tst_Mutation::initTestCase()
{
    QString error;
    QVERIFY2(initializeEngines("tst_mutation", &error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    QVERIFY2(!locateWorkerExecutable().isEmpty(), "pixelmill-worker must be built beside the test");
}

// One of: flip bits in a few bytes, truncate, insert junk, zero or 0xFF a run, repeat a block.
// Bytes in the first 64 are favoured: headers are where parsers trust their input most.
QByteArray tst_Mutation::mutate(const QByteArray &original, QRandomGenerator &random) const
{
    QByteArray bytes = original;
    const auto offset = [&] {
        const bool header = random.bounded(3) == 0;
        return qsizetype(random.bounded(header ? qMin(64, int(bytes.size())) : int(bytes.size())));
    };
    switch (random.bounded(5)) {
    case 0:
        for (int i = 0, n = 1 + random.bounded(4); i < n; ++i) {
            const qsizetype at = offset();
            bytes[at] = char(uchar(bytes[at]) ^ uchar(1 + random.bounded(255)));
        }
        break;
    case 1:
        bytes.truncate(offset());
        break;
    case 2: {
        QByteArray junk(1 + random.bounded(16), '\0');
        for (char &c : junk)
            c = char(random.bounded(256));
        bytes.insert(offset(), junk);
        break;
    }
    case 3: {
        const qsizetype at = offset();
        const qsizetype n = qMin<qsizetype>(1 + random.bounded(32), bytes.size() - at);
        bytes.replace(at, n, QByteArray(n, random.bounded(2) ? '\xFF' : '\0'));
        break;
    }
    default: {
        const qsizetype at = offset();
        bytes.insert(at, bytes.mid(at, 1 + random.bounded(64)));
        break;
    }
    }
    return bytes;
}

void tst_Mutation::everyMutantHasOneVerdict()
{
    QList<QPair<QString, QByteArray>> originals;
    for (const char *suffix : {".jpg", ".png", ".webp"})
        originals.append({QLatin1String(suffix), photo(suffix)});
    sweep(originals, kMutantsPerFormat, QStringLiteral("classic"));
}

// HEIC (libheif + libde265), AVIF (libheif + dav1d) and JPEG XL (libjxl, the one untrusted
// libvips loader we unblock) get the same sweep, with fewer mutants: their decoders are slower.
void tst_Mutation::modernFormatMutantsHaveOneVerdict()
{
    const vips::VImage base = TestImages::make(QSize(256, 192)).copy_memory();
    const auto heif = [&](VipsForeignHeifCompression compression) {
        return TestImages::toBuffer(base, ".heic",
                                    vips::VImage::option()->set("compression", compression));
    };
    VipsBlob *blob = base.jxlsave_buffer();
    size_t size = 0;
    const void *data = vips_blob_get(blob, &size);
    const QByteArray jxl(static_cast<const char *>(data), qsizetype(size));
    vips_area_unref(VIPS_AREA(blob));
    sweep({{QStringLiteral(".heic"), heif(VIPS_FOREIGN_HEIF_COMPRESSION_HEVC)},
           {QStringLiteral(".avif"), heif(VIPS_FOREIGN_HEIF_COMPRESSION_AV1)},
           {QStringLiteral(".jxl"), jxl}},
          kModernMutantsPerFormat, QStringLiteral("modern"));
}

void tst_Mutation::sweep(const QList<QPair<QString, QByteArray>> &originals, int perFormat,
                         const QString &folder)
{
    QDir root(m_dir.filePath(folder));
    QVERIFY(root.mkpath(QStringLiteral("in")) && root.mkpath(QStringLiteral("out")));
    QRandomGenerator random(kSeed);
    QList<Job> jobs;
    for (const auto &[suffix, original] : originals) {
        for (int i = 0; i < perFormat; ++i) {
            Job job;
            job.id = JobId(jobs.size() + 1);
            const QString name = QStringLiteral("m%1%2").arg(job.id).arg(suffix);
            job.inputPath = root.filePath(QStringLiteral("in/") + name);
            job.outputPath = root.filePath(QStringLiteral("out/") + name);
            job.recipe.steps = {resizeStep(ResizeMode::Fit, 128, 128)};
            const RecipeVariant &variant = kVariants[i % std::size(kVariants)];
            job.recipe.engine = variant.engine;
            job.recipe.setGrayscale(variant.grayscale);
            QVERIFY(TestImages::writeBytes(job.inputPath, mutate(original, random)));
            jobs.append(job);
        }
    }
    PoolOptions options;
    options.workerPath = locateWorkerExecutable();
    options.workerCount = 2;
    options.jobTimeoutMs = 20'000;
    WorkerPool pool(options);
    QHash<JobId, int> verdicts;
    QHash<JobId, JobResult> results;
    connect(&pool, &WorkerPool::jobFinished, this, [&](const JobResult &r) {
        ++verdicts[r.id];
        results.insert(r.id, r);
    });
    QSignalSpy drained(&pool, &WorkerPool::drained);
    pool.submit(jobs);
    QVERIFY(drained.wait(55'000));

    QCOMPARE(results.size(), jobs.size());
    QMap<QString, int> tally;
    for (const Job &job : std::as_const(jobs)) {
        QCOMPARE(verdicts.value(job.id), 1);
        const JobResult r = results.value(job.id);
        const QString what = r.isOk() ? QStringLiteral("ok") : toString(r.failure);
        ++tally[what];
        if (r.failure == FailureKind::WorkerCrashed)
            qWarning("worker crash on %s (%s engine%s): %s", qPrintable(job.inputPath),
                     qPrintable(toString(job.recipe.engine)),
                     job.recipe.hasGrayscale() ? ", grayscale" : "", qPrintable(r.message));
        if (r.isOk()) {
            QVERIFY2(QFileInfo::exists(job.outputPath), qPrintable(job.inputPath));
            continue;
        }
        QCOMPARE(toString(r.status), toString(JobStatus::Failed));
        QVERIFY2(isAcceptableFailure(r.failure),
                 qPrintable(job.inputPath + QStringLiteral(": ") + what + QStringLiteral(": ") +
                            r.message));
        QVERIFY(!r.message.isEmpty());
        QVERIFY2(!QFileInfo::exists(job.outputPath), qPrintable(job.outputPath));
    }
    for (auto it = tally.cbegin(); it != tally.cend(); ++it)
        qInfo("%s: %d", qPrintable(it.key()), it.value());
    // Only complete outputs, one per success: no temp files.
    QCOMPARE(QDir(root.filePath(QStringLiteral("out")))
                 .entryList(QDir::Files | QDir::Hidden | QDir::System)
                 .size(),
             tally.value(QStringLiteral("ok")));
}

QTEST_GUILESS_MAIN(tst_Mutation)
#include "tst_mutation.moc"
