#pragma once

#include <QString>

#include <functional>

#include "job.h"
#include "protocol.h"

// The worker end of the pool, shared by pixelmill-worker and the test fake worker so that
// the fake exercises the same process set-up and request loop as the real thing.
namespace WorkerSide {

// Call first in main(). Makes the process die with its parent (PR_SET_PDEATHSIG, then a
// getppid() check for a parent that died before prctl), moves the protocol off fd 1 so that
// no library printing to stdout can corrupt it (fd 1 then points at stderr), ignores SIGPIPE
// and turns SIGTERM/SIGINT into stopRequested(). Returns the private protocol fd, or -1 when
// the parent is already gone or the fd cannot be set up.
int prepare();

// Resource caps for one worker process, from its command line (--memory-limit-mb N,
// --cpu-limit-s N; 0 or absent: no cap). A runaway codec then fails its job or kills its own
// process, which the pool reports, instead of taking the machine with it.
struct Limits
{
    qint64 memoryBytes = 0; // RLIMIT_AS for the whole process
    int cpuSeconds = 0;     // CPU time per job (RLIMIT_CPU, re-armed before every job)
    int niceness = 0;       // --nice N: scheduling priority, 0..19 (lower priority)
};
Limits limitsFromArguments(int argc, char **argv);
// Applies the memory cap. Skipped (true) under AddressSanitizer, which reserves terabytes of
// address space. False with *error when setrlimit refuses.
bool applyMemoryLimit(const Limits &limits, QString *error);
// Lowers the process's scheduling priority to limits.niceness (nothing when 0).
void applyNiceness(const Limits &limits);
// The address-space cap in force (RLIMIT_AS soft limit), 0 when unlimited.
qint64 memoryLimitBytes();

// Set from the SIGTERM handler; reads on fd 0 are interrupted (no SA_RESTART) so the loop
// sees it at once, and a running job's temporary output is removed normally on the way out.
bool stopRequested();

// Says hello on protocolFd, then reads requests on fd 0 and writes one result frame per job,
// until EOF or a stop request. Before each job the CPU-time cap (if any) is re-armed: past
// it the kernel sends SIGXCPU, which kills the worker and reads as "ran out of CPU time".
// Returns the process exit code.
int serve(int protocolFd, const std::function<JobResult(const Job &)> &runJob,
          const Limits &limits = {}, int version = Protocol::kVersion);

} // namespace WorkerSide
