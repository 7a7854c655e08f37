import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A Party's national targets: the published ones, and its drafts for its own users.
enum NationalTargetList {
    struct Model: Content, Equatable {
        var party: String
        var names: [String: String]
        var targets: [NationalTargetDTO]
    }

    /// The list of `party` (404 when no Party has the code).
    static func query(party: String, drafts: Bool, on db: any Database) async throws -> Model {
        let row = try await NationalTargetReaders.party(party, on: db)
        return Model(party: row.alpha2, names: row.names,
                     targets: try await NationalTargetDTO.all(try await NationalTargetService.list(party: row.alpha2, drafts: drafts, on: db), on: db))
    }
}

/// Look-ups the national target pages share.
enum NationalTargetReaders {
    /// The Party with the code (any case), or 404.
    static func party(_ code: String, on db: any Database) async throws -> PartyModel {
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }),
              let row = try await PartyModel.query(on: db).filter(\.$alpha2 == code.uppercased()).first() else { throw Abort(.notFound) }
        return row
    }

    /// Titles of the goals and targets of every framework, by reference.
    static func targetTitles(on db: any Database) async throws -> [TargetReference: [String: String]] {
        var titles: [TargetReference: [String: String]] = [:]
        for framework in try await FrameworkModel.query(on: db).with(\.$goals).with(\.$targets).all() {
            for goal in framework.goals { titles[TargetReference(framework: framework.code, code: goal.code)] = goal.title }
            for target in framework.targets { titles[TargetReference(framework: framework.code, code: target.code)] = target.title }
        }
        return titles
    }
}
