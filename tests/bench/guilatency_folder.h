#pragma once

#include <QString>

class TracingApplication;

// bench_guilatency --folder: opens `dir` (made with `images` small images when it is missing)
// twice, with an empty and then a warm thumbnail cache, and prints the figures as one JSON
// line. Returns the process's exit code.
int measureFolder(TracingApplication &app, const QString &dir, int images, bool trace);
