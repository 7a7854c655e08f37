/// What a secretariat posts to the shared stream: news, or an event announcement (with its date).
public enum NewsKind: String, Codable, Sendable, CaseIterable {
    case news
    case event
}
