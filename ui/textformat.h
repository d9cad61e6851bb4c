#pragma once

#include <QString>

// Human-readable numbers for labels and tables ("1.4 MB", "0:42", "3.1 images/s").
QString formatBytes(qint64 bytes);
QString formatDuration(double seconds);
QString formatMilliseconds(qint64 ms);
