import Foundation
import LayoutModel

/// A dataset folder written as a whole: files go into a hidden temporary folder
/// beside the target, moved into place only when every file is written (`synth`,
/// and anything else that writes a whole dataset).
///
/// A new target is the temporary folder renamed (atomic as a whole); into an
/// existing folder each file is renamed in (atomic per file), and the dataset
/// files not written this time are removed, so no stale policy.json survives.
/// Other files in the target are never touched. A non-empty target is refused
/// unless `replace` is set: nothing is overwritten silently.
public struct StagedDatasetFolder: Sendable {
    /// Why the folder cannot be written; `isCommandLine` when the target path itself is the problem.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notAFolder(String)
        case notEmpty(folder: String, entries: [String])
        case io(String)

        public var isCommandLine: Bool {
            switch self {
            case .notAFolder, .notEmpty: true
            case .io: false
            }
        }

        public var description: String {
            switch self {
            case .notAFolder(let out): return "--out \(out) is not a folder: a dataset is a folder"
            case .notEmpty(let out, let entries):
                let shown = entries.prefix(10).joined(separator: ", ") + (entries.count > 10 ? ", … (\(entries.count) entries)" : "")
                return "--out \(out) is not empty (it holds \(shown)); nothing is overwritten silently. "
                    + "Choose a new or empty folder, or pass --force to replace the dataset files in it "
                    + "(\(StagedDatasetFolder.ownedFiles.joined(separator: ", ")); other files are kept)"
            case .io(let message): return message
            }
        }
    }

    /// Every file of a dataset folder.
    public static let ownedFiles = [DatasetFile.districts, DatasetFile.parks, DatasetFile.parcels, DatasetFile.enterprises, DatasetFile.policy]

    /// The target as given.
    public let folder: String
    /// The temporary sibling folder to write into.
    public let staging: String
    let folderExists: Bool

    /// Checks the target and creates the staging folder.
    /// - Throws: `Failure` (`notAFolder`, `notEmpty` unless `replace`, or `io`).
    public static func begin(_ out: String, replace force: Bool) throws -> StagedDatasetFolder {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: out, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else {
                throw Failure.notAFolder(out)
            }
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: out).sorted()
            } catch {
                throw Failure.io("cannot read the folder \(out): \(error.localizedDescription)")
            }
            if !entries.isEmpty && !force { throw Failure.notEmpty(folder: out, entries: entries) }
        }
        let url = URL(fileURLWithPath: out).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot create the folder \(parent): \(error.localizedDescription)")
        }
        var template = Array("\(parent == "/" ? "" : parent)/.\(url.lastPathComponent).synth-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw Failure.io("cannot create a temporary folder in \(parent): \(String(cString: strerror(errno)))")
        }
        let staging = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkdtemp makes the folder 0700; a renamed-in folder gets the usual permissions.
        let mask = umask(0)
        umask(mask)
        chmod(staging, 0o777 & ~mask)
        return StagedDatasetFolder(folder: out, staging: staging, folderExists: exists)
    }

    /// Moves the finished dataset into the target.
    public func commit() throws {
        let fm = FileManager.default
        if !folderExists {
            guard rename(staging, folder) == 0 else {
                throw Failure.io("cannot move the dataset into \(folder): \(String(cString: strerror(errno)))")
            }
            return
        }
        let written: [String]
        do {
            written = try fm.contentsOfDirectory(atPath: staging)
        } catch {
            throw Failure.io("cannot read \(staging): \(error.localizedDescription)")
        }
        for file in written {
            guard rename(staging + "/" + file, folder + "/" + file) == 0 else {
                throw Failure.io("cannot move \(file) into \(folder): \(String(cString: strerror(errno)))")
            }
        }
        for file in Self.ownedFiles where !written.contains(file) {
            guard unlink(folder + "/" + file) == 0 || errno == ENOENT else {
                throw Failure.io("cannot remove the old \(folder)/\(file): \(String(cString: strerror(errno)))")
            }
        }
        rmdir(staging)
    }

    /// Removes the staging folder and whatever was written into it.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
