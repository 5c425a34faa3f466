/// The built-in course, as `atrous learn` opens it: the same text as
/// `Assets/lessons/dilated-convolution.md`, which a test writes from this one and keeps equal.
/// Kept in the program, so an installed `atrous` teaches it without the source tree.
public enum BuiltInCourse {
    /// The course's file name under `Assets/lessons/`.
    public static let fileName = "dilated-convolution.md"

    /// The course's Markdown.
    public static let text = #"""
# Dilated convolution, step by step

## The formula at rates 1, 2 and 4

A dilated (atrous) convolution sums weights times inputs, like any convolution, but its taps
stand **r cells apart**: `y[i] = Σ_j K[j]·x[i + r·j]`, for kernel index j and rate r.

Here the input is a 1-D ramp, x[i] = i, so every value names its cell; the kernel is three
ones, with no padding. The computation line at the bottom shows the sum for the current cell.

```atrous
:input ramp 1x16
:kernel box
:ksize 1x3
:padding valid
:stride 1
:rate 1
:goto 0,3
:assert output 1x14
:assert reads 0,3 0,4 0,5
:assert value 0,3 = 12
:rate 2
:assert output 1x12
:assert value 0,3 = 15
:rate 4
:goto 0,3
:assert footprint 1x9
:assert output 1x8
:assert reads 0,3 0,7 0,11
:assert value 0,3 = 21
```

The screen shows rate 4: `R` lowers the rate one step at a time, `r` raises it.

? At rate 2, which inputs does y[3] read? || x[3], x[5] and x[7]: 3 + 5 + 7 = 15.
? Why are there 8 outputs at rate 4 and 14 at rate 1? || The window spans r·(3−1)+1 cells (9 at rate 4), and without padding it fits 16 − 9 + 1 = 8 times.

## The effective kernel: the field grows, the weights do not

A k-tap kernel at rate r covers `k_eff = r·(k−1)+1` cells per axis: its **footprint**. The
cells between the taps are holes, read by no weight. On an impulse, the output draws the
footprint, holes and all.

```atrous
:input impulse 9x9
:ksize 3
:padding same
:rate 1
:assert footprint 3x3
:assert weights 9
:assert field 3x3
:rate 3
:goto 4,4
:assert footprint 7x7
:assert weights 9
:assert field 7x7
:assert holes 40
:assert value 1,1 = 1
:assert value 2,2 = 0
```

The rate adds no parameter: 9 weights see a 7x7 window at rate 3. Press `r` and `R` and
watch the kernel panel: the footprint grows, the weights stay.

? How many of the 49 cells of the rate-3 window are holes? || 40: only the 9 taps are read.

## SAME padding keeps the size at every rate

With `same` padding at stride 1, TensorFlow's rule gives `out = ceil(in / 1) = in` whatever
the rate: a larger rate only adds padding, `r·(k−1)` cells in all. So the claim that the
output "may change slightly due to the dilation" is wrong at stride 1; only `valid` shrinks it.

When that total is odd, TensorFlow puts the odd cell **after**: at the bottom and right.
Here a 2x2 kernel at rate 3 (footprint 4x4) needs 3 cells per axis: 1 on top, 2 below.

```atrous
:input ramp 10x10
:ksize 3
:rate 2
:assert output 10x10
:assert pads 2,2,2,2
:rate 4
:assert output 10x10
:assert pads 4,4,4,4
:input ramp 8x8
:ksize 2
:rate 3
:goto 0,0
:assert output 8x8
:assert footprint 4x4
:assert pads 1,2,1,2
:assert notes same-uneven
:assert reads 2,2
```

PyTorch's `padding='same'` splits it the same way at stride 1. Press `a` to see `valid` shrink
the output, `N` for the note in full.

? What does y[0,0] read? || Only x[2,2] = 18; its other three taps fall in the single row and column of padding above and to the left.
? With valid padding, how large is the rate-4 output of the 10x10 input above? || 2x2: the 3x3 kernel's footprint is 9, and 10 − 9 + 1 = 2.

## Stride with dilation, and who refuses it

A stride and a rate together are well defined: `y[o] = Σ_j K[j]·x[o·s − pad + r·j]`. Not
every framework takes them:

- **Keras** `Conv2D` and `Conv1D` refuse `strides > 1` with `dilation_rate > 1`, and so does `tf.nn.convolution`.
- `tf.nn.conv2d` accepts both, on the CPU too; `tf.nn.atrous_conv2d` has no stride at all.
- PyTorch's `nn.Conv2d` and JAX's `lax.conv_general_dilated` accept both, but PyTorch's `padding='same'` refuses any stride > 1.

```atrous
:input ramp 8x8
:ksize 3
:rate 2
:stride 2
:padding same
:goto 0,0
:assert output 4x4
:assert pads 1,2,1,2
:assert notes keras-stride-dilation pytorch-same-stride tf-atrous-no-stride same-uneven
:assert reads 1,1 1,3 3,1 3,3
:goto 3,3
:assert reads 5,5 5,7 7,5 7,7
```

The message line names the rule as it starts to apply; `N` lists every note.

? Which rows of the input does any output read here? || Only the odd ones: row o·2 − 1 + 2·j is always odd, so rows 0, 2, 4 and 6 are never read.

## Stacking: linear in the rate, exponential in depth

One layer's field grows **linearly** with its rate: `r·(k−1)+1`. A stack adds the fields: 3x3
layers at rates 1, 2, 4, 8 see `1 + 2·(1+2+4+8) = 31` cells. Doubling the rate at every layer
makes the field grow **exponentially** with depth (2^(L+1) − 1 for L such layers), which is
what WaveNet does; a single layer never does.

```atrous
:input impulse 33x33
:layers k=3,r=1 k=3,r=2 k=3,r=4 k=3,r=8
:goto 16,16
:assert field 31x31
:assert holes 0
:layer 4
:assert footprint 17x17
```

The receptive-field view (`v`) draws the centre cell's field with its path counts; `{` and `}`
step through the layers.

? What field do four 3x3 layers at rate 2 give? || 17x17: 1 + 4·2·(3−1). Constant rates grow the field linearly with depth.

## Gridding: rates 2, 2, 2

Stack the same rate and every path lands on the same parity: the stack reads only every
other row and column of its field, a grid of holes (called gridding, or checkerboard
artifacts). These are the layers' real outputs on an impulse, computed layer by layer.

```atrous
:input impulse 9x9
:stack gridding
:assert input 33x33
:assert field 13x13
:assert holes 120
:layer 3
:assert value 16,16 = 49
:assert value 16,17 = 0
:assert value 17,17 = 0
:assert value 18,18 = 36
:layers
```

The overview shows each layer's output side by side; `O` steps it, `{` `}` choose a layer.

? Of the 169 cells of the 13x13 field, how many reach the centre output? || 49: the 7x7 cells at even offsets; the other 120 are holes.

## Hybrid Dilated Convolution: rates 1, 2, 5

Wang et al. (2018) choose rates with no common factor above 1, each step small enough for the
next to fill the gaps: 1, 2, 5 (here twice). The field is then solid.

```atrous
:input impulse 9x9
:stack hdc
:assert input 49x49
:assert field 33x33
:assert holes 0
:layer 3
:assert value 24,24 = 1
:assert value 24,25 = 2
:assert value 16,16 = 1
:assert value 24,33 = 0
:layers
```

Layer 3's output on the impulse fills a solid 17x17 block (rows and columns 16 to 32): no
hole, unlike gridding's. Each value counts the paths from the impulse.

? Why does 1, 2, 5 not grid when 2, 2, 2 does? || 2, 2, 2 share the factor 2, so every path moves by even steps; 1 and 2 reach every offset from −3 to 3, and the taps of 5 land on −5, 0 and 5, so together they reach every offset from −8 to 8.

## ASPP: parallel rates on one map

DeepLab's atrous spatial pyramid pooling runs 3x3 branches at several rates side by side on the
same feature map (v2: rates 6, 12, 18, 24, outputs summed). `atrous rf --preset aspp` analyses
the branches together; here is one branch at a time on a 33x33 map.

```atrous
:input random 33x33
:ksize 3
:rate 6
:goto 16,16
:assert field 13x13
:assert reads 10,10 10,16 10,22 16,10 16,16 16,22 22,10 22,16 22,22
:rate 18
:assert field 37x37
:assert reads 16,16
```

At rate 18 the centre cell's other eight taps fall in the padding: the 3x3 filter acts as a
1x1 one, which is why DeepLab v3 adds image-level features to ASPP.

? How many real input cells does the centre read at rate 18? || One, x[16,16]; rows 16 ± 18 lie outside the 33 rows.

## Causal 1-D convolution

For sequences, a causal layer pads `k_eff − 1` cells on the left only, so y[t] reads no input
after t. WaveNet stacks kernel-2 causal layers at rates 1, 2, 4, …, 512: a field of 1024.
Keras names this padding (`Conv1D(padding='causal')`); `Conv2D` and PyTorch do not.

```atrous
:stack wavenet
:assert field 1x1024
:input ramp 1x16
:layers k=1x2,r=1x1,p=causal k=1x2,r=1x2,p=causal k=1x2,r=1x4,p=causal
:goto 0,15
:assert field 1x8
:assert region 0..0,8..15
:assert holes 0
:layer 3
:assert notes causal-keras-conv1d
:assert pads 0,0,4,0
```

? Three causal layers with rates 1, 2, 4: which inputs reach y[15]? || x[8] to x[15], all eight, each by exactly one path.

## Fills: what the padding holds

Padding need not be zeros. `reflect` mirrors the input without repeating the edge,
`replicate` repeats the edge, `circular` wraps around (NumPy's `reflect`, `edge`, `wrap`).
PyTorch's `Conv2d` takes all four as `padding_mode`; TensorFlow's convolutions pad with zeros.

```atrous
:input ramp 5x5
:kernel box
:ksize 3
:rate 2
:stride 1
:padding same
:goto 0,0
:fill zeros
:assert value 0,0 = 24
:fill circular
:assert value 0,0 = 90
:fill replicate
:assert value 0,0 = 36
:fill reflect
:assert value 0,0 = 72
```

`f` steps through the fills; the input panel shows the copied values in the padding.

? With reflect, which cells stand in for the padded taps of y[0,0]? || Row and column −2 mirror to 2, so the taps read rows 2, 0, 2 and columns 2, 0, 2 of the ramp: 72 in all.

## Exercise: predict the output size

A 3x3 kernel at rate 3 and stride 2, `valid` padding, on a 20x20 input. Work it out, then check.

```atrous
:input random 20x20
:kernel box
:ksize 3
:rate 3
:stride 2
:padding valid
:assert footprint 7x7
:assert output 7x7
```

? What is the output size? || 7x7: the footprint is 3·2+1 = 7, and floor((20 − 7) / 2) + 1 = 7.
? And with same padding? || 10x10: ceil(20 / 2) = 10, whatever the rate.

## Exercise: which inputs reach an output?

A 3x3 kernel at rate 2, `valid` padding, on a 9x9 ramp. Which input cells does y[1,2] read?
Name them before you look.

```atrous
:input ramp 9x9
:kernel box
:ksize 3
:rate 2
:stride 1
:padding valid
:goto 1,2
:assert reads 1,2 1,4 1,6 3,2 3,4 3,6 5,2 5,4 5,6
:assert value 1,2 = 279
```

? Which cells, and what is the sum? || Rows 1, 3, 5 and columns 2, 4, 6: x[1+2·j, 2+2·l]; on the ramp they sum to 279.
"""#
}
