import CConvolutionKernels

/// Winograd's F(4x4, 3x3) for a 3x3 kernel at stride 1 and any rate: 4x4 output cells from
/// a 6x6 patch of input with 36 multiplications per channel pair instead of 144.
///
/// At rate r a tile's outputs lie r apart, `(y + r·a, x + r·b)` for a, b below 4, and its
/// 6x6 input patch at `(y + r·i, x + r·j)`, so tiles start at `4r·q + p` for p below r. For
/// a group of tiles the loop transforms the input patches (`Bᵀ·d·B`), then per block of
/// output channels multiplies them with the transformed weights as 36 small matrix products
/// over the input channels and transforms the sums back (`Aᵀ·m·A`), adding the bias. The
/// threads that share a job each take their own tiles.
///
/// The products are the work: each is the direct loop's kernel (``VectorKernel``) on a 1x1
/// kernel whose "row" is the group's tiles, so they run in the widest instruction set the
/// processor has. The transforms are a small part, in vectors of `Vector`.
struct WinogradCorrelation<Vector: SIMD>: @unchecked Sendable where Vector.Scalar: ConvolutionScalar {
    typealias Scalar = Vector.Scalar
    let job: CorrelationJob<Scalar>
    /// ``WinogradWeights/weights``, read concurrently and never written.
    let weights: UnsafePointer<Scalar>
    /// ``WinogradWeights/biases``.
    let biases: UnsafePointer<Vector>
    /// Output channels per block of the weights and the products (the kernel's block).
    let lanes: Int
    /// The direct loop's kernel for blocks of `lanes` channels.
    let kernel: atrous_direct_span_kernel
    /// The first output row of each row of tiles, and the first output column of each column.
    let rowOrigins: [Int]
    let columnOrigins: [Int]

    /// Tiles transformed and multiplied together: the widest kernel's register block (twelve
    /// positions), while a position's transformed inputs and one block's products stay in the
    /// first cache level.
    static var tilesPerGroup: Int { 12 }

    init(job: CorrelationJob<Scalar>, weights: UnsafePointer<Scalar>, biases: UnsafePointer<Vector>, lanes: Int,
         kernel: @escaping atrous_direct_span_kernel) {
        self.job = job
        self.weights = weights
        self.biases = biases
        self.lanes = lanes
        self.kernel = kernel
        rowOrigins = Self.origins(count: job.outputShape.height, rate: job.rate.height)
        columnOrigins = Self.origins(count: job.outputShape.width, rate: job.rate.width)
    }

    /// The starts `4r·q + p` (p below r) of the tiles that cover `0..<count` at rate r, each
    /// tile covering its start and the three cells r, 2r and 3r after it.
    static func origins(count: Int, rate: Int) -> [Int] {
        let span = WinogradF43.outputs * rate
        return stride(from: 0, to: count, by: span).flatMap { base in Array(base..<min(base + rate, count)) }
    }

    /// Tiles of all images: tile `(n·R + k)·C + l` is row `k`, column `l` of image `n`.
    var tileCount: Int { job.outputShape.batch * rowOrigins.count * columnOrigins.count }

    /// Groups of ``tilesPerGroup`` tiles, the last one possibly short: the units that threads share.
    var groupCount: Int { (tileCount + Self.tilesPerGroup - 1) / Self.tilesPerGroup }

    /// Fills the output cells of the tiles in groups `groups` (see ``groupCount``).
    func fill(groups: Range<Int>) {
        let tiles = groups.lowerBound * Self.tilesPerGroup ..< min(groups.upperBound * Self.tilesPerGroup, tileCount)
        let group = Self.tilesPerGroup
        let scratch = WinogradScratch<Vector>(group: group, inputChannels: job.kernel.inputChannels,
                                              outputChannels: job.kernel.outputChannels, lanes: lanes)
        defer { scratch.deallocate() }
        rowOrigins.withUnsafeBufferPointer { rowOrigins in
            columnOrigins.withUnsafeBufferPointer { columnOrigins in
                let grid = TileGrid(rows: rowOrigins, columns: columnOrigins)
                for first in Swift.stride(from: tiles.lowerBound, to: tiles.upperBound, by: group) {
                    let count = min(group, tiles.upperBound &- first)
                    transformInputs(grid, first: first, count: count, scratch: scratch)
                    multiply(scratch, count: count)
                    transformOutputs(scratch, grid, first: first, count: count)
                }
            }
        }
    }

    /// Writes `Bᵀ·d·B` of each tile's 6x6 input patch, one vector of input channels at a time.
    /// Patch cells past the padded input (in tiles that reach past the output) read the
    /// nearest cell instead: they only reach outputs that are dropped.
    ///
    /// The gathering loads come first and the arithmetic runs without branches, so that the
    /// compiler keeps every lane operation a whole-vector one.
    private func transformInputs(_ grid: TileGrid, first: Int, count: Int, scratch: WinogradScratch<Vector>) {
        let vectorLanes = Vector.scalarCount
        let cin = job.kernel.inputChannels
        let (height, width) = (job.padded.height, job.padded.width)
        let (rh, rw) = (job.rate.height, job.rate.width)
        let (patch, columns) = (scratch.patch, scratch.columns)
        for tile in 0..<count {
            let (image, row, column) = grid.tile(first &+ tile)
            let base = job.source + image &* height &* width &* cin
            for channel in Swift.stride(from: 0, to: cin, by: vectorLanes) {
                let used = min(vectorLanes, cin &- channel)
                for i in 0..<6 {
                    let y = min(row &+ rh &* i, height &- 1)
                    for j in 0..<6 {
                        let x = min(column &+ rw &* j, width &- 1)
                        patch[6 &* i &+ j] = load(base + ((y &* width &+ x) &* cin &+ channel), count: used)
                    }
                }
                for j in 0..<6 {
                    WinogradF43.transformInput({ patch[6 &* $0 &+ j] }, { columns[6 &* $0 &+ j] = $1 })
                }
                let destination = scratch.transformed(position: 0, tile: tile) + channel
                let positionPitch = scratch.positionPitch
                for i in 0..<6 {
                    WinogradF43.transformInput({ columns[6 &* i &+ $0] }, { j, value in
                        UnsafeMutableRawPointer(destination + (6 &* i &+ j) &* positionPitch)
                            .storeBytes(of: value, as: Vector.self)
                    })
                }
            }
        }
    }

    /// The 36 matrix products `products[block][ξ][tile] = Σ_ci transformed[ξ][tile][ci] · weights[ξ][block][ci]`,
    /// position by position, so that a position's transformed inputs stay in the first
    /// cache level while every block of output channels uses them. Each product runs the
    /// kernel over the group's tiles as the positions of one row of a 1x1 kernel, from a zero
    /// bias, in one part: the order the direct loop adds a 1x1 kernel's terms in.
    private func multiply(_ scratch: WinogradScratch<Vector>, count: Int) {
        let cin = job.kernel.inputChannels
        // One image of one row: the tiles are the positions, a tile's channels its 1x1 taps.
        var span = atrous_direct_span()
        (span.image_step, span.row_step, span.column_step) = (0, 0, scratch.tilePitch)
        (span.tap_row_step, span.tap_column_step) = (0, 0)
        (span.output_height, span.output_width) = (1, count)
        (span.kernel_height, span.kernel_width, span.input_channels) = (1, 1, cin)
        (span.weight_step, span.output_pitch, span.width) = (lanes, lanes, lanes)
        span.terms_per_part = Int.max
        (span.first_position, span.position_count) = (0, count)
        span.bias = UnsafeRawPointer(scratch.zeroBias)
        for position in 0..<36 {
            span.source = UnsafeRawPointer(scratch.transformed(position: position, tile: 0))
            for block in 0..<scratch.blocks {
                span.weights = UnsafeRawPointer(weights + (position &* scratch.blocks &+ block) &* cin &* lanes)
                span.output = UnsafeMutableRawPointer(scratch.products(block: block, position: position))
                kernel(&span)
            }
        }
    }

    /// Writes `Aᵀ·m·A` plus the bias for each tile's 4x4 outputs that lie inside the output,
    /// all vectors of an output cell together, so that whole cache lines are written at once.
    private func transformOutputs(_ scratch: WinogradScratch<Vector>, _ grid: TileGrid, first: Int, count: Int) {
        let vectorLanes = Vector.scalarCount
        let cout = job.kernel.outputChannels
        let vectors = scratch.vectors
        let (height, width) = (job.outputShape.height, job.outputShape.width)
        let (rh, rw) = (job.rate.height, job.rate.width)
        let (columns, cells) = (scratch.columns, scratch.cells)
        let (tilePitch, positionPitch) = (lanes, scratch.productPositionPitch)
        for tile in 0..<count {
            for vector in 0..<vectors {
                let channel = vector &* vectorLanes
                let products = scratch.products(block: channel / lanes, position: 0) + (tile &* tilePitch &+ channel % lanes)
                let (bias, vectorCells) = (biases[vector], cells + vector)
                for j in 0..<6 {
                    WinogradF43.transformOutput({
                        UnsafeRawPointer(products + (6 &* $0 &+ j) &* positionPitch).loadUnaligned(as: Vector.self)
                    }, { columns[6 &* $0 &+ j] = $1 })
                }
                for a in 0..<4 {
                    WinogradF43.transformOutput({ columns[6 &* a &+ $0] }, { b, value in
                        vectorCells[(4 &* a &+ b) &* vectors] = bias + value
                    })
                }
            }
            // Only now branch on which cells lie inside the output.
            let (image, row, column) = grid.tile(first &+ tile)
            let imageOutput = job.output + image &* height &* width &* cout
            for a in 0..<4 {
                let y = row &+ rh &* a
                guard y < height else { break }
                for b in 0..<4 {
                    let x = column &+ rw &* b
                    guard x < width else { break }
                    let cell = imageOutput + (y &* width &+ x) &* cout, values = cells + (4 &* a &+ b) &* vectors
                    for vector in 0..<vectors {
                        store(values[vector], to: cell + vector &* vectorLanes,
                              count: min(vectorLanes, cout &- vector &* vectorLanes))
                    }
                }
            }
        }
    }
}

/// The working memory of one thread's ``WinogradCorrelation``, for one group of tiles.
private struct WinogradScratch<Vector: SIMD> where Vector.Scalar: ConvolutionScalar {
    typealias Scalar = Vector.Scalar
    /// Transformed inputs, `[ξ][tile][ci]` with the channels rounded up to whole vectors, so
    /// that every store is a whole vector.
    let transformedInputs: UnsafeMutablePointer<Scalar>
    /// The products, `[block][ξ][tile][lane]`, in the weights' blocks of `lanes` channels.
    let allProducts: UnsafeMutablePointer<Scalar>
    /// A block of zeros: the products start from no bias.
    let zeroBias: UnsafeMutablePointer<Scalar>
    /// 36 vectors: a patch, or a transform after its first pass.
    let patch: UnsafeMutablePointer<Vector>
    let columns: UnsafeMutablePointer<Vector>
    /// One tile's output cells, `[a·4 + b][vector]`.
    let cells: UnsafeMutablePointer<Vector>
    /// Scalars between the same channel of consecutive tiles, and of consecutive positions ξ.
    let tilePitch: Int
    let positionPitch: Int
    /// Blocks of `lanes` output channels, and vectors of output channels.
    let blocks: Int
    let vectors: Int
    /// Scalars between the products of consecutive blocks, and of consecutive positions.
    let blockPitch: Int
    let productPositionPitch: Int

    init(group: Int, inputChannels: Int, outputChannels: Int, lanes: Int) {
        let vectorLanes = Vector.scalarCount
        tilePitch = (inputChannels + vectorLanes - 1) / vectorLanes * vectorLanes
        positionPitch = group * tilePitch
        blocks = (outputChannels + lanes - 1) / lanes
        vectors = (outputChannels + vectorLanes - 1) / vectorLanes
        productPositionPitch = group * lanes
        blockPitch = 36 * productPositionPitch
        transformedInputs = .allocate(capacity: 36 * positionPitch)
        allProducts = .allocate(capacity: blocks * blockPitch)
        zeroBias = .allocate(capacity: lanes)
        zeroBias.initialize(repeating: 0, count: lanes)
        patch = .allocate(capacity: 36)
        columns = .allocate(capacity: 36)
        cells = .allocate(capacity: 16 * vectors)
    }

    /// Where the transformed input of `tile` at position ξ starts.
    @inline(__always)
    func transformed(position: Int, tile: Int) -> UnsafeMutablePointer<Scalar> {
        transformedInputs + (position &* positionPitch &+ tile &* tilePitch)
    }

    /// The products of one block at position ξ, `[tile][lane]`.
    @inline(__always)
    func products(block: Int, position: Int) -> UnsafeMutablePointer<Scalar> {
        allProducts + (block &* blockPitch &+ position &* productPositionPitch)
    }

    func deallocate() {
        transformedInputs.deallocate()
        allProducts.deallocate()
        zeroBias.deallocate()
        patch.deallocate()
        columns.deallocate()
        cells.deallocate()
    }
}

/// Where each tile of a ``WinogradCorrelation`` lies: tiles are numbered image by image,
/// row of tiles by row of tiles.
private struct TileGrid {
    let rows: UnsafeBufferPointer<Int>
    let columns: UnsafeBufferPointer<Int>

    /// The image, first output row and first output column of tile `index`.
    @inline(__always)
    func tile(_ index: Int) -> (image: Int, row: Int, column: Int) {
        let perImage = rows.count &* columns.count
        let image = index / perImage
        let inImage = index &- image &* perImage
        let row = inImage / columns.count
        return (image, rows[row], columns[inImage &- row &* columns.count])
    }
}

/// The first `count` scalars at `source` as a vector, zero in the other lanes.
@inline(__always)
func load<Vector: SIMD>(_ source: UnsafePointer<Vector.Scalar>, count: Int) -> Vector {
    if count == Vector.scalarCount { return UnsafeRawPointer(source).loadUnaligned(as: Vector.self) }
    var vector = Vector()
    for lane in 0..<count { vector[lane] = source[lane] }
    return vector
}

/// Writes the first `count` lanes of `vector` to `destination`.
@inline(__always)
func store<Vector: SIMD>(_ vector: Vector, to destination: UnsafeMutablePointer<Vector.Scalar>, count: Int) {
    if count == Vector.scalarCount {
        UnsafeMutableRawPointer(destination).storeBytes(of: vector, as: Vector.self)
    } else {
        for lane in 0..<count { destination[lane] = vector[lane] }
    }
}
