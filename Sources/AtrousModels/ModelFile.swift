import AtrousCore
import AtrousIO
import Foundation
import ZIPFoundation

/// Reads a model file into AtrousCore's graph, by its extension: `.onnx`, a Keras 3 `.keras`
/// archive, or a Keras model `.json`.
public enum ModelFile {
    /// The formats, as help and errors name them.
    public static let formats = ".onnx, .keras or a Keras model .json"

    /// The most bytes of Keras architecture JSON read, from a file or out of an archive, so a
    /// file cannot fill the memory; an ONNX file is mapped, and its weights are never read.
    public static let architectureLimit = 256 << 20

    /// - Throws: ``IOError`` for a file that cannot be read, ``ModelImportError`` for one that is
    ///   not a valid model,
    ///   ``ModelGraphError`` for a transposed convolution or a graph whose inputs do not chain.
    public static func read(path: String) throws -> ModelGraph {
        let url = URL(fileURLWithPath: path)
        let kind = url.pathExtension.lowercased()
        guard ["onnx", "keras", "json"].contains(kind) else { throw ModelImportError.unknownFormat(path: path) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IOError.missingFile(path: path)
        }
        guard !isDirectory.boolValue else { throw IOError.cannotRead(path: path, reason: "it is a directory") }
        let data: Data
        do {
            // Mapped, so that the weights an ONNX file holds are never read from the disk.
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw IOError.cannotRead(path: path, reason: "it cannot be opened")
        }
        switch kind {
        case "onnx": return try ONNXReader.read(data, path: path)
        case "keras": return try KerasReader(path: path).read(json: try kerasConfig(url, path: path))
        default:
            guard data.count <= architectureLimit else { throw tooLarge(path) }
            return try KerasReader(path: path).read(json: data)
        }
    }

    /// The `config.json` member of a `.keras` archive.
    /// Read through the file rather than from memory: ZIPFoundation's in-memory archive traps on
    /// some damaged archives (a read past the end of its data), its file archive does not.
    private static func kerasConfig(_ url: URL, path: String) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ModelImportError.corrupt(path: path, format: "Keras", reason: "it is not a zip archive")
        }
        guard let entry = archive["config.json"] else {
            throw ModelImportError.corrupt(path: path, format: "Keras", reason: "the archive holds no config.json")
        }
        guard entry.uncompressedSize <= UInt64(architectureLimit) else { throw tooLarge(path) }
        var config = Data()
        do {
            // The size an archive declares is not trusted: the bytes are counted as they come.
            _ = try archive.extract(entry) { chunk in
                guard config.count + chunk.count <= architectureLimit else { throw ModelFile.tooLarge(path) }
                config.append(chunk)
            }
        } catch let error as ModelImportError {
            throw error
        } catch {
            throw ModelImportError.corrupt(path: path, format: "Keras", reason: "its config.json cannot be extracted")
        }
        return config
    }

    fileprivate static func tooLarge(_ path: String) -> ModelImportError {
        .corrupt(path: path, format: "Keras", reason: "its architecture is larger than \(architectureLimit >> 20) MiB")
    }
}
