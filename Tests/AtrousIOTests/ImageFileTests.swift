import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite struct ImageFileTests {
    @Test func pngAndPGMFilesReadAsArraysByExtension() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let image = Tensor<Double>(shape: [2, 3, 3], scalars: (0..<18).map { Double($0) / 17 })
        let rounded = Tensor<Double>(shape: image.shape, scalars: image.scalars.map { ($0 * 255).rounded() / 255 })
        try directory.write(try PNGWriter.encode(image), to: "picture.PNG")
        #expect(try ArrayFile.read(path: directory.path("picture.PNG")) == .double(rounded))

        try directory.write(Array("P2 2 1 4\n1 4\n".utf8), to: "map.pgm")
        #expect(try ArrayFile.read(path: directory.path("map.pgm")) == .double(Tensor(shape: [1, 2, 1], scalars: [0.25, 1])))
        #expect(try ImageFile.read(path: directory.path("map.pgm"), scale: .raw).scalars == [1, 4])
    }

    @Test func aBrokenImageIsAnIOErrorNamingTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("broken.pgm")
        try directory.write(Array("P5 2 2 255\n".utf8) + [1], to: "broken.pgm")
        #expect(throws: IOError.image(.truncatedPGMData(path: path, needed: 4, found: 1))) {
            try ArrayFile.read(path: path)
        }
        let missing = directory.path("missing.png")
        #expect(throws: IOError.self) { try ArrayFile.read(path: missing) }
    }

    @Test func theFileSizeIsCheckedBeforeReading() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("huge.png")
        // A sparse file: large on paper, nothing on disk.
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(ImageLimits.maxFileBytes + 1))
        try handle.close()
        #expect(throws: IOError.image(.fileTooLarge(path: path, bytes: ImageLimits.maxFileBytes + 1,
                                                    limit: ImageLimits.maxFileBytes))) {
            try ArrayFile.read(path: path)
        }
    }
}
