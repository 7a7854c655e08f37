/// A stylesheet without what a browser does not read: comments, runs of white space, the space
/// around `{ } ; ,` and after `:`, and a rule's last `;`. Strings are kept as written; the space
/// around `+`, `-`, `>` and before `:` is kept, since `calc()` and selectors read it.
/// The source stays readable in the repository; every page's stylesheet is a fifth smaller.
enum CSSMinifier {
    static func minify(_ css: String) -> String {
        let bytes = Array(css.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var pendingSpace = false
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
        // After these a space is never needed; before these neither.
        func tightAfter(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") }
        func tightBefore(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/")) { end += 1 }
                index = min(end + 2, bytes.count)
                pendingSpace = true
                continue
            }
            if isSpace(byte) { pendingSpace = true; index += 1; continue }
            if pendingSpace, let last = out.last, !tightAfter(last), !tightBefore(byte) { out.append(0x20) }
            pendingSpace = false
            if byte == UInt8(ascii: "}"), out.last == UInt8(ascii: ";") { out.removeLast() }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // A string, escapes and all, to its closing quote.
                var end = index + 1
                while end < bytes.count, bytes[end] != byte {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                end = min(end + 1, bytes.count)
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
