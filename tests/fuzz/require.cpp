#include "fuzztarget.h"

#include <cstdio>
#include <cstdlib>

void FuzzInput::require(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}
