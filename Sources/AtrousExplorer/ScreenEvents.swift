// The key map and the command line take the screen's key and mouse events, so whoever
// drives the explorer names them through it.
@_exported import AtrousScreen
