import Foundation

/// Every internal URL of Synergia, built in one place: each dynamic part is percent-encoded
/// for its position, so a code, an id or a question name can never break out of its path
/// segment, query value or fragment (and needs no further escaping in an HTML attribute
/// beyond the usual).
public enum SiteURL: Sendable, Equatable {
    case home
    case signIn(next: String?)
    case account
    case reporting
    case report(UUID)
    case reportPrint(UUID)
    case reportPDF(UUID)
    case reportPackage(UUID, format: String)
    case indicator(String, party: String? = nil)
    case progressTarget(framework: String, target: String)
    case partyProgress(String)
    case party(String)
    case convention(String)
    case framework(String)
    case decision(String)
    case meeting(String)
    case advisoryCall(UUID)
    case news

    /// The path (and query), relative to the site's root.
    public var path: String {
        switch self {
        case .home: "/"
        case .signIn(let next): "/sign-in" + Self.query(["next": next])
        case .account: "/account"
        case .reporting: "/reporting"
        case .report(let id): "/reports/\(id.uuidString)"
        case .reportPrint(let id): "/reports/\(id.uuidString)/print"
        case .reportPDF(let id): "/reports/\(id.uuidString)/report.pdf"
        case .reportPackage(let id, let format): "/reports/\(id.uuidString)/package.\(Self.segment(format))"
        case .indicator(let code, let party): "/indicators/\(Self.segment(code))" + Self.query(["party": party])
        case .progressTarget(let framework, let target): "/progress/\(Self.segment(framework))/\(Self.segment(target))"
        case .partyProgress(let code): "/parties/\(Self.segment(code))/progress"
        case .party(let code): "/parties/\(Self.segment(code))"
        case .convention(let code): "/conventions/\(Self.segment(code))"
        case .framework(let code): "/frameworks/\(Self.segment(code))"
        case .decision(let slug): "/decisions/\(Self.segment(slug))"
        case .meeting(let code): "/meetings/\(Self.segment(code))"
        case .advisoryCall(let id): "/advisory-group/\(id.uuidString)"
        case .news: "/news"
        }
    }

    /// `text` as one path segment: everything but unreserved characters percent-encoded.
    public static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `text` as a fragment identifier (an element id on the page).
    public static func fragment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `?a=1&b=2` of the non-nil values, in key order; empty when none.
    public static func query(_ items: [String: String?]) -> String {
        let present = items.compactMapValues { $0 }.sorted { $0.key < $1.key }
        guard !present.isEmpty else { return "" }
        return "?" + present.map { "\(segment($0.key))=\(queryValue($0.value))" }.joined(separator: "&")
    }

    /// A query value: like a segment, but `/` and `:` may stay (a path passed as `next`).
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved.union(CharacterSet(charactersIn: "/:"))) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
