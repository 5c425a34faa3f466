import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite("atrous rf, through the binary")
struct ReceptiveFieldCommandTests {
    static let cases = (try? ReceptiveFieldCase.all()) ?? []

    @Test("each reference case's path counts are written exactly", arguments: cases)
    func counts(_ testCase: ReceptiveFieldCase) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.path("counts.npy")
        let result = try AtrousBinary.run(testCase.rfArguments(counts: output))
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let actual = try ArrayFile.read(path: output)
        #expect(actual.dtypeName == "float64")
        let expected = try ArrayFile.read(path: testCase.countsPath)
        #expect(actual == expected)
    }

    @Test("WaveNet's stack of rates 1 to 512 with kernel 2 sees 1024 inputs")
    func wavenet() throws {
        let result = try AtrousBinary.run(["rf", "--preset", "wavenet", "--json"])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        #expect(json["receptive_field"] as? [Int] == [1, 1024])
        let text = try AtrousBinary.run(["rf", "--preset", "wavenet"]).output
        #expect(text.contains("1024"))
    }

    @Test("the gridding preset reports holes and the HDC preset none")
    func griddingVersusHDC() throws {
        let gridding = try AtrousBinary.run(["rf", "--preset", "gridding"]).output
        #expect(gridding.contains("120 holes"))
        #expect(gridding.contains("grids"))
        let hdc = try AtrousBinary.run(["rf", "--preset", "hdc"]).output
        #expect(hdc.contains(" 0 holes") || hdc.contains("no holes"))
    }

    @Test("an existing --counts file is kept unless --force")
    func noSilentOverwrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array("keep".utf8), to: "counts.npy")
        let arguments = ["rf", "--input-size", "9x9", "--layer", "k=3,r=2", "--counts", directory.path("counts.npy")]
        let refused = try AtrousBinary.run(arguments)
        #expect(refused.status != 0)
        #expect(Sentence.isSingle(refused.standardError), "stderr: \(refused.standardError)")
        #expect(directory.bytes("counts.npy") == Array("keep".utf8))
        let forced = try AtrousBinary.run(arguments + ["--force"])
        #expect(forced.status == 0)
        #expect(try ArrayFile.read(path: directory.path("counts.npy")).shape == [9, 9])
    }

    @Test("impossible stacks and malformed flags end with one sentence", arguments: [
        ["rf", "--input-size", "5x5", "--layer", "k=3,r=3,p=valid"],
        ["rf", "--input-size", "9x9", "--layer", "k=3,r=0"],
        ["rf", "--input-size", "9x9", "--layer", "k=three"],
        ["rf", "--input-size", "9x9", "--layer", "k=3", "--at", "9,0"],
        ["rf", "--preset", "nope"],
        ["rf", "--layer", "k=3"],
    ])
    func errors(_ arguments: [String]) throws {
        let result = try AtrousBinary.run(arguments)
        #expect(result.status != 0)
        #expect(Sentence.isSingle(result.standardError), "stderr: \(result.standardError)")
    }
}
