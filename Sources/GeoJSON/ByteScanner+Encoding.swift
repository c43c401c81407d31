extension ByteScanner {
    /// The error for input that is not UTF-8 at the cursor. When the whole
    /// input reads as GBK/GB18030 (the usual encoding of Chinese files saved by
    /// older GIS and office tools), the message says so and how to convert;
    /// the location is that of the first byte that is not UTF-8.
    func invalidUTF8(_ message: String) -> GeoJSONError {
        guard Self.looksLikeGB18030(input) else { return syntaxError(message) }
        return syntaxError(
            message + "; the file looks GBK/GB18030-encoded: convert it to UTF-8, e.g. iconv -f GB18030 -t UTF-8 in.geojson > out.geojson")
    }

    /// Whether `bytes` are well-formed GB18030 (GB 18030-2005 byte structure,
    /// no code table): ASCII; two-byte forms, lead 0x81–0xFE, trail 0x40–0x7E
    /// or 0x80–0xFE (GBK); four-byte forms 0x81–0xFE, 0x30–0x39, 0x81–0xFE,
    /// 0x30–0x39. At least one pair must lie in the GB2312 area (lead and
    /// trail 0xA1–0xFE, where the common hanzi are), so that stray Latin-1
    /// bytes that happen to pair up are not taken for Chinese.
    static func looksLikeGB18030(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, gb2312Pairs = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard b >= 0x81, b <= 0xFE, i + 1 < n else { return false }
            let t = bytes[i + 1]
            if (0x40...0x7E).contains(t) || (0x80...0xFE).contains(t) {
                if b >= 0xA1, t >= 0xA1 { gb2312Pairs += 1 }
                i += 2
            } else if (0x30...0x39).contains(t), i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                i += 4
            } else {
                return false
            }
        }
        return gb2312Pairs > 0
    }
}
