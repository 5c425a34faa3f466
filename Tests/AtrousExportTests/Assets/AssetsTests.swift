import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

/// The sample files under `Assets/` are what ``AssetCatalog`` generates, and each one works
/// where the README says it does. `ATROUS_WRITE_ASSETS=1 swift test --filter AssetsTests`
/// writes them afresh.
@Suite("The sample assets", .serialized)
struct AssetsTests {
    static let root = Fixtures.packageRoot.appendingPathComponent("Assets")
    static var writes: Bool { ProcessInfo.processInfo.environment["ATROUS_WRITE_ASSETS"] == "1" }

    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }
    /// The worked example of `atrous diagnose`, which TensorFlow computes (its script lies beside it).
    static let frameworkMade = "diagnose/"

    @Test("every committed asset is what the generator makes")
    func unchanged() throws {
        for asset in try AssetCatalog.all() {
            let path = Self.path(asset.path)
            if Self.writes {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data(asset.bytes).write(to: URL(fileURLWithPath: path))
                continue
            }
            let committed = try #require(FileManager.default.contents(atPath: path), "\(asset.path) is missing")
            switch asset.comparison {
            case .bytes:
                #expect([UInt8](committed) == asset.bytes, "\(asset.path) differs from what the generator makes")
            case .pixels:
                #expect(try PNGReader.decode([UInt8](committed), path: path) == PNGReader.decode(asset.bytes, path: path),
                        "\(asset.path) differs from what the generator makes")
            }
        }
    }

    @Test func everyFileIsCatalogedAndDescribed() throws {
        let names = try AssetCatalog.all().map(\.path)
        let listed = try FileManager.default.subpathsOfDirectory(atPath: Self.root.path).filter { name in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: Self.path(name), isDirectory: &isDirectory)
            return !isDirectory.boolValue && name != "README.md" && !name.hasPrefix(Self.frameworkMade)
        }
        #expect(Set(listed) == Set(names), "Assets/ holds exactly the generated files")
        let readme = try String(contentsOfFile: Self.path("README.md"), encoding: .utf8)
        for name in names { #expect(readme.contains(name), "the README describes \(name)") }
    }

    @Test func theImagesReadAsTheirArrays() throws {
        let aerial = try ArrayFile.read(path: Self.path("inputs/aerial-48x48.png")).converted(to: Double.self)
        let stored = try ArrayFile.read(path: Self.path("inputs/aerial-48x48.npy")).converted(to: Double.self)
        #expect(aerial.shape == [48, 48, 1] && aerial.scalars == stored.scalars)
        let glyph = try ArrayFile.read(path: Self.path("inputs/glyph-A-16x16.pgm")).converted(to: Double.self)
        let glyphArray = try ArrayFile.read(path: Self.path("inputs/glyph-A-16x16.npy")).converted(to: Double.self)
        #expect(glyph.shape == [16, 16, 1] && glyph.scalars == glyphArray.scalars)
        #expect(glyph.scalars.reduce(0, +) > 40, "the letter is drawn")
        let signal = try ArrayFile.read(path: Self.path("inputs/signal-1x64.csv")).converted(to: Double.self)
        #expect(signal == (try ArrayFile.read(path: Self.path("inputs/signal-1x64.npy")).converted(to: Double.self)))
    }

    @Test("each session reopens the state it was made from", arguments: AssetCatalog.sessionStates().map(\.0))
    func sessionsReopen(name: String) throws {
        let (_, state) = try #require(AssetCatalog.sessionStates().first { $0.0 == name })
        let path = Self.path("sessions/\(name).atrous.json")
        let reopened = try ExplorerSession.load(path: path)
        #expect(reopened.parameters == state.parameters && reopened.position == state.position)
        #expect(reopened.output == state.output && reopened.configurationError == nil)
        #expect(try SessionFile.read(path: path).stack == (state.layers.count > 1 ? state.layers : nil))
    }

    @Test func theKernelsAreTheirPresetsWhereOneExists() throws {
        let sobel = try ArrayFile.read(path: Self.path("kernels/sobel-x-3x3.npy")).converted(to: Double.self)
        #expect(sobel.scalars == KernelPreset.sobelX.tensor(size: Pair(square: 3), channels: 1).scalars)
        let gaussian = try ArrayFile.read(path: Self.path("kernels/gaussian-5x5.npy")).converted(to: Double.self)
        #expect(gaussian.scalars == KernelPreset.gaussian.tensor(size: Pair(square: 5), channels: 1).scalars)
        let edges = try ArrayFile.read(path: Self.path("kernels/edges-3x3x1x2.npy"))
        #expect(edges.shape == [3, 3, 1, 2])
    }

    @Test func aSessionOpensFromTheCommandLineOfTheExplorer() throws {
        var driver = ExplorerDriver(state: ExplorerState())
        let path = Self.path("sessions/gridding-2-2-2.atrous.json")
        driver.send(.openSession(path: path))
        #expect(driver.state.message == .info("Opened \(path)."))
        #expect(driver.state.inputSource == .pattern(.checkerboard, size: Pair(square: 17)))
    }
}
