// The one-output-channel correlation's row loop, built once per instruction set and chosen at
// run time like the direct loop's kernels (see convolution_kernels.h).
//
// Each tap scales a whole row of the padded input into the output row, so the loop runs
// along the row and every lane is busy with one output channel. Each output is its bias plus
// its taps in the kernel's order, one rounding per multiplication and one per addition in
// every version (never fused), so every version gives the same bits.
#ifndef ATROUS_ROW_KERNELS_H
#define ATROUS_ROW_KERNELS_H

#include <stddef.h>
#include "convolution_kernels.h"

/// One output row of a kernel with one output channel. Pointers are to float or double, as
/// the kernel called says; distances are in scalars.
typedef struct {
    /// The padded input under the row's first output's first tap (ky = kx = 0, channel 0).
    const void *top;
    /// Between neighbouring output positions (stride · Cin), kernel rows (rate · padded row)
    /// and kernel columns (rate · Cin).
    ptrdiff_t column_step, tap_row_step, tap_column_step;
    ptrdiff_t kernel_height, kernel_width, input_channels, output_width;
    /// The HWIO weights of the output channel, `[ky][kx][ci]`.
    const void *weights;
    /// The bias, one value.
    const void *bias;
    /// The row's first output; outputs are contiguous.
    void *output;
} atrous_one_channel_row;

typedef void (*atrous_one_channel_row_kernel)(const atrous_one_channel_row *row);

/// A kernel for each scalar type.
typedef struct {
    atrous_one_channel_row_kernel float_row, double_row;
} atrous_one_channel_kernel;

/// The kernels for `isa`; null function pointers where this architecture has none. A
/// processor runs them where `atrous_direct_kernel_runs` says it runs that instruction set.
atrous_one_channel_kernel atrous_one_channel_kernel_for(atrous_kernel_isa isa);

#endif
