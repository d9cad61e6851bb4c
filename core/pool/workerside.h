#pragma once

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

// Set from the SIGTERM handler; reads on fd 0 are interrupted (no SA_RESTART) so the loop
// sees it at once, and a running job's QSaveFile is destroyed normally on the way out.
bool stopRequested();

// Says hello on protocolFd, then reads requests on fd 0 and writes one result frame per job,
// until EOF or a stop request. Returns the process exit code.
int serve(int protocolFd, const std::function<JobResult(const Job &)> &runJob,
          int version = Protocol::kVersion);

} // namespace WorkerSide
