// pixelmill-worker: one long-lived process of the pool. Reads framed job requests on stdin,
// runs each through an engine, writes one result frame per job on a private copy of stdout.
// No Qt application object and no event loop: blocking reads are all it needs, and it must
// run without a display.

#include <cstdio>
#include <malloc.h>
#include <map>
#include <memory>

#include "engine/engine.h"
#include "pool/workerside.h"

namespace {

// One engine per choice, created on first use and kept: engines hold library state that is
// costly to set up per image.
class Engines
{
public:
    JobResult run(const Job &job)
    {
        std::unique_ptr<Engine> &engine = m_engines[job.recipe.engine];
        if (!engine)
            engine = makeEngine(job.recipe.engine);
        return engine->run(job);
    }

private:
    std::map<EngineChoice, std::unique_ptr<Engine>> m_engines;
};

} // namespace

int main(int argc, char **argv)
{
    // First, before any library can print to stdout or outlive the pool.
    const int protocolFd = WorkerSide::prepare();
    if (protocolFd < 0)
        return 1;
    // Arguments: --memory-limit-mb N --cpu-limit-s N --nice N (see PoolOptions). The memory cap
    // comes before the libraries start so that everything they reserve counts against it.
    const WorkerSide::Limits limits = WorkerSide::limitsFromArguments(argc, argv);
    QString error;
    if (!WorkerSide::applyMemoryLimit(limits, &error)) {
        std::fprintf(stderr, "pixelmill-worker: cannot cap memory: %s\n", qPrintable(error));
        return 3;
    }
    WorkerSide::applyNiceness(limits);
    if (!initializeEngines(argv[0], &error, VipsModules::WhenNeeded)) {
        // The pool shows this line in its "cannot start" message.
        std::fprintf(stderr, "pixelmill-worker: cannot start the image engines: %s\n",
                     qPrintable(error));
        return 3;
    }
    // Image buffers of tens of MB would be mmapped fresh for every job and each page faulted in
    // again (16% of PNG time was the kernel); kept in the heap, the next job reuses them. Peak
    // memory is unchanged; more than 256 MB of free heap is still handed back.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    Engines engines;
    return WorkerSide::serve(
        protocolFd, [&engines](const Job &job) { return engines.run(job); }, limits);
}
