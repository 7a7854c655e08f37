import Foundation

/// One entry (a meeting, a notification, a new document) in an Atom feed.
public struct AtomEntry: Sendable, Equatable {
    /// A permanent, absolute IRI: a `tag:` URI (RFC 4151) or `urn:uuid:`.
    public var id: String
    public var title: String
    public var updated: Date
    public var published: Date?
    /// The page the entry is about (`link rel="alternate"`).
    public var link: String
    public var summary: String?
    public var authorName: String?
    /// Category terms, e.g. convention or meeting codes.
    public var categories: [String]
    /// The language of the entry's text (BCP 47, e.g. "zh", "ar"), written as `xml:lang`.
    public var language: String?

    public init(
        id: String, title: String, updated: Date, published: Date? = nil, link: String, summary: String? = nil,
        authorName: String? = nil, categories: [String] = [], language: String? = nil
    ) {
        self.id = id
        self.title = title
        self.updated = updated
        self.published = published
        self.link = link
        self.summary = summary
        self.authorName = authorName
        self.categories = categories
        self.language = language
    }
}

/// Writes RFC 4287 Atom feeds (`application/atom+xml`) so people can follow
/// meetings and notifications in a feed reader. See `AtomFeedValidator` for
/// the matching checks (`AtomFeedWriter.validate`).
public enum AtomFeedWriter {
    /// The Atom namespace.
    public static let namespace = "http://www.w3.org/2005/Atom"

    /// A complete Atom feed document.
    /// - Parameter authorName: the feed's author; when `nil`, RFC 4287 requires every entry to have one.
    public static func feed(
        id: String,
        title: String,
        selfLink: String,
        alternateLink: String?,
        updated: Date,
        authorName: String?,
        entries: [AtomEntry]
    ) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"\(namespace)\">\n"
        xml += "  <id>\(escape(id))</id>\n"
        xml += "  <title type=\"text\">\(escape(title))</title>\n"
        xml += "  <updated>\(UTCTimestamp(updated).rfc3339)</updated>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(selfLink))\"/>\n"
        if let alternateLink {
            xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(alternateLink))\"/>\n"
        }
        if let authorName {
            xml += "  <author><name>\(escape(authorName))</name></author>\n"
        }
        xml += "  <generator>Synergia</generator>\n"
        for entry in entries {
            xml += entryXML(entry)
        }
        xml += "</feed>\n"
        return xml
    }

    static func entryXML(_ entry: AtomEntry) -> String {
        let lang = entry.language.map { " xml:lang=\"\(escape($0))\"" } ?? ""
        var xml = "  <entry\(lang)>\n"
        xml += "    <id>\(escape(entry.id))</id>\n"
        xml += "    <title type=\"text\">\(escape(entry.title))</title>\n"
        xml += "    <updated>\(UTCTimestamp(entry.updated).rfc3339)</updated>\n"
        if let published = entry.published {
            xml += "    <published>\(UTCTimestamp(published).rfc3339)</published>\n"
        }
        xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(entry.link))\"/>\n"
        if let summary = entry.summary {
            xml += "    <summary type=\"text\">\(escape(summary))</summary>\n"
        }
        if let author = entry.authorName {
            xml += "    <author><name>\(escape(author))</name></author>\n"
        }
        for term in entry.categories {
            xml += "    <category term=\"\(escape(term))\"/>\n"
        }
        xml += "  </entry>\n"
        return xml
    }

    /// Escapes `& < > " '` and drops characters XML 1.0 does not allow
    /// (control characters other than tab, LF and CR; U+FFFE, U+FFFF).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Problems of an Atom document against RFC 4287 §4.1.1 and §4.1.2;
    /// empty when none were found. See `AtomFeedValidator`.
    public static func validate(_ xml: String) -> [String] {
        AtomFeedValidator.problems(in: xml)
    }
}
