import Foundation

/// Finds the keys of the `answers` object of a package JSON document, in document order and
/// with their line numbers, duplicates included (JSON parsers keep only one of a repeated key).
enum JSONKeyLines {
    /// `(key, line)` for each key directly inside the top-level `answers` object. Assumes `data`
    /// is valid JSON.
    static func answerKeys(in data: Data) -> [(key: String, line: Int)] {
        let bytes = [UInt8](data)
        var result: [(key: String, line: Int)] = []
        var stack: [UInt8] = []
        var awaitingKey = false
        var pendingAnswers = false
        var answersDepth: Int?
        var line = 1
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ":"):
                break
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                let isKey = stack.last == UInt8(ascii: "{") && awaitingKey
                if isKey {
                    awaitingKey = false
                    let raw = Data(bytes[start...min(i, bytes.count - 1)])
                    let key = (try? JSONSerialization.jsonObject(with: raw, options: .fragmentsAllowed)) as? String ?? ""
                    if stack.count == 1, key == "answers" { pendingAnswers = true; break }
                    if let depth = answersDepth, stack.count == depth { result.append((key, line)) }
                } else {
                    pendingAnswers = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if pendingAnswers, byte == UInt8(ascii: "{") { answersDepth = stack.count + 1 }
                pendingAnswers = false
                stack.append(byte)
                awaitingKey = byte == UInt8(ascii: "{")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                // Never more closing than opening brackets in valid JSON; never a trap otherwise.
                guard stack.popLast() != nil else { return result }
                if let depth = answersDepth, stack.count < depth { answersDepth = nil }
                awaitingKey = false
            case UInt8(ascii: ","):
                awaitingKey = stack.last == UInt8(ascii: "{")
            default:
                pendingAnswers = false
            }
            i += 1
        }
        return result
    }

    /// The 1-based line of byte `offset` in `data`.
    static func line(ofOffset offset: Int, in data: Data) -> Int {
        data.prefix(max(0, offset)).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// The line a JSONSerialization error points at, read from its error index or its
    /// description ("around line N" on Apple platforms, "around character N" elsewhere).
    static func line(of error: any Error, in data: Data) -> Int? {
        let info = (error as NSError).userInfo
        if let index = info["NSJSONSerializationErrorIndex"] as? Int { return line(ofOffset: index, in: data) }
        let text = info[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        func number(after marker: String) -> Int? {
            guard let range = text.range(of: marker) else { return nil }
            return Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        if let line = number(after: "around line ") { return line }
        return number(after: "around character ").map { line(ofOffset: $0, in: data) }
    }
}
