import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

/// The binary on older processors: under `qemu-x86_64 -cpu Nehalem` (SSE4.2, no AVX) it runs
/// its baseline kernels, under `-cpu Haswell` its AVX2 ones, and gives what it gives natively.
/// Runs where Debian's qemu-user is installed and the binary is x86-64.
@Suite("the binary on emulated older processors")
struct EmulatedProcessorTests {
    /// `qemu-x86_64` on the search path, which emulates older processors.
    static let qemu: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/qemu-x86_64" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    #if arch(x86_64)
    static let runs = qemu != nil
    #else
    static let runs = false
    #endif

    /// `atrous arguments` on an emulated `processor` (qemu's model name).
    static func emulated(_ arguments: [String], processor: String = "Nehalem") throws -> ProcessResult {
        try ProcessRunner.run(qemu!, ["-cpu", processor, try AtrousBinary.path()] + arguments)
    }

    /// `atrous arguments` natively, with `ATROUS_KERNEL` set to `kernel` when given.
    static func native(_ arguments: [String], kernel: String? = nil) throws -> ProcessResult {
        guard let kernel else { return try AtrousBinary.run(arguments) }
        return try ProcessRunner.run("/usr/bin/env", ["ATROUS_KERNEL=\(kernel)", try AtrousBinary.path()] + arguments)
    }

    /// A scratch directory holding a seeded random float32 input `x.npy`, 1x23x37x3, and a
    /// 3x3 kernel `k.npy` with 3 input and `outputChannels` output channels.
    static func workspace(outputChannels: Int) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        var generator = SplitMix64(seed: 17)
        let input = Tensor<Float>(shape: [1, 23, 37, 3], scalars: (0..<(23 * 37 * 3)).map { _ in
            Float.random(in: -1...1, using: &generator)
        })
        let kernel = Tensor<Float>(shape: [3, 3, 3, outputChannels], scalars: (0..<(27 * outputChannels)).map { _ in
            Float.random(in: -1...1, using: &generator)
        })
        try ArrayFile.write(input, to: directory.path("x.npy"), overwrite: false)
        try ArrayFile.write(kernel, to: directory.path("k.npy"), overwrite: false)
        return directory
    }

    static func compute(_ directory: TemporaryDirectory, output: String, _ extra: [String] = []) -> [String] {
        ["compute", "--input", directory.path("x.npy"), "--kernel", directory.path("k.npy"), "--rate", "2",
         "--padding", "same", "--output", directory.path(output)] + extra
    }

    @Test("shape prints what it prints natively", .enabled(if: runs))
    func shape() throws {
        let arguments = ["shape", "--input-size", "64x48", "--kernel-size", "3", "--rate", "4", "--padding", "same",
                         "--stride", "2"]
        let emulated = try Self.emulated(arguments)
        #expect(emulated.status == 0, "\(emulated.standardError)")
        #expect(emulated.standardOutput == (try Self.native(arguments)).standardOutput)
    }

    /// One output channel runs along the rows, whose versions never fuse: every processor
    /// writes the same bytes.
    @Test("compute with one output channel writes the native file byte for byte", .enabled(if: runs))
    func computeOneChannel() throws {
        let directory = try Self.workspace(outputChannels: 1)
        defer { directory.remove() }
        let emulated = try Self.emulated(Self.compute(directory, output: "emulated.npy"))
        #expect(emulated.status == 0, "\(emulated.standardError)")
        let native = try Self.native(Self.compute(directory, output: "native.npy"))
        #expect(native.status == 0, "\(native.standardError)")
        #expect(directory.bytes("emulated.npy") != nil)
        #expect(directory.bytes("emulated.npy") == directory.bytes("native.npy"))
    }

    /// Several output channels run the direct loop's baseline kernel there, which cannot fuse:
    /// the native baseline's bytes exactly, and the native default's values within rounding.
    @Test("compute with several output channels writes the native baseline's file byte for byte",
          .enabled(if: runs), arguments: ["direct", "winograd"])
    func computeChannels(algorithm: String) throws {
        let directory = try Self.workspace(outputChannels: 20)
        defer { directory.remove() }
        let extra = ["--algorithm", algorithm]
        let emulated = try Self.emulated(Self.compute(directory, output: "emulated.npy", extra))
        #expect(emulated.status == 0, "\(emulated.standardError)")
        _ = try Self.native(Self.compute(directory, output: "baseline.npy", extra), kernel: "baseline")
        _ = try Self.native(Self.compute(directory, output: "native.npy", extra))
        #expect(directory.bytes("emulated.npy") != nil)
        #expect(directory.bytes("emulated.npy") == directory.bytes("baseline.npy"))
        // The fused kernels round differently, so the emulated processor did run the baseline.
        #expect(directory.bytes("native.npy") != directory.bytes("baseline.npy"))
        guard case .float(let result) = try ArrayFile.read(path: directory.path("emulated.npy")),
              case .float(let native) = try ArrayFile.read(path: directory.path("native.npy")) else {
            Issue.record("the results are not float32")
            return
        }
        let worst = zip(result.scalars, native.scalars).map { abs($0 - $1) }.max() ?? .infinity
        #expect(result.shape == native.shape)
        #expect(worst <= 1e-4, "the baseline differs from the native default by \(worst)")
    }

    /// qemu emulates AVX2 and FMA but not AVX-512: a Haswell runs the AVX2 kernels, whose
    /// fused sums are the AVX-512 ones to the bit.
    @Test("on an emulated Haswell, compute with several output channels writes the native file byte for byte",
          .enabled(if: runs && VectorKernel.available.contains(.avx2)))
    func computeHaswell() throws {
        let directory = try Self.workspace(outputChannels: 20)
        defer { directory.remove() }
        let emulated = try Self.emulated(Self.compute(directory, output: "emulated.npy"), processor: "Haswell")
        #expect(emulated.status == 0, "\(emulated.standardError)")
        _ = try Self.native(Self.compute(directory, output: "native.npy"))
        #expect(directory.bytes("emulated.npy") != nil)
        #expect(directory.bytes("emulated.npy") == directory.bytes("native.npy"))
    }

    @Test("render draws the native frame", .enabled(if: runs))
    func render() throws {
        let arguments = ["render", "--size", "100x30", "--keys", ":rate 3<Enter>jjl"]
        let emulated = try Self.emulated(arguments)
        #expect(emulated.status == 0, "\(emulated.standardError)")
        #expect(!emulated.standardOutput.isEmpty)
        #expect(emulated.standardOutput == (try Self.native(arguments)).standardOutput)
    }
}
