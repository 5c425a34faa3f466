import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousRender
import AtrousTestSupport
import Foundation
import Testing

/// Every parser fed seeded mutations of valid files: no crash, no hang, and either a value
/// or one clear sentence.
@Suite("Fuzzing the parsers with mutated files")
struct ParserFuzzTests {
    @Test(".npy bytes in memory, and as a file read header first then opened in the explorer")
    func numpy() throws {
        let seeds = FuzzSeeds.numpy
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("case.npy")
        FuzzCampaign.run(".npy") { mutator, number in
            let bytes = mutator.mutate(mutator.element(seeds), tokens: FuzzSeeds.numpyTokens)
            do {
                _ = try NumpyReader.decode(bytes, path: "case.npy")
            } catch {
                FuzzCampaign.checkMessage("\(error)", ".npy", number)
            }
            // The second role: read from a file as an input, shown by the explorer.
            do {
                try directory.write(bytes, to: "case.npy")
                var state = ExplorerState()
                _ = update(&state, .inputLoaded(try ArrayFile.read(path: path), path: path))
                _ = render(state, size: Size(width: 100, height: 30), colors: true)
                if let message = state.message { FuzzCampaign.checkMessage(message.text, ".npy input", number, sentence: false) }
            } catch {
                FuzzCampaign.checkMessage("\(error)", ".npy file", number)
            }
        }
    }

    @Test("CSV tables")
    func csv() {
        FuzzCampaign.run("CSV") { mutator, number in
            let bytes = mutator.mutate(mutator.element(FuzzSeeds.csv))
            do {
                _ = try CSVTable.decode(bytes, path: "case.csv")
            } catch {
                FuzzCampaign.checkMessage("\(error)", "CSV", number)
            }
        }
    }

    @Test("PGM images, binary and ASCII")
    func pgm() {
        FuzzCampaign.run("PGM") { mutator, number in
            let bytes = mutator.mutate(mutator.element(FuzzSeeds.pgm), tokens: ["P2", "P5", "P6"])
            do {
                _ = try PGMReader.decode(bytes, path: "case.pgm")
            } catch {
                FuzzCampaign.checkMessage("\(error)", "PGM", number)
            }
        }
    }

    @Test("PNG images, with chunk checksums mended after most mutations so libpng reads on")
    func png() {
        FuzzCampaign.run("PNG") { mutator, number in
            var bytes = mutator.mutate(mutator.element(FuzzSeeds.png), tokens: ["IHDR", "IDAT", "IEND", "tRNS", "PLTE"])
            if mutator.chance(30) { bytes = FuzzSeeds.withDimensions(bytes, &mutator) }
            if mutator.chance(70) { bytes = FuzzSeeds.withMendedChecksums(bytes) }
            do {
                _ = try PNGReader.decode(bytes, path: "case.png")
            } catch {
                FuzzCampaign.checkMessage("\(error)", "PNG", number)
            }
        }
    }

    @Test("session files, opened into the explorer's state and drawn")
    func sessions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("case.atrous.json")
        FuzzCampaign.run("session") { mutator, number in
            let bytes = mutator.mutate(mutator.element(FuzzSeeds.sessions), tokens: FuzzSeeds.sessionTokens)
            do {
                try directory.write(bytes, to: "case.atrous.json")
                let state = try ExplorerSession.load(path: path)
                _ = render(state, size: Size(width: 100, height: 30), colors: true)
            } catch {
                FuzzCampaign.checkMessage("\(error)", "session", number)
            }
        }
    }
}
