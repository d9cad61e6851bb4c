#include "engineshared.h"

#include <QByteArray>
#include <QFileInfo>

#include <dlfcn.h>
#include <gmodule.h>
#include <vips/vips.h>

#include <cstdlib>

// libvips 8.14 loads every module of its module folder when it starts: libheif with its
// AVIF and HEVC codecs, libjxl, ImageMagick, poppler, openslide; 45 -> 30 ms of each worker's
// start-up (perf stat, 20 runs) is spent there, in every batch, though most batches never meet
// a HEIF or JPEG XL file, and the last three loaders are blocked as untrusted anyway. So the
// worker starts libvips with no module folder, and opens the heif or jxl module the first time
// a job needs it.

namespace {

bool g_deferred = false;

// The folder libvips would have loaded: beside the libvips we run with.
QByteArray moduleFolder()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void *>(&vips_init), &info) == 0 || !info.dli_fname)
        return {};
    return QFileInfo(QString::fromLocal8Bit(info.dli_fname)).absolutePath().toLocal8Bit() +
           QByteArray("/vips-modules-") + QByteArray::number(VIPS_MAJOR_VERSION) + '.' +
           QByteArray::number(VIPS_MINOR_VERSION);
}

void openModule(const char *name)
{
    static const QByteArray folder = moduleFolder();
    const QByteArray path = folder + '/' + name;
    // Registers the module's operations (its g_module_check_init); it stays loaded for good.
    if (!g_module_open(path.constData(), G_MODULE_BIND_LAZY))
        return; // the job then fails as any file without a loader does
    // New operations are blocked or let through by the same rules as at start-up.
    applyVipsBlockList();
}

} // namespace

void deferVipsModules()
{
    // Set by the user for a libvips of their own: load its modules as it always did.
    if (qEnvironmentVariableIsSet("VIPSHOME"))
        return;
    // libvips looks for modules under $VIPSHOME/lib only; this folder has none.
    qputenv("VIPSHOME", "/nonexistent/pixelmill-deferred-vips-modules");
    g_deferred = true;
}

void afterVipsStarted()
{
    if (g_deferred)
        qunsetenv("VIPSHOME"); // libvips keeps the prefix it read; children get a clean env
}

void loadVipsModulesFor(ImageFormat format)
{
    static bool heif = false, jxl = false;
    if (!g_deferred)
        return;
    if ((format == ImageFormat::Heif || format == ImageFormat::Avif) && !heif) {
        heif = true;
        openModule("vips-heif.so");
    } else if (format == ImageFormat::Jxl && !jxl) {
        jxl = true;
        openModule("vips-jxl.so");
    }
}

void loadVipsModulesFor(OutputFormat format)
{
    if (format == OutputFormat::Avif || format == OutputFormat::Heic)
        loadVipsModulesFor(ImageFormat::Heif);
    else if (format == OutputFormat::Jxl)
        loadVipsModulesFor(ImageFormat::Jxl);
}
