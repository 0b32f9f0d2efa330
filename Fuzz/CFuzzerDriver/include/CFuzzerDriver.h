#ifndef UNROLL_C_FUZZER_DRIVER_H
#define UNROLL_C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (flags and corpus folders from argc/argv) on `test_one_input` and returns its exit
/// status. Only linked into binaries built with `-sanitize=fuzzer`, which supplies `LLVMFuzzerRunDriver`.
int unroll_fuzz_main(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
