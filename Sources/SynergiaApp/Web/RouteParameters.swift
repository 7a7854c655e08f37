import Foundation
import Vapor

extension Request {
    /// The id in the route parameter `name`; 404 when it is missing or not a UUID (an id that
    /// cannot exist names nothing, so it is not found, in the reader's language).
    func idParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        return id
    }

    /// The text of the route parameter `name` (404 when the route has none).
    func textParameter(_ name: String) throws -> String {
        guard let text = parameters.get(name) else { throw Abort(.notFound) }
        return text
    }

    /// `?party=` as an ISO 3166-1 alpha-2 code (upper-cased), or nil when absent or not two letters.
    var partyQuery: String? {
        guard let party: String = query["party"], party.count == 2, party.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return party.uppercased()
    }
}
