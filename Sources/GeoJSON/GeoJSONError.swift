/// Where in an input text a problem was found.
///
/// `line` and `column` are 1-based; the column counts Unicode scalars (not
/// bytes) from the start of the line, so it matches what an editor shows for
/// Chinese text. `byteOffset` is 0-based from the start of the input (a UTF-8
/// BOM included). `featureIndex` is the 0-based index of the feature (or of the
/// record in a newline-delimited / RFC 8142 sequence) being read, when known.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int
    public var column: Int
    public var byteOffset: Int
    public var featureIndex: Int?

    public init(file: String? = nil, line: Int, column: Int, byteOffset: Int, featureIndex: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.featureIndex = featureIndex
    }

    /// `file.geojson:12:7: feature 3` (`<input>` when there is no file name).
    public var description: String {
        var text = "\(file ?? "<input>"):\(line):\(column)"
        if let featureIndex { text += ": feature \(featureIndex)" }
        return text
    }

    /// Computes line and column of `offset` by scanning the input once; only
    /// called on the error path, so the hot path never tracks lines.
    static func locate(offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String?, featureIndex: Int?) -> SourceLocation {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var i = 0
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                // Count lead bytes only, so a multi-byte scalar is one column.
                column += 1
            }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column, byteOffset: end, featureIndex: featureIndex)
    }
}

/// Every failure of the GeoJSON module.
///
/// The description reads like a compiler diagnostic:
/// `parcels.geojson:12:7: feature 3: expected ',' or ']' in coordinates array`.
public enum GeoJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not valid JSON (RFC 8259): bad token, bad number, bad
    /// string, nesting too deep, unexpected end of input, trailing garbage.
    case malformedJSON(SourceLocation, message: String)
    /// The text is valid JSON but not valid GeoJSON (RFC 7946): wrong member
    /// types, unclosed or short rings, positions with too few numbers, …
    case invalidGeoJSON(SourceLocation, message: String)
    /// A value cannot be written as JSON (a NaN or infinite number).
    case unwritableValue(message: String)
    /// Reading or writing a file failed; `message` is the system's (`strerror`).
    case io(path: String, message: String)

    /// The location, for the two parse cases.
    public var location: SourceLocation? {
        switch self {
        case .malformedJSON(let l, _), .invalidGeoJSON(let l, _): l
        case .unwritableValue, .io: nil
        }
    }

    /// The bare message without the location prefix.
    public var message: String {
        switch self {
        case .malformedJSON(_, let m), .invalidGeoJSON(_, let m), .unwritableValue(let m), .io(_, let m): m
        }
    }

    /// The same error with its feature index moved by `offset` (a chunk
    /// parsed from index 0 handing its errors over at its place in the file).
    func shiftingFeatureIndex(by offset: Int) -> GeoJSONError {
        switch self {
        case .malformedJSON(var l, let m):
            l.featureIndex = l.featureIndex.map { $0 + offset }
            return .malformedJSON(l, message: m)
        case .invalidGeoJSON(var l, let m):
            l.featureIndex = l.featureIndex.map { $0 + offset }
            return .invalidGeoJSON(l, message: m)
        case .unwritableValue, .io: return self
        }
    }

    public var description: String {
        switch self {
        case .malformedJSON(let l, let m), .invalidGeoJSON(let l, let m): "\(l): \(m)"
        case .unwritableValue(let m): "cannot write JSON: \(m)"
        case .io(let path, let m): "\(path): \(m)"
        }
    }
}
