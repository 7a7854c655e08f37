/// One e-mail address as people type it in a form: `local@domain`, nothing else — no display
/// name, no second address, no spaces, no control characters. What a mail header or an SMTP
/// command can carry without being misread.
public enum EmailAddress {
    /// Whether `text` is exactly one plausible address (already trimmed and lower-cased or not).
    public static func isValid(_ text: String) -> Bool {
        guard text.utf8.count <= 254 else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let localAllowed = "!#$%&'*+-/=?^_`{|}~."
        guard local.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
            || localAllowed.unicodeScalars.contains($0) || (!$0.isASCII && !$0.properties.isWhitespace && $0.properties.generalCategory != .control
                && $0.properties.generalCategory != .format) }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-"
                      || (!$0.isASCII && $0.properties.isAlphabetic) }) else { return false }
        }
        return true
    }
}
