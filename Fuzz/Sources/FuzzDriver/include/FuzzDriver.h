#ifndef SYNERGIA_FUZZ_DRIVER_H
#define SYNERGIA_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer (its LLVMFuzzerRunDriver) on `test`, with the command line's options.
///
/// SwiftPM links an executable's entry point as `<Module>_main` (`--defsym main=...`), so the
/// `main` in libFuzzer's runtime is never used: each target's `@main` calls this instead.
int synergia_fuzz_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
