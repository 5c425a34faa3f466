import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite("atrous render")
struct RenderCommandTests {
    func render(_ arguments: [String], standardInput: [UInt8] = []) throws -> ProcessResult {
        try AtrousBinary.run(["render"] + arguments, standardInput: standardInput)
    }

    @Test("the default frame is the built-in example on 80x24")
    func defaultFrame() throws {
        let result = try render([])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines[0].hasPrefix("Input 9x9 · pad zeros"))
        #expect(result.output.contains("Kernel 3x3 · rate 2 → 5x5"))
        #expect(result.output.contains("Output 9x9"))
        #expect(result.output.contains("y[0,0] = "))
    }

    @Test("keys run through the key map, and q ends them")
    func keys() throws {
        let result = try render(["--keys", "rr:stride 2<Enter>jlq<Up>r"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains(" rate 4 "))
        #expect(result.output.contains("s2 pad same"))
        #expect(result.output.contains("y[1,1] = "))
    }

    @Test("keys that begin with a dash are keys, not options")
    func dashKeys() throws {
        let moved = try render(["--keys", "-j"])
        #expect(moved.status == 0, "\(moved.standardError)")
        let plain = try render(["--keys", "j"])
        #expect(moved.output.contains("y[1,0] = "))
        // The dash is the explorer's own key (the rate down), pressed before the move.
        #expect(moved.output != plain.output)
    }

    @Test(":padding refuses a negative pad with one sentence, as the flags and session files do")
    func negativePadding() throws {
        let result = try render(["--keys", ":padding -1,0,0,0<Enter>"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("Explicit padding must be between 0 and 64 cells per side, got -1."))
    }

    @Test("keys can load a file, and the input can come from standard input")
    func files() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let array = Tensor<Double>(shape: [5, 6]) { Double($0[0] + $0[1]) }
        try ArrayFile.write(array, to: directory.path("x.npy"), overwrite: false)
        let loaded = try render(["--keys", ":load \(directory.path("x.npy"))<Enter>"])
        #expect(loaded.output.contains("Input 5x6"), "\(loaded.output)")
        let piped = try render(["--input", "-"], standardInput: NumpyWriter.encode(array))
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(piped.output.contains("Input 5x6"))
    }

    @Test("the size is columns by rows, and a small one shows the too-small message")
    func size() throws {
        let wide = try render(["--size", "120x40"])
        #expect(wide.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count == 40)
        #expect(wide.output.contains("stride 1  pad same t2 b2 l2 r2  fill zeros"))
        let tiny = try render(["--size", "20x6"])
        #expect(tiny.output.contains("Terminal too small:"))
    }

    @Test("ansi carries colour codes unless NO_COLOR or --no-color, svg is a picture")
    func formats() throws {
        // The test runner may itself run with NO_COLOR set.
        let ansi = try ProcessRunner.run("/usr/bin/env", ["-u", "NO_COLOR", try AtrousBinary.path(), "render",
                                                          "--format", "ansi"])
        #expect(ansi.output.contains("\u{1B}[38;5;"))
        let plain = try render(["--format", "text"])
        #expect(!plain.output.contains("\u{1B}"))
        let noColor = try AtrousBinary.run(["render", "--format", "ansi", "--no-color"])
        #expect(noColor.output.contains("\u{1B}[") && !noColor.output.contains("\u{1B}[38;5;"))
        let environment = try ProcessRunner.run("/usr/bin/env", ["NO_COLOR=1", try AtrousBinary.path(), "render",
                                                                 "--format", "ansi"])
        #expect(environment.output == noColor.output)
        let svg = try render(["--format", "svg"])
        #expect(svg.output.hasPrefix("<?xml") && svg.output.contains("<svg"))
    }

    @Test("--output writes a file, never over an existing one without --force")
    func output() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("frame.txt")
        #expect(try render(["--output", path]).status == 0)
        let first = directory.bytes("frame.txt")
        #expect(first == Array(try render([]).standardOutput))
        let refused = try render(["--keys", "r", "--output", path])
        #expect(refused.status == 1)
        #expect(refused.standardError == "Error: The output \(path) already exists; pass --force to overwrite it.\n")
        #expect(directory.bytes("frame.txt") == first)
        #expect(try render(["--keys", "r", "--output", path, "--force"]).status == 0)
        #expect(String(decoding: directory.bytes("frame.txt") ?? [], as: UTF8.self).contains("rate 3"))
        #expect(try directory.contents() == ["frame.txt"])
    }

    @Test("bad keys, sizes and values are one sentence and exit 1", arguments: [
        ["--keys", "<Upp>"], ["--keys", "ab<Up"], ["--rate", "0"], ["--input", "nothing.npy"], ["--kernel", "blur"],
    ])
    func errors(arguments: [String]) throws {
        let result = try render(arguments)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(Sentence.isSingle(result.standardError), "\(result.standardError)")
    }

    @Test("a size that is not WIDTHxHEIGHT is refused by the parser", arguments: ["0x5", "80", "80x24x2", "2000x10"])
    func badSize(size: String) throws {
        let result = try render(["--size", size])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--size"))
    }
}
