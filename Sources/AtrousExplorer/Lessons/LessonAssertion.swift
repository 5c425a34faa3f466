import AtrousCore

/// A fact a lesson states about the explorer, written `:assert WHAT …` in an ```` ```atrous ````
/// block and checked against the explorer's own state at that point of the step's script.
///
/// Sizes are written `9x9` (or `9` for both axes), cells `ROW,COLUMN` counted from 0, as
/// `:goto` takes them. Everything is read from the selected layer, except ``field``, ``holes``
/// and ``region``, which describe the whole stack at the chosen output cell (the current cell).
public enum LessonAssertion: Sendable, Equatable {
    /// `output 9x9`: the selected layer's output size.
    case output(Pair)
    /// `input 9x9`: the size of the stack's input.
    case input(Pair)
    /// `footprint 5x5`: the effective kernel `r·(k−1)+1` per axis.
    case footprint(Pair)
    /// `weights 9`: how many weights the selected layer's kernel holds (kh·kw·Cin·Cout).
    case weights(Int)
    /// `pads 1,2,1,2`: the selected layer's padding per side, top, bottom, left, right.
    case pads(top: Int, bottom: Int, left: Int, right: Int)
    /// `value 2,2 = 1` (equal, to 1e-9 of its size) or `value 2,2 ~ 0.33` (equal when rounded to
    /// the decimals written): an output cell of the selected layer in the channel shown.
    case value(row: Int, column: Int, expected: Double, decimals: Int?)
    /// `reads 0,1 0,3 0,5`: the input cells the current cell's taps read, padding left out
    /// (`reads none` when every tap reads padding).
    case reads(Set<GridPosition>)
    /// `notes keras-stride-dilation tf-atrous-no-stride`, or `notes none`: exactly the framework
    /// notes that apply (`:notes` lists them with their names).
    case notes(Set<String>)
    /// `field 7x7`: the receptive field of the whole stack, per axis.
    case field(Pair)
    /// `holes 0`: the cells of the current cell's field that no path reaches (gridding).
    case holes(Int)
    /// `region 0..0,8..15`: the input rows and columns the current cell's field covers.
    case region(rows: ClosedRange<Int>, columns: ClosedRange<Int>)

    /// The words ``parse(_:)`` knows, as error messages list them.
    static let names = ["output", "input", "footprint", "weights", "pads", "value", "reads", "notes", "field",
                        "holes", "region"]
}

// MARK: - Reading

extension LessonAssertion {
    /// Reads the text after `:assert`.
    ///
    /// - Throws: one sentence saying what could not be read and how to write it.
    static func parse(_ text: String) throws(LessonSyntaxError) -> LessonAssertion {
        let words = text.split(separator: " ").map(String.init)
        guard let name = words.first?.lowercased() else {
            throw LessonSyntaxError("An :assert line needs a fact, one of \(listed(names)).")
        }
        let rest = Array(words.dropFirst())
        let argument = rest.joined(separator: " ")
        func fail(_ usage: String) -> LessonSyntaxError {
            LessonSyntaxError("Cannot read ':assert \(text)'; write :assert \(usage).")
        }
        func size(_ usage: String) throws(LessonSyntaxError) -> Pair {
            guard rest.count == 1, let pair = Pair(parsing: rest[0]), pair.height >= 0, pair.width >= 0 else {
                throw fail(usage)
            }
            return pair
        }
        func count(_ usage: String) throws(LessonSyntaxError) -> Int {
            guard rest.count == 1, let value = Int(rest[0]), value >= 0 else { throw fail(usage) }
            return value
        }
        switch name {
        case "output": return .output(try size("output HxW"))
        case "input": return .input(try size("input HxW"))
        case "footprint": return .footprint(try size("footprint HxW"))
        case "field": return .field(try size("field HxW"))
        case "weights": return .weights(try count("weights N"))
        case "holes": return .holes(try count("holes N"))
        case "pads":
            let numbers = argument.split(separator: ",").map { Int($0.strippingSpaces()) }
            guard numbers.count == 4, let t = numbers[0], let b = numbers[1], let l = numbers[2], let r = numbers[3]
            else { throw fail("pads TOP,BOTTOM,LEFT,RIGHT") }
            return .pads(top: t, bottom: b, left: l, right: r)
        case "value":
            let usage = "value ROW,COL = V (or ~ V to compare at the decimals written)"
            guard rest.count == 3, let cell = Self.cell(rest[0]), rest[1] == "=" || rest[1] == "~",
                  let expected = Self.number(rest[2]) else { throw fail(usage) }
            let decimals = rest[1] == "~" ? rest[2].split(separator: ".").dropFirst().first.map(\.count) ?? 0 : nil
            return .value(row: cell.row, column: cell.column, expected: expected, decimals: decimals)
        case "reads":
            if rest.map({ $0.lowercased() }) == ["none"] { return .reads([]) }
            var cells = Set<GridPosition>()
            for word in rest {
                guard let cell = Self.cell(word) else { throw fail("reads ROW,COL ROW,COL … (or reads none)") }
                cells.insert(cell)
            }
            guard !cells.isEmpty else { throw fail("reads ROW,COL ROW,COL … (or reads none)") }
            return .reads(cells)
        case "notes":
            let ids = argument.split { $0 == " " || $0 == "," }.map { $0.lowercased() }
            if ids == ["none"] { return .notes([]) }
            guard !ids.isEmpty else { throw fail("notes NAME … (or notes none)") }
            return .notes(Set(ids))
        case "region":
            let usage = "region TOP..BOTTOM,LEFT..RIGHT"
            let axes = argument.split(separator: ",").map { Self.range(String($0)) }
            guard axes.count == 2, let rows = axes[0], let columns = axes[1] else { throw fail(usage) }
            return .region(rows: rows, columns: columns)
        default:
            throw LessonSyntaxError("Unknown fact '\(words[0])' for :assert; use \(listed(names)).")
        }
    }

    /// `2,3` as a cell.
    private static func cell(_ text: String) -> GridPosition? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let row = parts[0], let column = parts[1] else { return nil }
        return GridPosition(row: row, column: column)
    }

    /// A decimal number or a fraction such as `1/9`, as `:weight` takes it.
    private static func number(_ text: String) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return Double(parts[0])
        case 2: if let n = Double(parts[0]), let d = Double(parts[1]), d != 0 { return n / d }
        default: break
        }
        return nil
    }

    /// `3..10`, or `3` alone for `3..3`; negative bounds lie in the padding.
    private static func range(_ text: String) -> ClosedRange<Int>? {
        let trimmed = text.strippingSpaces()
        if let single = Int(trimmed) { return single...single }
        guard let dots = trimmed.firstRange(of: ".."), let low = Int(trimmed[..<dots.lowerBound]),
              let high = Int(trimmed[dots.upperBound...]), low <= high else { return nil }
        return low...high
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    func strippingSpaces() -> String {
        String(String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()))
    }
}

/// What a lesson's text gets wrong, as one sentence (without its line: ``LessonError`` adds it).
struct LessonSyntaxError: Error {
    let sentence: String
    /// The line the problem starts on when it is not the line being read (a paragraph's first).
    var line: Int?
    init(_ sentence: String, line: Int? = nil) {
        self.sentence = sentence
        self.line = line
    }
}
