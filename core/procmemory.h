#pragma once

#include <QtGlobal>

// A process's memory from /proc/<pid>/statm (Linux); zeros when it cannot be read.
struct ProcessMemory
{
    qint64 virtualBytes = 0;  // address space in use (what RLIMIT_AS caps)
    qint64 residentBytes = 0; // resident set
};

// pid 0: this process.
ProcessMemory processMemory(qint64 pid = 0);
