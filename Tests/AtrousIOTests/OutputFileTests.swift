@testable import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite("Output files are written whole or not at all")
struct OutputFileTests {
    @Test("a new file is written with its bytes and nothing else beside it")
    func writesNewFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try OutputFile.write([1, 2, 3], to: directory.path("out.npy"), overwrite: false)
        #expect(directory.bytes("out.npy") == [1, 2, 3])
        #expect(try directory.contents() == ["out.npy"])
    }

    @Test("an existing file is refused without overwrite, before and during writing")
    func refusesExisting() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write([9], to: "out.npy")
        let path = directory.path("out.npy")
        #expect(throws: IOError.outputExists(path: path)) { try OutputFile.ensureWritable(path: path, overwrite: false) }
        // write() leaves existence to link(), as when the file appears after the check:
        // the temporary file is made, the link fails, and the temporary file goes.
        #expect(throws: IOError.outputExists(path: path)) { try OutputFile.write([1, 2], to: path, overwrite: false) }
        #expect(directory.bytes("out.npy") == [9])
        #expect(try directory.contents() == ["out.npy"])
        #expect(IOError.outputExists(path: "out.npy").description
            == "The output out.npy already exists; pass --force to overwrite it.")
    }

    @Test("overwrite replaces an existing file")
    func overwrites() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write([9, 9, 9, 9], to: "out.csv")
        try OutputFile.ensureWritable(path: directory.path("out.csv"), overwrite: true)
        try OutputFile.write([1], to: directory.path("out.csv"), overwrite: true)
        #expect(directory.bytes("out.csv") == [1])
        #expect(try directory.contents() == ["out.csv"])
    }

    @Test("a directory is never replaced, and the failed rename leaves no temporary file")
    func refusesDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path("sub.npy"), withIntermediateDirectories: false)
        try directory.write([0], to: "sub.npy/keep")
        let path = directory.path("sub.npy")
        #expect(throws: IOError.outputIsDirectory(path: path)) { try OutputFile.ensureWritable(path: path, overwrite: true) }
        for overwrite in [false, true] {
            #expect(throws: IOError.outputIsDirectory(path: path)) { try OutputFile.write([1], to: path, overwrite: overwrite) }
        }
        #expect(try directory.contents() == ["sub.npy"])
        #expect(directory.bytes("sub.npy/keep") == [0])
    }

    @Test("a missing directory is named")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("nowhere/out.npy")
        let expected = IOError.missingDirectory(path: path, directory: directory.path("nowhere"))
        #expect(throws: expected) { try OutputFile.ensureWritable(path: path, overwrite: false) }
        #expect(throws: expected) { try OutputFile.write([1], to: path, overwrite: true) }
        #expect(try directory.contents() == [])
    }

    @Test("the temporary file goes in the output's own directory", arguments: [
        ("out.npy", "."), ("/out.npy", "/"), ("a/b/out.npy", "a/b"), ("./out.npy", "."),
    ])
    func directoryOfPath(path: String, directory: String) {
        #expect(OutputFile.directory(of: path) == directory)
    }

    @Test("- is always writable and means standard output")
    func standardOutput() throws {
        try OutputFile.ensureWritable(path: "-", overwrite: false)
        #expect(try ArrayFormat(path: "-") == .npy)
    }
}

@Suite("Temporary files carry their writer's process id, and abandoned ones are removed")
struct TemporaryFileTests {
    @Test("a temporary name holds the writer's pid and reads back; other names are not temporaries")
    func names() {
        let name = TemporaryFileName.make(beside: "dir/out.npy")
        #expect(name.hasPrefix("dir/.out.npy.atrous-\(getpid())-") && name.hasSuffix(".tmp"))
        #expect(TemporaryFileName.writer(of: String(name.dropFirst(4))) == getpid())
        for other in [".out.npy.12.tmp", "out.atrous-12-ab.tmp", ".x.atrous-12-ab.tmpx", ".x.atrous-a-b.tmp",
                      ".x.atrous-12-AB.tmp", ".x.atrous-0-ab.tmp", ".x.atrous-12.tmp"] {
            #expect(TemporaryFileName.writer(of: other) == nil, "\(other)")
        }
    }

    @Test("a write removes the temporaries of writers that are gone, and keeps those of running ones")
    func removesAbandoned() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let gone = ".big.npy.atrous-\(ended.processIdentifier)-k3x.tmp"
        let running = ".big.npy.atrous-\(getppid())-k3x.tmp"
        let mine = ".big.npy.atrous-\(getpid())-k3x.tmp"
        let foreign = ".big.npy.12345.tmp"
        for name in [gone, running, mine, foreign] { try directory.write([1, 2, 3], to: name) }
        try OutputFile.write([7], to: directory.path("other.csv"), overwrite: false)
        #expect(try directory.contents() == [running, mine, foreign, "other.csv"].sorted())
    }

    @Test("files written together appear all or not at all")
    func together() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write([9], to: "b.json")
        // The second name is taken: the first, already named, is removed again.
        #expect(throws: IOError.outputExists(path: directory.path("b.json"))) {
            try OutputFile.write([(directory.path("a.npy"), [1]), (directory.path("b.json"), [2])], overwrite: false)
        }
        #expect(try directory.contents() == ["b.json"])
        #expect(directory.bytes("b.json") == [9])
        // The second cannot even be written: nothing is named.
        #expect(throws: IOError.missingDirectory(path: directory.path("no/b.json"), directory: directory.path("no"))) {
            try OutputFile.write([(directory.path("a.npy"), [1]), (directory.path("no/b.json"), [2])], overwrite: false)
        }
        #expect(try directory.contents() == ["b.json"])
        try OutputFile.write([(directory.path("a.npy"), [1]), (directory.path("c.json"), [2])], overwrite: false)
        #expect(try directory.contents() == ["a.npy", "b.json", "c.json"])
    }
}
