#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

#include "job.h"

// An image engine: decodes, applies a Recipe, encodes, and writes the output atomically.
// run() never throws and never leaves a partial file: every problem comes back as a
// JobResult with a FailureKind and a readable message.
//
// Threading: an Engine is used by one thread at a time (each worker process runs one).
class Engine
{
public:
    virtual ~Engine() = default;
    virtual QString name() const = 0;
    virtual JobResult run(const Job &job) noexcept = 0;
};

std::unique_ptr<Engine> makeVipsEngine();
std::unique_ptr<Engine> makeOpenCvEngine();
// Picks, per input, the engine measured faster for its format (see ARCHITECTURE.md).
std::unique_ptr<Engine> makeAutoEngine();
std::unique_ptr<Engine> makeEngine(EngineChoice choice);

// When libvips' codec modules (HEIF/AVIF, JPEG XL; ImageMagick, poppler and openslide, which
// are blocked) load: at start-up, as libvips does, or the first time a job needs one, which
// saves a worker ~15 ms of CPU at every start (vipsmodules.cpp).
enum class VipsModules { AtStart, WhenNeeded };

// Once per process, before the first job: library start-up (libvips init, one thread per
// worker, no operation cache). Returns false with *error when a library cannot start.
bool initializeEngines(const char *argv0, QString *error,
                       VipsModules modules = VipsModules::AtStart);
