#pragma once

// The fidelity test's one class and the cases it runs, shared by the files that implement it
// (one executable, one cache of engine outputs; the spec is at the top of tst_fidelity.cpp):
//   tst_fidelity.cpp            init, thresholds, outputs, pixels, colour profile, routes agree,
//                               gray of flat colours
//   tst_fidelity_inputs.cpp     the inputs, written once in initTestCase
//   tst_fidelity_cases.cpp      matrix rows, the output cache, the references, route agreement
//   tst_fidelity_metadata.cpp   metadata kept, stripped and the same on every route
//   tst_fidelity_resampling.cpp resampling quality against Lanczos-3, routes agree
// Expected values come from fidelityimages.h and fidelityreference.h, never from the engine.

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <memory>

#include <vips/vips8>

#include "engine/engine.h"
#include "fidelityreference.h"

const int kBox = 300;    // every matrix recipe: fit 300x300
const int kQuality = 85; // Recipe's default, for JPEG and WebP output
// Every table runs through these (the route is also the key into tst_Fidelity's engines).
const char *const kRoutes[] = {"vips", "opencv", "auto"};
const char *const kMetaModes[] = {"keep", "strip", "strip-gps"};

// A route's name ("vips", "opencv", "auto") as the Recipe's engine choice.
EngineChoice choiceFor(const QString &route);
// The keys of an Exiv2 read-back that start with `prefix`, e.g. "Exif.GPSInfo.".
QStringList keysWithPrefix(const QMap<QString, QString> &map, const QString &prefix);

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
    QByteArray icc;             // embedded, as libvips reads the finished input
    Fidelity::Families carries; // what Exiv2 reads back from the finished input
    bool matrix = true;         // false: used by one test only (flat colours, resampling)
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

    QString key() const;
    Recipe recipe() const;
};

struct Output
{
    JobResult result;
    bool decoded = false;
    QString problem; // why there is no decoded image
    vips::VImage image;
    QByteArray icc;
    Fidelity::Metadata meta;
};

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
    void addInput(Input in, const vips::VImage &stored, const QString &suffix,
                  bool palette = false);
    const Input &input(const QString &name) const { return m_inputs.at(name); }
    // The current row's input, route, mode, meta and format (the matrix tables' columns).
    static Case matrixCase();
    const Output &output(const Case &c);
    vips::VImage reference(const Input &in, const QString &mode, QSize size);
    vips::VImage fullReference(const Input &in, bool colourManaged);
    QStringList routeDisagreements(Case base, QSize expected);

    QTemporaryDir m_dir;
    std::map<QString, Input> m_inputs;
    QStringList m_order; // matrix inputs in table order
    std::map<QString, std::unique_ptr<Engine>> m_engines;
    QHash<QString, Output> m_outputs;
    QHash<QString, vips::VImage> m_references;
    int m_counter = 0;
    bool m_verbose = false;
};
