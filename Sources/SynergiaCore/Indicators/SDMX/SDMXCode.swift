/// How Synergia's values become SDMX identifiers and back.
///
/// An SDMX 2.1 code id may hold only `A–Z a–z 0–9 _ @ $ -`. Most values need no change: Party
/// codes (`KE`), units such as `percent`, and disaggregation values such as `forest` or `F` are
/// their own ids. Other characters are written `$` and two hex digits per UTF-8 byte, so that the
/// mapping can be reversed without a table: `index (0-1)` becomes `index$20$280-1$29`. `_T` is
/// SDMX's code for "total" (not disaggregated), so a value that starts with `_` has that first
/// `_` escaped (`$5F`); so does a first `-` or `@`, which a spreadsheet would read as a formula.
public enum SDMXCode {
    /// The code that stands for "not disaggregated by this dimension".
    public static let total = "_T"

    /// The id of a unit or disaggregation value.
    public static func id(_ text: String) -> String {
        var out = ""
        for (offset, byte) in text.utf8.enumerated() {
            let plain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || ((byte == 0x40 || byte == 0x2D || byte == 0x5F) && offset > 0)
            if plain {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "$" + hex(byte)
            }
        }
        return out
    }

    /// The text an id stands for; nil when it is not a valid id or a `$` is not followed by two
    /// hex digits of valid UTF-8.
    public static func text(_ id: String) -> String? {
        guard isValidID(id) else { return nil }
        var bytes: [UInt8] = []
        var scalars = Array(id.utf8)[...]
        while let byte = scalars.popFirst() {
            if byte == 0x24 {
                guard scalars.count >= 2, let high = hexValue(scalars[scalars.startIndex]), let low = hexValue(scalars[scalars.startIndex + 1])
                else { return nil }
                bytes.append(high << 4 | low)
                scalars = scalars.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Whether `id` is an SDMX 2.1 `IDType`: one or more of `A–Z a–z 0–9 _ @ $ -`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x40 || b == 0x24 || b == 0x2D
        }
    }

    /// The id of an indicator code: the registry's dots become underscores (`A.1` → `A_1`,
    /// `AICHI-RLI` stays). Indicator codes never hold `_`, so the mapping reverses through the
    /// known codes (``indicatorCodes(_:)``).
    public static func indicatorID(_ code: String) -> String {
        id(code.replacingOccurrences(of: ".", with: "_"))
    }

    /// Indicator id → code, for the given codes.
    public static func indicatorCodes(_ codes: some Sequence<String>) -> [String: String] {
        Dictionary(codes.map { (indicatorID($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// An SDMX time period: `2015` for one year, `2015-01-01/P3Y` for 2015–2017 (a time range:
    /// its start and its length).
    public static func timePeriod(_ period: IndicatorPeriod) -> String {
        period.start == period.end ? String(period.start) : "\(period.start)-01-01/P\(period.end - period.start + 1)Y"
    }

    /// Reads ``timePeriod(_:)``'s two forms (and Synergia's `2015-2017`); nil otherwise.
    public static func period(_ text: String) -> IndicatorPeriod? {
        if let slash = text.firstIndex(of: "/") {
            let start = text[..<slash], length = text[text.index(after: slash)...]
            guard start.count == 10, start.hasSuffix("-01-01"), let year = Int(start.prefix(4)), start.prefix(4).allSatisfy(\.isNumber),
                  length.hasPrefix("P"), length.hasSuffix("Y"), length.count >= 3,
                  let years = Int(length.dropFirst().dropLast()), years >= 1, years <= 1000 else { return nil }
            return IndicatorPeriod(start: year, end: year + years - 1)
        }
        return IndicatorPeriod(text)
    }

    /// The value of an uppercase hex digit (`0-9`, `A-F`), as ``id(_:)`` writes them.
    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x41...0x46: digit - 0x41 + 10
        default: nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
