import AtrousCore
import AtrousExplorer
import AtrousIO
import AtrousProcess
import AtrousRender
import Foundation

/// The largest input the explorer is meant to open: 8192x8192 values, generated here rather
/// than shipped, under a 3x3 kernel at rate 2 on a 120x40 terminal.
///
/// The targets are 2 s and 1 GB to the first frame (in process and as `atrous render`),
/// 150 ms per parameter key and 16 ms per cursor move, each at the 99th percentile.
public enum LargeInput {
    public static let side = 8192
    static let size = Size(width: 120, height: 40)

    /// Seeded values in [-1, 1), made once per process and shared by the figures.
    static let values: Tensor<Float> = {
        var generator = SplitMix64(seed: 0x8192)
        let scalars = [Float](unsafeUninitializedCapacity: side * side) { buffer, count in
            for i in 0..<(side * side) { buffer[i] = Float(Int(generator.next() >> 40) - (1 << 23)) / Float(1 << 23) }
            count = side * side
        }
        return Tensor(shape: [side, side], scalars: scalars)
    }()

    static let summary = "8192x8192 input, 3x3 at rate 2, 120x40, colours"

    /// Loads the input as the explorer does a float32 file's array: kept as float32.
    static func setUp() -> [ExplorerAction] {
        [.inputLoaded(.float(values), path: "random-8192x8192.npy")]
    }

    /// The explorer's first frame on the input, in process.
    public static func firstFrame(name: String, repetitions: Int) -> BenchFigure {
        InteractionWorkload(summary: summary, setUp: setUp, size: size).firstFrameFigure(name: name, repetitions: repetitions)
    }

    /// Cursor moves round a square, each a key press to its frame.
    public static func cursorKeys(name: String, repetitions: Int) -> BenchFigure {
        InteractionWorkload(summary: summary + ", cursor moves", setUp: setUp, size: size,
                            keys: [.right, .down, .left, .up]).figure(name: name, repetitions: repetitions)
    }

    /// The rate up and down, each recomputing the output.
    public static func parameterKeys(name: String, repetitions: Int) -> BenchFigure {
        InteractionWorkload(summary: summary + ", rate up and down", setUp: setUp, size: size,
                            keys: [.character("r"), .character("R")]).figure(name: name, repetitions: repetitions)
    }

    /// The memory reading of ``renderFigure(name:repetitions:)``.
    public static let memoryKey = "large_render_max_rss_mb"

    /// `atrous render --input FILE` on the input written as a float32 `.npy`, from start to exit,
    /// with the largest resident set of any run; checked by its status and its frame's size.
    public static func renderFigure(name: String, repetitions: Int, executable: String? = nil) -> BenchFigure {
        BenchFigure(name: name, summary: "start-up to first frame: atrous render --input, " + summary, flops: nil,
                    repetitions: repetitions) {
            guard let executable = executable ?? ChildProcess.currentExecutable else {
                throw BenchError.spawnFailed(executable: "atrous", reason: "the running program's path is unknown")
            }
            let scratch = FileManager.default.temporaryDirectory
                .appendingPathComponent("atrous-bench-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
            let input = scratch.appendingPathComponent("large.npy").path
            try Data(NumpyWriter.encode(values)).write(to: URL(fileURLWithPath: input))
            let (output, errors) = (scratch.appendingPathComponent("frame.txt").path,
                                    scratch.appendingPathComponent("errors.txt").path)
            let arguments = ["render", "--input", input, "--rate", "2", "--size", "\(size.width)x\(size.height)"]
            var last: ChildProcess?
            var largest = 0
            return PreparedWork(
                run: {
                    do {
                        last = try ChildProcess.run(executable, arguments, standardOutput: output, standardError: errors)
                    } catch let failure as ChildProcess.Failure {
                        throw BenchError.spawnFailed(executable: failure.executable, reason: failure.reason)
                    }
                    largest = max(largest, last?.maxResidentBytes ?? 0)
                },
                check: {
                    defer { try? FileManager.default.removeItem(at: scratch) }
                    guard let last else { return "\(executable) never ran" }
                    guard last.status == 0 else { return "\(executable) render exited with status \(last.status)" }
                    let lines = ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").split(separator: "\n")
                    return lines.count == size.height ? nil : "the frame has \(lines.count) lines, not \(size.height)"
                },
                readings: {
                    [Reading(key: memoryKey, value: Double(largest) / 1_048_576,
                             summary: "largest resident set of atrous render on the 8192x8192 input, MiB")]
                })
        }
    }
}
