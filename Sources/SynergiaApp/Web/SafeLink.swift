import Foundation

/// Links to other sites that people enter (news, meeting documents, sources): only `http` and
/// `https` URLs with a host, without spaces or control characters, ever become an `href`; a
/// `javascript:` or `data:` URL is refused when stored and not linked if found.
public enum SafeLink {
    /// Whether `text` is an absolute http(s) URL with a host.
    public static func isWebURL(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 2_000,
              !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " || $0 == "\\" }),
              let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else { return false }
        return true
    }

    /// `text` escaped for an `href` attribute when it is a web URL or a path on this site; nil otherwise.
    public static func href(_ text: String) -> String? {
        if isWebURL(text) { return text.attributeEscaped }
        if text.hasPrefix("/"), !text.hasPrefix("//"), LocalPath.isSafe(text) { return text.attributeEscaped }
        return nil
    }
}

/// A path on this site that is safe to redirect to or link: it starts with one `/`, has no
/// backslash, no control character and no whitespace (browsers drop tabs and newlines from URLs,
/// so `/\t/evil.example` would become `//evil.example`, another site).
public enum LocalPath {
    public static func isSafe(_ text: String) -> Bool {
        guard text.hasPrefix("/"), !text.hasPrefix("//"), text.utf8.count <= 2_000 else { return false }
        return !text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.isWhitespace || $0 == "\\" }
    }

    /// `text` if it is a safe local path, else nil.
    public static func validated(_ text: String?) -> String? {
        guard let text, isSafe(text) else { return nil }
        return text
    }
}
