import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite("Arrays by file name")
struct ArrayFileTests {
    @Test("output formats follow the extension in any case", arguments: [
        ("a.npy", ArrayFormat.npy), ("dir.d/B.NPY", .npy), ("c.csv", .csv), ("d.Json", .json), ("-", .npy),
    ])
    func formats(path: String, format: ArrayFormat) throws {
        #expect(try ArrayFormat(path: path) == format)
    }

    @Test("other output names are refused", arguments: ["a.txt", "npy", "dir.npy/file", ".npy", "a.npy.gz", ""])
    func unknownFormats(path: String) {
        #expect(throws: IOError.unsupportedOutputExtension(path: path)) { try ArrayFormat(path: path) }
    }

    @Test("inputs read .npy and .csv by extension and refuse others")
    func readsByExtension() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tensor = Tensor<Float>(shape: [2, 2], scalars: [1, 2, 3, 4])
        try ArrayFile.write(tensor, to: directory.path("m.npy"), overwrite: false)
        try ArrayFile.write(tensor, to: directory.path("m.csv"), overwrite: false)
        try ArrayFile.write(tensor, to: directory.path("m.json"), overwrite: false)
        #expect(try ArrayFile.read(path: directory.path("m.npy")) == .float(tensor))
        #expect(try ArrayFile.read(path: directory.path("m.csv")) == .double(tensor.converted(to: Double.self)))
        #expect(throws: IOError.unsupportedInputExtension(path: directory.path("m.json"))) {
            try ArrayFile.read(path: directory.path("m.json"))
        }
    }

    @Test("a missing file is its own error, whatever the locale's wording; a directory gives its reason")
    func unreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = directory.path("missing.npy")
        #expect(throws: IOError.missingFile(path: missing)) {
            try ArrayFile.read(path: missing)
        }
        try FileManager.default.createDirectory(atPath: directory.path("d.npy"), withIntermediateDirectories: false)
        #expect(throws: IOError.cannotRead(path: directory.path("d.npy"), reason: "it is a directory")) {
            try ArrayFile.read(path: directory.path("d.npy"))
        }
        #expect(IOError.missingFile(path: "x y.npy").description
            == "Cannot read 'x y.npy': no such file or directory.")
    }

    @Test("JSON's refusal of a non-finite value names the output file")
    func nonFiniteNamesFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("out.json")
        #expect(throws: IOError.nonFiniteJSON(path: path, value: "nan", index: [0, 1])) {
            try ArrayFile.write(Tensor<Double>(shape: [1, 2], scalars: [0, .nan]), to: path, overwrite: false)
        }
        #expect(try directory.contents() == [])
        #expect(IOError.nonFiniteJSON(path: "out.json", value: "nan", index: [0, 1]).description
            == "The output out.json cannot hold the value nan at index (0, 1), as JSON has no non-finite numbers; write .npy or .csv instead.")
    }

    @Test("AnyTensor reports its shape and dtype and converts between float types")
    func anyTensor() {
        let floats = AnyTensor.float(Tensor(shape: [3], scalars: [0.5, -1, 2]))
        let doubles = AnyTensor.double(Tensor(shape: [1, 2], scalars: [0.1, 3]))
        #expect(floats.shape == [3] && floats.dtypeName == "float32")
        #expect(doubles.shape == [1, 2] && doubles.dtypeName == "float64")
        #expect(floats.converted(to: Double.self) == Tensor(shape: [3], scalars: [0.5, -1, 2]))
        #expect(doubles.converted(to: Float.self) == Tensor(shape: [1, 2], scalars: [0.1, 3]))
        #expect(doubles.converted(to: Double.self) == Tensor(shape: [1, 2], scalars: [0.1, 3]))
    }
}
