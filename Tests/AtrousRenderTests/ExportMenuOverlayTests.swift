import AtrousExplorer
import Testing
@testable import AtrousRender

@Suite("The export menu overlay")
struct ExportMenuOverlayTests {
    @Test func everyChoiceShowsItsKeyAndFileOnAnEightyByTwentyFourScreen() {
        let buffer = CellBuffer.rendering(ExportMenuOverlay(palette: .monochrome), size: Size(width: 80, height: 24))
        expectPicture(buffer, """

                          ┌─ Export to the current directory ────────────────┐
                          │ Arrays                                           │
                          │   o  output (all channels)  atrous-output.npy    │
                          │   i  input                  atrous-input.npy     │
                          │   k  kernel                 atrous-kernel.npy    │
                          │   c  path counts            atrous-counts.npy    │
                          │                                                  │
                          │ Session                                          │
                          │   s  session                session.atrous.json  │
                          │                                                  │
                          │ Screen                                           │
                          │   t  screen as text         atrous-screen.txt    │
                          │   a  screen as ANSI         atrous-screen.ans    │
                          │   g  screen as SVG          atrous-screen.svg    │
                          │                                                  │
                          │ Code that reproduces the layer or the stack      │
                          │   p  PyTorch snippet        atrous_pytorch.py    │
                          │   f  TensorFlow snippet     atrous_tensorflow.py │
                          │   j  JAX snippet            atrous_jax.py        │
                          │   n  NumPy snippet          atrous_numpy.py      │
                          └──────────────────────────────────────────────────┘


            """)
    }

    @Test func theKeysAreStyledAsKeys() {
        let buffer = CellBuffer.rendering(ExportMenuOverlay(palette: .color), size: Size(width: 80, height: 24))
        let row = buffer.lines.firstIndex { $0.contains("atrous-output.npy") } ?? 0
        let column = Array(buffer.lines[row]).firstIndex(of: "o") ?? 0
        #expect(buffer[column, row]?.style == Palette.color.key)
    }

    @Test func onTheSmallestScreenItScrollsRatherThanSpills() {
        let buffer = CellBuffer.rendering(ExportMenuOverlay(palette: .monochrome), size: Size(width: 60, height: 16))
        #expect(buffer.text.contains("↓ more"))
        #expect(buffer.text.contains("atrous-output.npy"))
    }
}
