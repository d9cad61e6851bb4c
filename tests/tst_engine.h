#pragma once

// The engine test's one class, shared by the files that implement it (one executable):
//   tst_engine.cpp          set-up, helpers, sizes, grayscale, the engines agree
//   tst_engine_output.cpp   orientation, metadata, output formats, alpha
//   tst_engine_jobs.cpp     failures, existing outputs, odd names, result fields, auto route
// Expected sizes are worked out by hand from geometry.h's rules, never by the engine.

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "engine/engine.h"
#include "imageformat.h"
#include "testimages.h"

Q_DECLARE_METATYPE(Recipe)
Q_DECLARE_METATYPE(OutputFormat)
Q_DECLARE_METATYPE(ImageFormat)
Q_DECLARE_METATYPE(FailureKind)

namespace EngineTest {

const QSize kLandscape(400, 300);
const QSize kPortrait(300, 400);
const QSize kSquare(300, 300);
const QSize kThin(1, 200);

const char *const kEngines[] = {"vips", "opencv"};

std::unique_ptr<Engine> engineNamed(const QString &name);
Recipe resizeRecipe(ResizeMode mode, int a, int b, bool noEnlarge);
// Overwrites the middle of an encoded image (inside the compressed data of these small files).
QByteArray damaged(QByteArray bytes, const QByteArray &patch);
Recipe fit(int w, int h);
Recipe withFormat(Recipe r, OutputFormat format);

} // namespace EngineTest

class tst_Engine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resize_data();
    void resize();
    void grayscaleIsOneChannel_data();
    void grayscaleIsOneChannel();
    void enginesAgree_data();
    void enginesAgree();
    void orientation_data();
    void orientation();
    void metadata_data();
    void metadata();
    void outputFormats_data();
    void outputFormats();
    void alpha_data();
    void alpha();
    void failures_data();
    void failures();
    void failedJobKeepsExistingOutput_data();
    void failedJobKeepsExistingOutput();
    void existingOutputIsSkipped_data();
    void existingOutputIsSkipped();
    void pngNamedJpegWorks_data();
    void pngNamedJpegWorks();
    void bracketsAndUnicodeInNames_data();
    void bracketsAndUnicodeInNames();
    void resultFields_data();
    void resultFields();
    void autoPicksPerFormat_data();
    void autoPicksPerFormat();

private:
    void addEngineColumn();
    QString input(QSize size, const QString &suffix, const TestImages::Options &options = {});
    JobResult run(Engine &engine, const QString &inputPath, const Recipe &recipe,
                  const QString &outputName, bool overwrite = false);
    JobResult run(const QString &engine, const QString &inputPath, const Recipe &recipe,
                  const QString &outputName, bool overwrite = false);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    int m_counter = 0;
};
