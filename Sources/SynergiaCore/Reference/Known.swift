/// A fact that reference data either knows or says is `"unknown"`. Never a guess.
public enum Known<Value: Codable & Sendable & Equatable & Hashable>: Codable, Sendable, Equatable, Hashable {
    case known(Value)
    case unknown

    public var value: Value? {
        if case .known(let value) = self { return value }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), text == "unknown" {
            self = .unknown
        } else if container.decodeNil() {
            self = .unknown
        } else {
            self = .known(try container.decode(Value.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .known(let value): try container.encode(value)
        case .unknown: try container.encode("unknown")
        }
    }
}
