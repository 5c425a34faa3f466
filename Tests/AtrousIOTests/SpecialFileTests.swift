@testable import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("Only regular files and standard input are read, each within a budget")
struct SpecialFileTests {
    @Test("a name linked to an endless device is refused at once, whatever the format",
          arguments: ["zero.npy", "zero.csv", "zero.pgm", "zero.png"])
    func endlessDevice(name: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createSymbolicLink(atPath: directory.path(name), withDestinationPath: "/dev/zero")
        let clock = ContinuousClock()
        let started = clock.now
        #expect(throws: IOError.cannotRead(path: directory.path(name),
                                           reason: "it is a character device, not a regular file")) {
            try ArrayFile.read(path: directory.path(name))
        }
        #expect(started.duration(to: clock.now) < .seconds(1))
    }

    @Test("a named pipe without a writer is refused without waiting for one")
    func namedPipe() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("pipe.npy")
        #expect(mkfifo(path, 0o600) == 0)
        // Were the pipe opened, this writer would release it after two seconds.
        let writer = Thread {
            sleep(2)
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        writer.start()
        let clock = ContinuousClock()
        let started = clock.now
        #expect(throws: IOError.cannotRead(path: path, reason: "it is a named pipe, not a regular file")) {
            try ArrayFile.read(path: path)
        }
        #expect(started.duration(to: clock.now) < .seconds(1))
    }

    @Test("a .npy header declaring more data than atrous reads is refused before reading it")
    func arrayTooLarge() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(CraftedNumpy.bytes(header: CraftedNumpy.header("<f8", shape: "(20000, 20000)")), to: "big.npy")
        #expect(throws: IOError.arrayTooLarge(path: directory.path("big.npy"), shape: [20000, 20000], dtype: "float64",
                                              bytes: 3_200_000_000, limit: NumpyReader.maxDataBytes)) {
            try ArrayFile.read(path: directory.path("big.npy"))
        }
        #expect(IOError.arrayTooLarge(path: "big.npy", shape: [20000, 20000], dtype: "float64", bytes: 3_200_000_000,
                                      limit: NumpyReader.maxDataBytes).description
            == "The file big.npy declares shape (20000, 20000) of float64, 3200000000 bytes of data, "
            + "more than the 2 GiB atrous reads.")
    }

    @Test("a .npy header claiming gigabytes of header text is refused before reading it")
    func hugeHeader() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 2, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x7B], to: "h.npy")
        #expect(throws: IOError.malformedHeader(path: directory.path("h.npy"),
                                                detail: "it declares 4294967295 bytes, more than the 1 MiB atrous reads")) {
            try ArrayFile.read(path: directory.path("h.npy"))
        }
    }

    @Test("a CSV above the text budget is refused from its size, before reading")
    func csvTooLarge() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("huge.csv")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("1\n".utf8)))
        #expect(truncate(path, off_t(InputFile.sizeLimit + 1)) == 0) // sparse: no disk space used
        #expect(throws: IOError.cannotRead(path: path, reason: "it holds more than 256 MiB, the most atrous reads from it")) {
            try ArrayFile.read(path: path)
        }
    }
}
