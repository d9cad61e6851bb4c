#include "options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include "optionreaders.h"
#include "sizebudget.h"
#include "stepflags.h"

namespace {

struct Parser
{
    QCommandLineParser parser;
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("Output format (default: same as the input)."),
                              QStringLiteral("same|jpg|png|webp|tiff|avif|jxl|heic")};
    QCommandLineOption quality{QStringLiteral("quality"),
                               QStringLiteral("JPEG/WebP/AVIF/HEIC/JPEG XL quality (default 85)."),
                               QStringLiteral("1-100")};
    QCommandLineOption effort{QStringLiteral("effort"),
                              QStringLiteral("AVIF/HEIC/JPEG XL encoder effort: 1 is fastest, 9 "
                                             "makes the smallest files (default 4)."),
                              QStringLiteral("1-9")};
    QCommandLineOption progressive{QStringLiteral("progressive"),
                                   QStringLiteral("Write progressive JPEG.")};
    QCommandLineOption subsampling{QStringLiteral("subsampling"),
                                   QStringLiteral("JPEG chroma subsampling (default 420)."),
                                   QStringLiteral("444|420")};
    QCommandLineOption pngCompression{QStringLiteral("png-compression"),
                                      QStringLiteral("PNG zlib compression level (default 6)."),
                                      QStringLiteral("0-9")};
    QCommandLineOption palette{QStringLiteral("palette"),
                               QStringLiteral("Quantise PNG output to a palette of at most 256 "
                                              "colours (libimagequant).")};
    QCommandLineOption lossless{QStringLiteral("lossless"), QStringLiteral("Write lossless WebP.")};
    QCommandLineOption maxSize{QStringLiteral("max-size"),
                               QStringLiteral("Lower the quality per image until its file fits "
                                              "in KB kilobytes (1 kB = 1000 bytes, metadata "
                                              "included); JPEG/WebP/AVIF/HEIC/JPEG XL. The "
                                              "report gives the quality chosen."),
                               QStringLiteral("KB")};
    QCommandLineOption strip{QStringLiteral("strip"),
                             QStringLiteral("Remove all metadata (EXIF, XMP, IPTC). A kept "
                                            "colour profile stays: pixels are never left "
                                            "untagged in a wide gamut.")};
    QCommandLineOption stripGps{QStringLiteral("strip-gps"),
                                QStringLiteral("Remove only the location (GPS) from the "
                                               "metadata.")};
    QCommandLineOption colour{QStringLiteral("colour"),
                              QStringLiteral("Colour profile: convert to sRGB (default) or keep "
                                             "the original profile."),
                              QStringLiteral("srgb|keep")};
    QCommandLineOption noAutoOrient{QStringLiteral("no-auto-orient"),
                                    QStringLiteral("Do not rotate by the EXIF orientation.")};
    QCommandLineOption workers{QStringLiteral("workers"),
                               QStringLiteral("Worker processes (default: one per core)."),
                               QStringLiteral("N")};
    QCommandLineOption engine{QStringLiteral("engine"),
                              QStringLiteral("Image engine (default auto)."),
                              QStringLiteral("auto|vips|opencv")};
    QCommandLineOption recursive{QStringLiteral("recursive"),
                                 QStringLiteral("Include subfolders, mirrored in the output.")};
    QCommandLineOption name{QStringLiteral("name"),
                            QStringLiteral("Output name pattern (default {name}); tokens "
                                           "{name}, {parent}, {ext} (the input's), {n} or "
                                           "{n:04} (position, zero-padded), {date} or "
                                           "{date:%Y-%m-%d_%H%M%S} (EXIF capture date, else "
                                           "the file time), {width} and {height} (the "
                                           "output's; JPEG and PNG inputs only). Any other "
                                           "{...} is an error."),
                            QStringLiteral("PATTERN")};
    QCommandLineOption conflict{QStringLiteral("on-conflict"),
                                QStringLiteral("When an output exists (default skip)."),
                                QStringLiteral("skip|overwrite|rename")};
    QCommandLineOption timeout{QStringLiteral("timeout"),
                               QStringLiteral("Per-image time limit (default 60)."),
                               QStringLiteral("SECONDS")};
    // Defaults from PoolOptions, so the help text cannot drift from them.
    QCommandLineOption memoryLimit{
        QStringLiteral("memory-limit"),
        QStringLiteral("Memory one image may use, in MB (default %1; 0: no limit). A larger "
                       "image fails with the size it needs.")
            .arg(PoolOptions().memoryLimitMb),
        QStringLiteral("MB")};
    QCommandLineOption cpuLimit{
        QStringLiteral("cpu-limit"),
        QStringLiteral("CPU time one image may use (default %1; 0: no limit).")
            .arg(PoolOptions().cpuLimitSeconds),
        QStringLiteral("SECONDS")};
    QCommandLineOption report{QStringLiteral("report"),
                              QStringLiteral("Write a report of every image; {shard} in the "
                                             "name becomes K of --shard K/N."),
                              QStringLiteral("FILE.json|FILE.csv")};
    QCommandLineOption resume{QStringLiteral("resume"),
                              QStringLiteral("Skip images an earlier run into OUTPUT_DIR finished "
                                             "with the same operations.")};
    QCommandLineOption shard{QStringLiteral("shard"),
                             QStringLiteral("Process only slice K of N (K from 0): every shard "
                                            "plans the whole folder and takes the inputs whose "
                                            "relative path hashes to K, with its own journal. "
                                            "For Slurm: $SLURM_ARRAY_TASK_ID/"
                                            "$SLURM_ARRAY_TASK_COUNT. {shard} in --report "
                                            "becomes K."),
                             QStringLiteral("K/N")};
    QCommandLineOption keepJournal{QStringLiteral("keep-journal"),
                                   QStringLiteral("Keep the run journal in OUTPUT_DIR even "
                                                  "after a run where every image was done or "
                                                  "skipped (it is removed then by default).")};
    QCommandLineOption filesFrom{QStringLiteral("files-from"),
                                 QStringLiteral("Also read inputs from FILE (\"-\": standard "
                                                "input), one path per line; empty lines and "
                                                "lines starting with # are skipped."),
                                 QStringLiteral("FILE")};
    QCommandLineOption recipeFile{QStringLiteral("recipe"),
                                  QStringLiteral("Take the operations, in their own order, and "
                                                 "the output options from a recipe file (as "
                                                 "--print-recipe writes it); output flags given "
                                                 "too override the file's."),
                                  QStringLiteral("FILE.json")};
    QCommandLineOption printRecipe{QStringLiteral("print-recipe"),
                                   QStringLiteral("Print the recipe JSON the other arguments "
                                                  "make, and exit; no INPUT needed.")};
    StepFlags steps;
    QCommandLineOption quiet{QStringLiteral("quiet"), QStringLiteral("Print only errors.")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Output folder (created if needed)."),
                              QStringLiteral("OUTPUT_DIR")};
    QCommandLineOption version{QStringLiteral("version"), QStringLiteral("Print the version.")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QStringLiteral("Print this help.")};

    Parser()
    {
        parser.setApplicationDescription(
            QStringLiteral("Processes images into OUTPUT_DIR: files given directly land flat "
                           "in it (same names get \" (2)\"...), a folder's images keep their "
                           "layout.\n"
                           "Also: pixelmill-cli merge-reports OUT.json|OUT.csv IN.json... "
                           "merges the JSON reports of the shards of one batch.\n"
                           "Operations run on the upright image (EXIF orientation first) in "
                           "this order, whatever the order of their flags: crop, resize, pad, "
                           "rotate, flip, adjust (brightness, contrast, gamma), auto-level, "
                           "sharpen, grayscale, watermark. A --recipe file gives any order."));
        parser.addOptions(steps.all());
        parser.addOptions({format,       quality, strip,       stripGps,  colour,
                           noAutoOrient, workers, engine,      recursive, name,
                           conflict,     timeout, memoryLimit, cpuLimit,  report,
                           resume,       shard,   keepJournal, filesFrom, recipeFile,
                           printRecipe,  quiet,   output,      version,   help});
        parser.addOptions(
            {maxSize, effort, progressive, subsampling, pngCompression, palette, lossless});
        // The syntax column says -o is required, as the documented interface reads.
        parser.addPositionalArgument(QStringLiteral("INPUT"),
                                     QStringLiteral("Image files and folders of images, in any "
                                                    "mix."),
                                     QStringLiteral("INPUT... -o OUTPUT_DIR"));
    }
};

bool readShard(const QCommandLineParser &p, const QCommandLineOption &o, PlanOptions *plan,
               QString *error)
{
    if (!p.isSet(o))
        return true;
    static const QRegularExpression shard(QStringLiteral("^(\\d{1,6})/(\\d{1,6})$"));
    const QRegularExpressionMatch m = shard.match(p.value(o));
    const int index = m.captured(1).toInt();
    const int count = m.captured(2).toInt();
    if (!m.hasMatch() || count < 1 || index >= count) {
        *error = QStringLiteral("--shard expects K/N with 0 <= K < N, for example 0/4 (got "
                                "\"%1\").")
                     .arg(p.value(o));
        return false;
    }
    plan->shardIndex = index;
    plan->shardCount = count;
    return true;
}

// A recipe file's steps and output options, or the flags' canonical steps; output flags set
// on either. Only flags given change the file's values.
bool readRecipeFile(const Parser &s, Recipe *recipe, QString *error)
{
    const QCommandLineParser &p = s.parser;
    const QString path = p.value(s.recipeFile);
    if (const QString flag = s.steps.firstGiven(p); !flag.isEmpty()) {
        *error = QStringLiteral("--recipe gives the operations; %1 cannot be added to them (edit "
                                "the recipe file instead).")
                     .arg(flag);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--recipe: cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(1 << 20), &parseError);
    QString problem = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                      : !document.isObject() ? QStringLiteral("not a JSON object")
                                             : QString();
    std::optional<Recipe> loaded;
    if (problem.isEmpty())
        loaded = Recipe::fromJson(document.object(), &problem);
    if (!loaded) {
        *error = QStringLiteral("--recipe %1: %2").arg(path, problem);
        return false;
    }
    *recipe = *loaded;
    return true;
}

bool readRecipe(const Parser &s, Recipe *recipe, QString *error)
{
    const QCommandLineParser &p = s.parser;
    if (p.isSet(s.recipeFile) ? !readRecipeFile(s, recipe, error)
                              : !s.steps.read(p, &recipe->steps, error))
        return false;
    const auto setIfGiven = [&p](const QCommandLineOption &o, bool *out, bool value) {
        if (p.isSet(o))
            *out = value;
    };
    setIfGiven(s.strip, &recipe->stripMetadata, true);
    setIfGiven(s.stripGps, &recipe->stripGps, true);
    setIfGiven(s.noAutoOrient, &recipe->autoOrient, false);
    setIfGiven(s.progressive, &recipe->progressive, true);
    setIfGiven(s.palette, &recipe->palette, true);
    setIfGiven(s.lossless, &recipe->lossless, true);
    if (!readInt(p, s.effort, 1, 9, &recipe->effort, error) ||
        !readEnum(p, s.subsampling, subsamplingFromString, &recipe->subsampling, error) ||
        !readInt(p, s.pngCompression, 0, 9, &recipe->pngCompression, error) ||
        !readEnum(p, s.format, outputFormatFromString, &recipe->format, error) ||
        !readInt(p, s.quality, 1, 100, &recipe->quality, error) ||
        !readInt(p, s.maxSize, 1, kMaxSizeKbLimit, &recipe->maxSizeKb, error) ||
        !readEnum(p, s.colour, colourPolicyFromString, &recipe->colour, error) ||
        !readEnum(p, s.engine, engineChoiceFromString, &recipe->engine, error))
        return false;
    *error = recipe->validationError();
    return error->isEmpty();
}

bool readLimits(const Parser &s, PoolOptions *pool, QString *error)
{
    const QCommandLineParser &p = s.parser;
    if (!readInt(p, s.memoryLimit, 0, 1 << 20, &pool->memoryLimitMb, error) ||
        !readInt(p, s.cpuLimit, 0, 24 * 3600, &pool->cpuLimitSeconds, error))
        return false;
    if (pool->memoryLimitMb > 0 && pool->memoryLimitMb < kMinMemoryLimitMb) {
        *error = QStringLiteral("--memory-limit must be 0 (no limit) or at least %1 MB (got %2).")
                     .arg(kMinMemoryLimitMb)
                     .arg(pool->memoryLimitMb);
        return false;
    }
    return true;
}

bool readRun(const Parser &s, CliOptions *options, QString *error)
{
    const QCommandLineParser &p = s.parser;
    PlanOptions &plan = options->run.plan;
    PoolOptions &pool = options->run.pool;
    plan.recursive = p.isSet(s.recursive);
    plan.resume = p.isSet(s.resume);
    if (p.isSet(s.name))
        plan.namePattern = p.value(s.name);
    if (*error = namePatternError(plan.namePattern); !error->isEmpty())
        return false; // before the output folder is made
    double timeout = pool.jobTimeoutMs / 1000.0;
    if (!readEnum(p, s.conflict, conflictPolicyFromString, &plan.conflict, error) ||
        !readInt(p, s.workers, 1, 256, &pool.workerCount, error) ||
        !readDouble(p, s.timeout, &timeout, error))
        return false;
    if (timeout > 24 * 3600) {
        *error = QStringLiteral("--timeout must be at most one day (got %1).").arg(timeout);
        return false;
    }
    pool.jobTimeoutMs = qMax(1, int(timeout * 1000));
    if (!readLimits(s, &pool, error))
        return false;
    if (!readShard(p, s.shard, &plan, error))
        return false;
    options->run.keepJournal = p.isSet(s.keepJournal);
    options->reportPath = p.value(s.report);
    options->reportPath.replace(QStringLiteral("{shard}"), QString::number(plan.shardIndex));
    const QString suffix = options->reportPath.section(QLatin1Char('.'), -1).toLower();
    if (p.isSet(s.report) && suffix != QLatin1String("json") && suffix != QLatin1String("csv")) {
        *error = QStringLiteral("--report expects a file name ending in .json or .csv (got "
                                "\"%1\").")
                     .arg(options->reportPath);
        return false;
    }
    options->quiet = p.isSet(s.quiet);
    return readRecipe(s, &plan.recipe, error);
}

bool readPaths(const Parser &s, CliOptions *options, QString *error)
{
    const QStringList positional = s.parser.positionalArguments();
    options->filesFrom = s.parser.value(s.filesFrom);
    if (positional.isEmpty() && !s.parser.isSet(s.filesFrom)) {
        *error = QStringLiteral("No INPUT given: name image files or folders, or use "
                                "--files-from FILE.");
        return false;
    }
    if (!s.parser.isSet(s.output) || s.parser.value(s.output).isEmpty()) {
        *error = QStringLiteral("No output folder given; use -o OUTPUT_DIR.");
        return false;
    }
    options->run.plan.inputs = positional;
    options->run.plan.outputDir = s.parser.value(s.output);
    return true;
}

} // namespace

ParseResult parseCommandLine(const QStringList &arguments)
{
    Parser s;
    ParseResult result;
    if (!s.parser.parse(withSharpenAmounts(arguments))) {
        result.message = s.parser.errorText();
        return result;
    }
    if (s.parser.isSet(s.help)) {
        result.outcome = ParseOutcome::Help;
        result.message = s.parser.helpText();
        return result;
    }
    if (s.parser.isSet(s.version)) {
        result.outcome = ParseOutcome::Version;
        result.message =
            QStringLiteral("pixelmill-cli %1").arg(QCoreApplication::applicationVersion());
        return result;
    }
    if (s.parser.isSet(s.printRecipe)) {
        Recipe recipe;
        if (readRecipe(s, &recipe, &result.message)) {
            result.outcome = ParseOutcome::PrintRecipe;
            result.message = QString::fromUtf8(QJsonDocument(recipe.toJson()).toJson());
        }
        return result;
    }
    if (readPaths(s, &result.options, &result.message) &&
        readRun(s, &result.options, &result.message))
        result.outcome = ParseOutcome::Run;
    return result;
}
