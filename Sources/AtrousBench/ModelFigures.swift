import AtrousCore
import AtrousModels
import AtrousProcess
import Foundation
import ONNXProto
import SwiftProtobuf

/// `atrous rf --model` on real networks' sizes, made by ``SyntheticNetwork`` in a scratch
/// directory and removed afterwards.
enum ModelFigures {
    /// The report keys of the ResNet-50 figure's readings.
    static let memoryKey = "resnet50_onnx_max_rss_mb"
    static let fileKey = "resnet50_onnx_file_mb"
    static let ratioKey = "resnet50_onnx_rss_to_file"

    /// `atrous rf --model resnet50.onnx` started afresh, from spawn to exit: reading the ~100 MB
    /// file, resolving every node on 224x224 and analysing the last spatial one, with the child's
    /// largest resident set beside the file's size.
    static func resNet50(name: String, repetitions: Int) -> BenchFigure {
        BenchFigure(name: name, summary: "atrous rf --model on a ResNet-50 ONNX file (25.6M weights), started afresh",
                    flops: nil, repetitions: repetitions) {
            guard let executable = ChildProcess.currentExecutable else {
                throw BenchError.spawnFailed(executable: "atrous", reason: "the running program's path is unknown")
            }
            let scratch = try scratchDirectory()
            let model = scratch.appendingPathComponent("resnet50.onnx")
            try SyntheticNetwork.resNet50().serializedData().write(to: model)
            let fileBytes = (try FileManager.default.attributesOfItem(atPath: model.path)[.size] as? Int) ?? 0
            let (outputPath, errorPath) = (scratch.appendingPathComponent("out.txt").path,
                                           scratch.appendingPathComponent("err.txt").path)
            // The file was made in this process; its peak must not count as the child's.
            ChildProcess.shrinkOwnPeakResidentSet()
            var last: ChildProcess?
            var largest = 0
            return PreparedWork(
                run: {
                    do {
                        last = try ChildProcess.run(executable, ["rf", "--model", model.path], standardOutput: outputPath,
                                                    standardError: errorPath)
                    } catch let failure as ChildProcess.Failure {
                        throw BenchError.spawnFailed(executable: failure.executable, reason: failure.reason)
                    }
                    largest = max(largest, last?.maxResidentBytes ?? 0)
                },
                check: {
                    defer { try? FileManager.default.removeItem(at: scratch) }
                    guard let last, last.status == 0 else {
                        return "atrous rf --model failed: " + ((try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
                    }
                    let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
                    // The last spatial node of ResNet-50 (stride on the 3x3 layers) sees 427x427
                    // input cells at jump 32: 7 + 2·2 + 3·2·4 + (1 + 3)·2·8 ... by the recurrence,
                    // 7, 11, 35, 91, 267, 427 after the stem, the pooling and each stage.
                    guard text.contains("Receptive field 427, jump 32") else {
                        return "atrous rf --model did not report ResNet-50's field of 427 at jump 32"
                    }
                    return nil
                },
                readings: {
                    [Reading(key: memoryKey, value: Double(largest) / 1_048_576,
                             summary: "largest resident set of atrous rf --model on ResNet-50, MiB"),
                     Reading(key: fileKey, value: Double(fileBytes) / 1_048_576, summary: "the ResNet-50 ONNX file's size, MiB"),
                     Reading(key: ratioKey, value: Double(largest) / Double(max(fileBytes, 1)),
                             summary: "largest resident set over the file's size")]
                })
        }
    }

    /// Reading a DeepLab-v3 graph (ResNet-101 at output stride 8, ASPP and image pooling; no
    /// weights) and computing the path counts of its centre output cell at 513x513, in process:
    /// both the local paths and the paths through the image pooling.
    static func deepLabCounts(name: String, repetitions: Int) -> BenchFigure {
        BenchFigure(name: name, summary: "path counts of DeepLab-v3 (ResNet-101, OS 8, ASPP) at 513x513, read and analysed",
                    flops: nil, repetitions: repetitions) {
            let scratch = try scratchDirectory()
            let model = scratch.appendingPathComponent("deeplabv3.onnx")
            try SyntheticNetwork.deepLabV3(inputSize: 513).serializedData().write(to: model)
            var last: ModelFieldAnalysis?
            return PreparedWork(
                run: {
                    let graph = try ModelFile.read(path: model.path)
                    last = try ModelFieldAnalysis(model: ResolvedModel(graph: graph, inputSize: Pair(513, 513)))
                },
                check: {
                    defer { try? FileManager.default.removeItem(at: scratch) }
                    guard let last else { return "the analysis never ran" }
                    guard last.outputSize == Pair(65, 65) else { return "the output is \(last.outputSize), not 65x65" }
                    // The image pooling joins every input cell to the output; the local paths
                    // reach only inside the cell's region, and the region is the field.
                    guard last.pathCounts.nonzeroCount == 513 * 513, last.globalDependencies.count == 1 else {
                        return "the image-pooling branch does not reach every input cell"
                    }
                    guard let bounds = last.localPathCounts.nonzeroBounds,
                          let clipped = CellBounds(clipping: last.region, toSize: Pair(513, 513)),
                          bounds == clipped else {
                        return "the local paths do not span the cell's region"
                    }
                    return nil
                })
        }
    }

    static func scratchDirectory() throws -> URL {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("atrous-bench-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
        return scratch
    }
}
