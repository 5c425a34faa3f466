// The direct correlation's inner loop, built once per instruction set and chosen at run time.
//
// Each kernel fills one output row for one block of output channels: for every output
// position it adds up the position's taps in the order the packed weights hold them, so every
// output is the plain sum of its own taps. This target is compiled for the baseline of its
// architecture; the AVX2 and AVX-512 kernels carry their instruction sets as function
// attributes and run only where the processor reports them.
#ifndef ATROUS_CONVOLUTION_KERNELS_H
#define ATROUS_CONVOLUTION_KERNELS_H

#include <stddef.h>
#include "processor_check.h"

/// One output row of one block of output channels. Pointers are to float or double, as the
/// kernel called says; distances are in scalars.
typedef struct {
    /// The padded input under the row's first position's first tap (ky = kx = 0, channel 0).
    const void *top;
    /// Between neighbouring output positions (stride · Cin), kernel rows (rate · padded row)
    /// and kernel columns (rate · Cin).
    ptrdiff_t column_step, tap_row_step, tap_column_step;
    ptrdiff_t kernel_height, kernel_width, input_channels, output_width;
    /// The block's packed weights, `[ky][kx][ci][lane]`, `lanes` per tap.
    const void *weights;
    /// The block's bias, `lanes` values (zero past the real channels).
    const void *bias;
    /// The row's first output of the block's first channel, and the distance between positions (Cout).
    void *output;
    ptrdiff_t output_pitch;
    /// Channels of the block that exist (the last block may have fewer than `lanes`).
    ptrdiff_t width;
    /// Terms each output adds in one run before its running total (kept in the output) takes
    /// the part: 128 for float64, unlimited for float32.
    ptrdiff_t terms_per_part;
} atrous_direct_row;

typedef void (*atrous_direct_row_kernel)(const atrous_direct_row *row);

/// The instruction sets there are kernels for.
typedef enum {
    ATROUS_KERNEL_BASELINE = 0,  // SSE2 on x86-64, plain C elsewhere
    ATROUS_KERNEL_AVX2 = 1,      // AVX2 and FMA
    ATROUS_KERNEL_AVX512 = 2,    // AVX-512F
    ATROUS_KERNEL_NEON = 3,      // arm64
} atrous_kernel_isa;

/// A kernel for each scalar type and its block width (output channels per block).
typedef struct {
    atrous_direct_row_kernel float_row, double_row;
    ptrdiff_t float_lanes, double_lanes;
} atrous_direct_kernel;

/// The kernels for `isa`; null function pointers where this architecture has none.
atrous_direct_kernel atrous_direct_kernel_for(atrous_kernel_isa isa);

/// Whether a processor reporting `words` runs the kernels for `isa` (and this build has them).
int atrous_direct_kernel_runs(atrous_kernel_isa isa, atrous_cpu_words words);

#endif
