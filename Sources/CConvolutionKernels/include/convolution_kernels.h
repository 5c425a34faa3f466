// The direct correlation's inner loop, built once per instruction set and chosen at run time.
//
// Each kernel fills a span of output positions for one block of output channels: for every
// position it adds up the position's taps in the order the weights hold them, so every output
// is the plain sum of its own taps. This target is compiled for the baseline of its
// architecture; the AVX2 and AVX-512 kernels carry their instruction sets as function
// attributes and run only where the processor reports them.
#ifndef ATROUS_CONVOLUTION_KERNELS_H
#define ATROUS_CONVOLUTION_KERNELS_H

#include <stddef.h>
#include "processor_check.h"

/// A span of output positions of one block of output channels: positions `first_position` to
/// `first_position + position_count - 1`, counted over images, then rows, then columns, so a
/// span may run on from one row into the next. Pointers are to float or double, as the kernel
/// called says; distances are in scalars.
typedef struct {
    /// The padded input under position 0's first tap (image 0, ky = kx = 0, channel 0).
    const void *source;
    /// Between images of the padded input, between output rows (stride · padded row),
    /// neighbouring output columns (stride · Cin), kernel rows (rate · padded row) and kernel
    /// columns (rate · Cin).
    ptrdiff_t image_step, row_step, column_step, tap_row_step, tap_column_step;
    /// Output positions per image: rows and columns.
    ptrdiff_t output_height, output_width;
    ptrdiff_t kernel_height, kernel_width, input_channels;
    /// The block's weights for its first tap, `lanes` of them; then each tap's, in the order
    /// `[ky][kx][ci]`, `weight_step` further on (`lanes` where they are packed, Cout in the
    /// kernel's own HWIO layout).
    const void *weights;
    ptrdiff_t weight_step;
    /// The block's bias, `lanes` values (zero past the real channels).
    const void *bias;
    /// Position 0's output of the block's first channel, and the distance between positions (Cout).
    void *output;
    ptrdiff_t output_pitch;
    /// Channels of the block that exist (the last block may have fewer than `lanes`).
    ptrdiff_t width;
    /// Terms each output adds in one run before its running total (kept in the output) takes
    /// the part: 128 for float64, unlimited for float32.
    ptrdiff_t terms_per_part;
    /// The span: its first position and how many.
    ptrdiff_t first_position, position_count;
} atrous_direct_span;

typedef void (*atrous_direct_span_kernel)(const atrous_direct_span *span);

/// The instruction sets there are kernels for.
typedef enum {
    ATROUS_KERNEL_BASELINE = 0,  // SSE2 on x86-64, plain C elsewhere
    ATROUS_KERNEL_AVX2 = 1,      // AVX2 and FMA
    ATROUS_KERNEL_AVX512 = 2,    // AVX-512F
    ATROUS_KERNEL_NEON = 3,      // arm64
} atrous_kernel_isa;

/// A kernel and its block width (output channels per block).
typedef struct {
    atrous_direct_span_kernel run;
    ptrdiff_t lanes;
} atrous_direct_block;

/// The kernels of one instruction set: for each scalar type a wide block, and a narrow one (one
/// register of channels, more positions) for layers with no more output channels than it holds.
typedef struct {
    atrous_direct_block float_wide, float_narrow, double_wide, double_narrow;
} atrous_direct_kernel;

/// The kernels for `isa`; null function pointers where this architecture has none.
atrous_direct_kernel atrous_direct_kernel_for(atrous_kernel_isa isa);

/// Whether a processor reporting `words` runs the kernels for `isa` (and this build has them).
int atrous_direct_kernel_runs(atrous_kernel_isa isa, atrous_cpu_words words);

#endif
