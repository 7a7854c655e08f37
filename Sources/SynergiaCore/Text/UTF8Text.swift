import Foundation

/// Text files as people upload them: UTF-8 only. Anything else (Latin-1 from an old
/// spreadsheet, UTF-16) is refused with a clear message rather than stored as mojibake.
public enum UTF8Text {
    /// The text of `data` if it is valid UTF-8 (a byte-order mark is kept as the first
    /// character; callers that read files drop it), else nil.
    public static func decode(_ data: Data) -> String? {
        String(validating: data, as: UTF8.self)
    }
}
