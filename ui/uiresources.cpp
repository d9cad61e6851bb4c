#include "uiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initPixelmillResources()
{
    Q_INIT_RESOURCE(pixelmill);
}

void initUiResources()
{
    static const bool done = [] {
        initPixelmillResources();
        return true;
    }();
    Q_UNUSED(done);
}
