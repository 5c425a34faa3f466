// The panels draw into the screen's cell buffer with its styles, and whoever renders a frame
// holds, compares and writes out that buffer: the renderer's interface carries the primitives.
@_exported import AtrousScreen
