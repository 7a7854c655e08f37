/// Where a nomination stands.
public enum NominationStatus: String, Codable, Sendable, CaseIterable {
    case nominated, selected
}
