import Plot
import SynergiaCore

/// Links every feature draws the same way.
enum Links {
    /// `SP2011/9` links to Aichi Target 9 on its framework page; anything else is shown as text.
    static func target(_ page: PageContext, _ target: String) -> Node<HTML.BodyContext> {
        let parts = target.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return .escapedText(target) }
        let prefix = ["SP2011": "Aichi", "KMGBF": "GBF"][parts[0]] ?? parts[0]
        return .a(.href(SiteURL.frameworkTarget(parts[0], target: parts[1]).path), .escapedText("\(prefix) "), page.text("frameworks.target", ["code": parts[1]]))
    }

    /// A deadline: a named meeting (`COP-13`) links to its page; a date is shown as it is.
    static func deadline(_ deadline: String) -> Node<HTML.BodyContext> {
        let isMeeting = deadline.contains("-") && deadline.first?.isLetter == true
        return .group(isMeeting ? .a(.href(SiteURL.meeting(deadline).path), .escapedText(deadline)) : .escapedText(deadline), .escapedText(" "))
    }
}

/// A fact, or the catalog's "unknown" when the data does not know it.
enum Known {
    static func value(_ page: PageContext, _ value: String?) -> Node<HTML.BodyContext> {
        .unwrap(value, { .escapedText($0) }, else: .span(.class("unknown"), page.text("common.unknown")))
    }
}
