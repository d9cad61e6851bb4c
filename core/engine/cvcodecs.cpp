#include "cvcodecs.h"

#include "cvcodecsabi.h"
#include "engineshared.h"

#include <QString>

#include <dlfcn.h>
#include <unistd.h>

#include <climits>

namespace {

// The module sits beside the executable: build/bin in the build tree, lib/pixelmill when
// installed (next to pixelmill-worker).
std::string modulePath()
{
    char exe[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return PIXELMILL_CVCODECS_MODULE;
    std::string path(exe, size_t(n));
    return path.substr(0, path.rfind('/') + 1) + PIXELMILL_CVCODECS_MODULE;
}

struct Loaded
{
    const CvCodecsTable *table = nullptr;
    QString error;
};

Loaded load()
{
    const std::string path = modulePath();
    void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return {nullptr, QStringLiteral("OpenCV image codecs could not be loaded (%1); "
                                        "reinstall Pixelmill")
                             .arg(QString::fromLocal8Bit(dlerror()))};
    using Entry = const CvCodecsTable *(*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, PIXELMILL_CVCODECS_SYMBOL));
    const CvCodecsTable *table = entry ? entry() : nullptr;
    if (!table || table->abiVersion != kCvCodecsAbiVersion)
        return {nullptr, QStringLiteral("OpenCV image codecs at %1 do not match this worker; "
                                        "reinstall Pixelmill")
                             .arg(QString::fromStdString(path))};
    return {table, {}};
}

const CvCodecsTable &codecs()
{
    static const Loaded loaded = load();
    if (!loaded.table)
        throw EngineFailure{FailureKind::Internal, loaded.error};
    return *loaded.table;
}

} // namespace

cv::Mat cvImdecode(const cv::Mat &raw, int flags)
{
    return codecs().decode(raw, flags);
}

bool cvImencode(const std::string &extension, const cv::Mat &image, std::vector<uchar> &buffer,
                const std::vector<int> &params)
{
    return codecs().encode(extension, image, buffer, params);
}
