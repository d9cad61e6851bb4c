#pragma once

// Registers the icons compiled into this static library (the linker would otherwise drop
// their initialiser). Safe to call more than once.
void initUiResources();
