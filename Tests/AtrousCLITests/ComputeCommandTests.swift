import AtrousCore
import AtrousIO
import AtrousProcess
import AtrousTestSupport
import Foundation
import Testing

@Suite("atrous compute")
struct ComputeCommandTests {
    /// A 5x6 input, a 2x2 kernel, and the result of rate 2 with valid padding worked by hand:
    /// y[i][j] = x[i][j] + 2·x[i][j+2] + 3·x[i+2][j] + 4·x[i+2][j+2] = 100i + 10j + 152 for x[i][j] = 10i + j.
    static let input = Tensor<Float>(shape: [5, 6]) { i in Float(10 * i[0] + i[1]) }
    static let kernel = Tensor<Float>(shape: [2, 2], scalars: [1, 2, 3, 4])
    static let expected = Tensor<Float>(shape: [3, 4]) { i in Float(100 * i[0] + 10 * i[1] + 152) }

    /// A scratch directory holding `x.npy` and `k.npy`.
    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try ArrayFile.write(input, to: directory.path("x.npy"), overwrite: false)
        try ArrayFile.write(kernel, to: directory.path("k.npy"), overwrite: false)
        return directory
    }

    static func arguments(_ directory: TemporaryDirectory, output: String, _ extra: [String] = []) -> [String] {
        ["compute", "--input", directory.path("x.npy"), "--kernel", directory.path("k.npy"),
         "--rate", "2", "--output", output] + extra
    }

    @Test("the result is written as .npy in the input's float type")
    func npy() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let result = try AtrousBinary.run(Self.arguments(directory, output: directory.path("y.npy")))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try ArrayFile.read(path: directory.path("y.npy")) == .float(Self.expected))
        #expect(try directory.contents() == ["k.npy", "x.npy", "y.npy"])
    }

    @Test("a float64 input gives a float64 result from a float32 kernel")
    func keepsInputType() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        try ArrayFile.write(Self.input.converted(to: Double.self), to: directory.path("x.npy"), overwrite: true)
        let result = try AtrousBinary.run(Self.arguments(directory, output: directory.path("y.npy")))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try ArrayFile.read(path: directory.path("y.npy")) == .double(Self.expected.converted(to: Double.self)))
    }

    @Test("a float16 input gives a float32 result, as the help says")
    func float16GivesFloat32() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let header = "{'descr': '<f2', 'fortran_order': False, 'shape': (5, 6), }"
        let padded = header + String(repeating: " ", count: 128 - 10 - header.utf8.count - 1) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(padded.utf8.count), 0] + Array(padded.utf8)
        for value in Self.input.scalars {
            let bits = Float16(value).bitPattern
            bytes += [UInt8(bits & 0xFF), UInt8(bits >> 8)]
        }
        try directory.write(bytes, to: "x.npy")
        let result = try AtrousBinary.run(Self.arguments(directory, output: directory.path("y.npy")))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try ArrayFile.read(path: directory.path("y.npy")) == .float(Self.expected))
        let help = try AtrousBinary.run(["compute", "--help"])
        #expect(help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .contains("float32 for a float16 or float32 .npy input"), "\(help.output)")
    }

    @Test("direct is the default algorithm; winograd, on request, agrees within its rounding")
    func algorithm() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let kernel = Tensor<Float>(shape: [3, 3]) { i in Float(i[0] * 3 + i[1] + 1) / 8 }
        try ArrayFile.write(kernel, to: directory.path("k3.npy"), overwrite: false)
        for (name, extra) in [("d.npy", []), ("e.npy", ["--algorithm", "direct"]), ("w.npy", ["--algorithm", "winograd"])] {
            let result = try AtrousBinary.run(["compute", "--input", directory.path("x.npy"), "--kernel",
                                               directory.path("k3.npy"), "--padding", "same", "--output",
                                               directory.path(name)] + extra)
            #expect(result.status == 0, "\(result.standardError)")
        }
        #expect(directory.bytes("d.npy") == directory.bytes("e.npy"))
        guard case let .float(direct) = try ArrayFile.read(path: directory.path("d.npy")),
              case let .float(winograd) = try ArrayFile.read(path: directory.path("w.npy"))
        else { Issue.record("the results are not float32"); return }
        #expect(direct.shape == [5, 6] && winograd.shape == [5, 6])
        #expect(zip(direct.scalars, winograd.scalars).allSatisfy { abs($0 - $1) <= 1e-3 * max(1, abs($0)) })
        let bad = try AtrousBinary.run(Self.arguments(directory, output: directory.path("y.npy"), ["--algorithm", "fft"]))
        #expect(bad.status != 0)
        #expect(bad.standardError.hasPrefix("Error: The value 'fft' is invalid for '--algorithm"), "\(bad.standardError)")
    }

    @Test("CSV and JSON outputs hold the same numbers")
    func csvAndJSON() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        for name in ["y.csv", "y.json"] {
            let result = try AtrousBinary.run(Self.arguments(directory, output: directory.path(name)))
            #expect(result.status == 0, "\(result.standardError)")
        }
        #expect(directory.bytes("y.csv") == (try CSVMaps.encode(Self.expected)))
        #expect(directory.bytes("y.json") == (try JSONMaps.encode(Self.expected)))
        #expect(try ArrayFile.read(path: directory.path("y.csv")) == .double(Self.expected.converted(to: Double.self)))
    }

    @Test("- writes .npy to standard output and reads .npy from standard input")
    func standardStreams() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let toStdout = try AtrousBinary.run(Self.arguments(directory, output: "-"))
        #expect(toStdout.status == 0, "\(toStdout.standardError)")
        #expect(try NumpyReader.decode(toStdout.standardOutput, path: "stdout") == .float(Self.expected))
        let fromStdin = try AtrousBinary.run(["compute", "--input", "-", "--kernel", directory.path("k.npy"),
                                              "--rate", "2", "--output", "-"],
                                             standardInput: NumpyWriter.encode(Self.input))
        #expect(fromStdin.status == 0, "\(fromStdin.standardError)")
        #expect(fromStdin.standardOutput == toStdout.standardOutput)
        #expect(try directory.contents() == ["k.npy", "x.npy"])
    }

    @Test("an existing output is refused without --force and replaced with it")
    func force() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        try directory.write(Array("keep me".utf8), to: "y.npy")
        let refused = try AtrousBinary.run(Self.arguments(directory, output: directory.path("y.npy")))
        #expect(refused.status != 0)
        #expect(refused.standardError == "Error: The output \(directory.path("y.npy")) already exists; pass --force to overwrite it.\n")
        #expect(directory.bytes("y.npy") == Array("keep me".utf8))
        let forced = try AtrousBinary.run(Self.arguments(directory, output: directory.path("y.npy"), ["--force"]))
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try ArrayFile.read(path: directory.path("y.npy")) == .float(Self.expected))
        #expect(try directory.contents() == ["k.npy", "x.npy", "y.npy"])
    }

    @Test("pairs accept 3, 3,5 and 3x5, and padding T,B,L,R", arguments: [
        (["--rate", "2,1", "--stride", "1x2"], ["--rate", "2x1", "--stride", "1,2"]),
        (["--padding", "1,1,2,2"], ["--padding", "1,2"]),
        (["--padding", "same", "--fill", "reflect", "--rate", "2"], ["--padding", "1,1,1,1", "--fill", "reflect", "--rate", "2,2"]),
    ])
    func pairSpellings(first: [String], second: [String]) throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let run = { (name: String, flags: [String]) in
            try AtrousBinary.run(["compute", "--input", directory.path("x.npy"), "--kernel", directory.path("k.npy"),
                                  "--output", directory.path(name)] + flags)
        }
        let a = try run("a.npy", first), b = try run("b.npy", second)
        #expect(a.status == 0 && b.status == 0, "\(a.standardError)\(b.standardError)")
        #expect(directory.bytes("a.npy") == directory.bytes("b.npy"))
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        let name: String
        /// Arguments after `compute`; `X`, `K` and `OUT` stand for the workspace's files.
        let arguments: [String]
        /// Text the message must contain.
        let mentions: String
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "missing input", arguments: ["--input", "nope.npy", "--kernel", "K", "--output", "OUT"],
                mentions: "Cannot read nope.npy: no such file or directory"),
        Failure(name: "unknown output extension", arguments: ["--input", "X", "--kernel", "K", "--output", "OUT.txt"],
                mentions: "write a .npy, .csv or .json file"),
        Failure(name: "missing output directory", arguments: ["--input", "X", "--kernel", "K", "--output", "OUT/sub/y.npy"],
                mentions: "does not exist"),
        Failure(name: "kernel with more input channels", arguments: ["--input", "X", "--kernel", "K4", "--output", "OUT"],
                mentions: "The input has 1 channel but the kernel expects 2"),
        Failure(name: "bias of the wrong rank", arguments: ["--input", "X", "--kernel", "K", "--bias", "K", "--output", "OUT"],
                mentions: "The bias must be a vector of shape (Cout,), got shape (2, 2)"),
        Failure(name: "empty input", arguments: ["--input", "EMPTY", "--kernel", "K", "--output", "OUT"],
                mentions: "The input must be (H,W), (H,W,C) or (N,H,W,C), got shape (0,)"),
        Failure(name: "empty 2-D input", arguments: ["--input", "EMPTY2", "--kernel", "K", "--output", "OUT"],
                mentions: "The input has no elements (shape (0, 3))"),
        Failure(name: "reflect padding too large", arguments: ["--input", "X", "--kernel", "K", "--rate", "9",
                                                               "--padding", "full", "--fill", "reflect", "--output", "OUT"],
                mentions: "Reflect padding must be smaller than the input"),
        Failure(name: "garbage input", arguments: ["--input", "GARBAGE", "--kernel", "K", "--output", "OUT"],
                mentions: "is not a .npy file"),
        // A negative number after a flag is its value, not an option of its own.
        Failure(name: "negative rate", arguments: ["--input", "X", "--kernel", "K", "--rate", "-2", "--output", "OUT"],
                mentions: "The dilation rate must be at least 1, got -2 for the height"),
        Failure(name: "negative stride", arguments: ["--input", "X", "--kernel", "K", "--stride", "1,-1", "--output", "OUT"],
                mentions: "The stride must be at least 1, got -1 for the width"),
        Failure(name: "negative explicit padding", arguments: ["--input", "X", "--kernel", "K", "--padding", "-1,-1,0,0",
                                                               "--output", "OUT"],
                mentions: "Explicit padding must not be negative, got -1 before and -1 after on the height"),
        Failure(name: "non-finite JSON", arguments: ["--input", "NAN", "--kernel", "K", "--output", "OUT.json"],
                mentions: "cannot hold the value nan"),
    ]

    @Test("each failure prints one sentence, exits non-zero and leaves no file", arguments: failures)
    func failure(_ failure: Failure) throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        try ArrayFile.write(Tensor<Float>(shape: [2, 2, 2, 1], repeating: 1), to: directory.path("k4.npy"), overwrite: false)
        try ArrayFile.write(Tensor<Float>(shape: [0], repeating: 1), to: directory.path("empty.npy"), overwrite: false)
        try ArrayFile.write(Tensor<Float>(shape: [0, 3], repeating: 1), to: directory.path("empty2.npy"), overwrite: false)
        try ArrayFile.write(Tensor<Float>(shape: [3, 3], scalars: [1, 2, 3, 4, .nan, 6, 7, 8, 9]),
                            to: directory.path("nan.npy"), overwrite: false)
        try directory.write(Array("1,2\n3,4\n".utf8), to: "garbage.npy")
        let before = try directory.contents()
        let names = ["X": "x.npy", "K": "k.npy", "K4": "k4.npy", "EMPTY": "empty.npy", "EMPTY2": "empty2.npy",
                     "NAN": "nan.npy", "GARBAGE": "garbage.npy"]
        let arguments = ["compute"] + failure.arguments.map { argument in
            if let name = names[argument] { return directory.path(name) }
            if argument.hasPrefix("OUT") { return directory.path("out" + argument.dropFirst(3)) + (argument == "OUT" ? ".npy" : "") }
            return argument
        }
        let result = try AtrousBinary.run(arguments)
        #expect(result.status != 0)
        #expect(Sentence.isSingle(result.standardError), "stderr: \(result.standardError)")
        #expect(result.standardError.contains(failure.mentions), "stderr: \(result.standardError)")
        #expect(try directory.contents() == before)
    }

    @Test("a malformed flag value names the flag", arguments: [
        ["--rate", "2x"], ["--stride", "a"], ["--padding", "1,2,3"], ["--fill", "mirror"],
    ])
    func badFlag(flag: [String]) throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let result = try AtrousBinary.run(Self.arguments(directory, output: directory.path("y.npy"), flag))
        #expect(result.status != 0)
        let firstLine = result.standardError.split(separator: "\n").first ?? ""
        #expect(firstLine.hasPrefix("Error: The value '\(flag[1])' is invalid for '\(flag[0])"), "stderr: \(result.standardError)")
        #expect(try directory.contents() == ["k.npy", "x.npy"])
    }

    @Test("--help lists every flag")
    func help() throws {
        let result = try AtrousBinary.run(["compute", "--help"])
        #expect(result.status == 0)
        for flag in ["--input", "--kernel", "--bias", "--rate", "--stride", "--padding", "--fill", "--output", "--force"] {
            #expect(result.output.contains(flag), "missing \(flag)")
        }
    }
}

@Suite("atrous compute with hostile standard input")
struct ComputeStandardInputTests {
    /// Runs `compute --input -` with standard input read from `input`, returning the status
    /// and standard error.
    /// Whether `run`'s child stayed within `limit` bytes. Linux counts this test process's
    /// peak before the child's program starts as the child's own (see `ChildProcess`), so the
    /// peak is lowered first and the test process's size allowed for.
    static func residentWithin(_ limit: Int, _ run: () throws -> ChildProcess) rethrows -> (ChildProcess, Bool) {
        ChildProcess.shrinkOwnPeakResidentSet()
        let own = ChildProcess.ownResidentBytes ?? 0
        let child = try run()
        return (child, child.maxResidentBytes < max(own, ChildProcess.ownResidentBytes ?? 0) + limit)
    }

    static func run(standardInput input: String, in directory: TemporaryDirectory) throws -> (ChildProcess, String) {
        let child = try ChildProcess.run(AtrousBinary.path(), [
            "compute", "--input", "-", "--kernel", directory.path("k.npy"), "--output", directory.path("y.npy"),
        ], standardInput: input, standardOutput: directory.path("out"), standardError: directory.path("err"))
        return (child, String(decoding: directory.bytes("err") ?? [], as: UTF8.self))
    }

    @Test("a write removes the temporary a killed writer left in the directory")
    func abandonedTemporary() throws {
        let directory = try ComputeCommandTests.workspace()
        defer { directory.remove() }
        // A writer that has ended: its process id is free, so its temporary is debris.
        let ended = try ChildProcess.run("/bin/sh", ["-c", "echo $$ > \"$0\"", directory.path("pid")],
                                         standardOutput: "/dev/null", standardError: "/dev/null")
        #expect(ended.status == 0)
        let pid = String(decoding: directory.bytes("pid") ?? [], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let debris = ".y.npy.atrous-\(pid)-1x2y3z.tmp"
        try directory.write([UInt8](repeating: 7, count: 1000), to: debris)
        let result = try AtrousBinary.run(ComputeCommandTests.arguments(directory, output: directory.path("z.npy")))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try directory.contents() == ["k.npy", "pid", "x.npy", "z.npy"])
    }

    @Test("a small file's read takes memory for what it holds, not for the read's budget")
    func smallRead() throws {
        let directory = try ComputeCommandTests.workspace()
        defer { directory.remove() }
        try directory.write(Array("1,2,3\n4,5,6\n7,8,9\n".utf8), to: "x.csv")
        let (child, within) = try Self.residentWithin(100 << 20) {
            try ChildProcess.run(AtrousBinary.path(), [
                "compute", "--input", directory.path("x.csv"), "--kernel", directory.path("k.npy"), "--output", "-",
            ], standardOutput: directory.path("out"), standardError: directory.path("err"))
        }
        #expect(child.status == 0)
        #expect(within, "\(child.maxResidentBytes) bytes resident: the 256 MiB text budget is not allocated")
    }

    @Test("an endless device on standard input ends with one sentence within a second and 100 MB")
    func endless() throws {
        let directory = try ComputeCommandTests.workspace()
        defer { directory.remove() }
        let clock = ContinuousClock()
        let started = clock.now
        var error = ""
        let (child, within) = try Self.residentWithin(100 << 20) {
            let (child, text) = try Self.run(standardInput: "/dev/zero", in: directory)
            error = text
            return child
        }
        let status = child.status
        #expect(started.duration(to: clock.now) < .seconds(1))
        #expect(within, "\(child.maxResidentBytes) bytes resident")
        #expect(status == 1)
        #expect(error == "Error: \(IOError.notNumpy(path: "standard input").description)\n")
        #expect(try directory.contents() == ["err", "k.npy", "out", "x.npy"])
    }

    @Test("a stream with megabytes after its data stops counting them at the budget")
    func trailing() throws {
        let directory = try ComputeCommandTests.workspace()
        defer { directory.remove() }
        let bytes = NumpyWriter.encode(ComputeCommandTests.input) + [UInt8](repeating: 0, count: 3 << 20)
        try directory.write(bytes, to: "stream")
        // Through a pipe, a stream rather than a file of known size; cat, not the test, meets the closed pipe.
        let child = try ChildProcess.run("/bin/sh", [
            "-c", "cat \"$0\" | exec \"$1\" compute --input - --kernel \"$2\" --output \"$3\"",
            directory.path("stream"), AtrousBinary.path(), directory.path("k.npy"), directory.path("y.npy"),
        ], standardOutput: directory.path("out"), standardError: directory.path("err"))
        let (status, error) = (child.status, String(decoding: directory.bytes("err") ?? [], as: UTF8.self))
        #expect(status == 1)
        #expect(error == "Error: The file standard input has more than 1048576 unexpected bytes after its data.\n")
    }
}

@Suite("atrous compute into a closed pipe")
struct ComputeClosedPipeTests {
    @Test("a reader that stops early ends the program quietly, as SIGPIPE ends Unix tools")
    func closedPipe() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try ArrayFile.write(Tensor<Float>(shape: [600, 600], repeating: 1), to: directory.path("x.npy"), overwrite: false)
        try ArrayFile.write(ComputeCommandTests.kernel, to: directory.path("k.npy"), overwrite: false)
        let child = try ChildProcess.run("/bin/sh", [
            "-c", "{ \"$0\" compute --input \"$1\" --kernel \"$2\" --output - 2> \"$3\"; echo $? > \"$4\"; } "
                + "| head -c 10 > /dev/null",
            AtrousBinary.path(), directory.path("x.npy"), directory.path("k.npy"), directory.path("err"),
            directory.path("status"),
        ], standardOutput: directory.path("out"), standardError: directory.path("sh"))
        #expect(child.status == 0)
        #expect(directory.bytes("status") == Array("\(128 + SIGPIPE)\n".utf8), "ended by SIGPIPE, as `yes | head` ends")
        #expect(directory.bytes("err") == [], "nothing on standard error")
    }
}

@Suite("atrous with hostile names and keys")
struct HostileNameTests {
    @Test("a file name holding an escape sequence and a newline is one line of plain text in the error")
    func controlCharacters() throws {
        let result = try AtrousBinary.run(["compute", "--input", "a\u{1B}[31mred\nx.npy", "--kernel", "k.npy",
                                           "--output", "-"])
        #expect(result.status == 1)
        #expect(result.standardError == "Error: Cannot read a\\x1B[31mred\\x0Ax.npy: no such file or directory.\n")
    }

    @Test("keys holding control characters are refused in one line of plain text")
    func keys() throws {
        let result = try AtrousBinary.run(["render", "--keys", "j\u{1B}[31m<bad\n>"])
        #expect(result.status != 0)
        #expect(Sentence.isSingle(result.standardError), "\(result.standardError)")
        #expect(!result.standardError.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(result.standardError.contains("j\\x1B[31m<bad\\x0A>"))
    }

    @Test("a file whose name is not UTF-8 opens as the bytes it is, and errors show those bytes")
    func notUTF8() throws {
        let directory = try ComputeCommandTests.workspace()
        defer { directory.remove() }
        // The shell builds the names from bytes, which a Swift string cannot hold.
        let script = "cp x.npy \"$(printf 'n\\377.npy')\" && \"$0\" compute --input \"$(printf 'n\\377.npy')\" "
            + "--kernel k.npy --rate 2 --output y.npy && \"$0\" compute --input=\"$(printf 'm\\377.npy')\" "
            + "--kernel k.npy --output z.npy"
        let child = try ChildProcess.run("/bin/sh", ["-c", "cd \"$1\" && " + script, AtrousBinary.path(), directory.url.path],
                                         standardOutput: directory.path("out"), standardError: directory.path("err"))
        #expect(child.status == 1)
        #expect(try ArrayFile.read(path: directory.path("y.npy")) == .float(ComputeCommandTests.expected))
        #expect(String(decoding: directory.bytes("err") ?? [], as: UTF8.self)
            == "Error: Cannot read m\\xFF.npy: no such file or directory.\n")
    }
}
