/// A report that could not be rendered or written, naming the file.
public enum ReportingError: Error, Sendable, CustomStringConvertible {
    case cannotCreateFolder(path: String, message: String)
    case cannotWrite(path: String, message: String)
    case map(name: String, message: String)

    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let message): "cannot create \(path): \(message)"
        case .cannotWrite(let path, let message): "cannot write \(path): \(message)"
        case .map(let name, let message): "map \(name): \(message)"
        }
    }
}
