import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

/// A kernel from a file, loaded at any time, saved as a file source, and exported so that
/// `atrous compute --kernel` reads back the same kernel; through the binary.
@Suite("Kernel files through the binary")
struct KernelFileTests {
    static let kernel = Tensor<Double>(shape: [3, 2], scalars: [1, -2, 0.5, 3, -1, 4])

    @Test("`:kernel FILE` after start-up loads it; the session says where it came from; the table export reads back")
    func loadSaveAndExportReadBack() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kernelFile, session, table, array) = (directory.path("k.npy"), directory.path("s.atrous.json"),
                                                  directory.path("out.csv"), directory.path("out.npy"))
        try ArrayFile.write(Self.kernel, to: kernelFile, overwrite: false)
        let keys = ":rate 2<Enter>:kernel \(kernelFile)<Enter>:save \(session)<Enter>:export kernel \(table)<Enter>"
            + ":export kernel \(array)<Enter>"
        let rendered = try AtrousBinary.run(["render", "--size", "100x30", "--keys", keys])
        try #require(rendered.status == 0, "stderr: \(rendered.standardError)")
        #expect(rendered.output.contains("Kernel 3x2 · rate 2"))

        let saved = String(decoding: try Data(contentsOf: URL(fileURLWithPath: session)), as: UTF8.self)
        #expect(saved.contains("\"file\": \"\(kernelFile)\""))
        #expect(!saved.contains("\"preset\": \"box\""))

        // Both exports read back as the same kernel: compute with each equals compute with the original.
        let input = directory.path("x.npy")
        try ArrayFile.write(Tensor<Double>(shape: [6, 7]) { Double($0[0] * 7 + $0[1]) }, to: input, overwrite: false)
        var outputs: [Tensor<Double>] = []
        for (i, kernel) in [kernelFile, table, array].enumerated() {
            let output = directory.path("y\(i).npy")
            let computed = try AtrousBinary.run(["compute", "--input", input, "--kernel", kernel, "--rate", "2",
                                                 "--padding", "same", "--output", output])
            try #require(computed.status == 0, "\(kernel): \(computed.standardError)")
            outputs.append(try ArrayFile.read(path: output).converted(to: Double.self))
        }
        #expect(outputs[1].shape == outputs[0].shape && outputs[1].scalars == outputs[0].scalars)
        #expect(outputs[2].shape == outputs[0].shape && outputs[2].scalars == outputs[0].scalars)

        // The session reopens with the file's weights.
        let reopened = try AtrousBinary.run(["render", "--size", "100x30", "--session", session])
        try #require(reopened.status == 0, "stderr: \(reopened.standardError)")
        #expect(reopened.output.contains("Kernel 3x2 · rate 2"))
    }

    @Test("a kernel that does not fit is refused in one sentence and the screen stays")
    func refusedKernel() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let wide = directory.path("wide.npy")
        try ArrayFile.write(Tensor<Double>(shape: [1, 12], repeating: 1), to: wide, overwrite: false)
        let rendered = try AtrousBinary.run(["render", "--size", "250x30", "--keys", ":kernel \(wide)<Enter>"])
        try #require(rendered.status == 0, "stderr: \(rendered.standardError)")
        #expect(rendered.output.contains("the kernel is 1x12, but the explorer shows kernels of 1 to 11 a side"))
        #expect(rendered.output.contains("Kernel 3x3"))
    }
}
