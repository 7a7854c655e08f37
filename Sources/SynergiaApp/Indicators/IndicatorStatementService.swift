import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// A Party's focal points say the Party has no data for an indicator, or that it is not relevant
/// to it, with the reason; or take the statement back.
enum IndicatorStatementService {
    /// States `input` for `indicator` as the Party of `user`, in one transaction that takes the
    /// series' lock (as every writer of the Party's data for the indicator does), checks who may,
    /// checks the Party has no published values for it, and writes the statement (replacing the
    /// Party's earlier one) with its audit entry.
    static func state(_ input: IndicatorStatementInput, indicator: String, by user: UserModel, writtenIn language: Language?,
                      registry: IndicatorRegistry, on db: any Database) async throws -> IndicatorStatementModel {
        guard let party = user.partyCode else { throw Abort(.forbidden) }
        try await knownToParty(indicator, party: party, registry: registry, on: db)
        return try await db.write { tx in
            try await IndicatorSeriesStore.lock(party: party, indicator: indicator, in: tx)
            try Authorize.require(user.actor, .publishIndicatorData(party: party))
            // Its totals, as the pages show them (values broken down only do not say the whole).
            let values = try await IndicatorValueModel.query(on: tx.db).filter(\.$partyCode == party).filter(\.$indicator == indicator)
                .filter(\.$disaggregation == "").count()
            guard values == 0 else { throw Refusal("error.indicator-statement.has-data") }
            let row = try await IndicatorStatementModel.query(on: tx.db).filter(\.$partyCode == party).filter(\.$indicator == indicator).first()
                ?? IndicatorStatementModel()
            let before = row.id == nil ? nil : "\(row.kind.rawValue): \(row.reason)"
            row.partyCode = party
            row.indicator = indicator
            row.kind = input.kind
            row.reason = input.reason
            row.language = language?.code
            row.statedBy = user.email
            row.statedAt = Date()
            try await row.save(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "indicator-statement.made", subject: .series(party: party, indicator: indicator),
                                      before: before, after: "\(input.kind.rawValue): \(input.reason)")
            return row
        }
    }

    /// Takes back the Party's statement on `indicator` (nothing happens when there is none).
    static func withdraw(indicator: String, by user: UserModel, on db: any Database) async throws {
        guard let party = user.partyCode else { throw Abort(.forbidden) }
        try await db.write { tx in
            try await IndicatorSeriesStore.lock(party: party, indicator: indicator, in: tx)
            try Authorize.require(user.actor, .publishIndicatorData(party: party))
            try await supersede(party: party, indicator: indicator, by: user.email, action: "indicator-statement.withdrawn", in: tx)
        }
    }

    /// Removes the Party's statement on `indicator`, with an audit entry, when there is one: data
    /// imported or published for it takes its place (called under the series' lock).
    static func supersede(party: String, indicator: String, by author: String, action: String = "indicator-statement.superseded",
                          in tx: WriteContext) async throws {
        guard let row = try await IndicatorStatementModel.query(on: tx.db).filter(\.$partyCode == party).filter(\.$indicator == indicator).first()
        else { return }
        try await row.delete(on: tx.db)
        try await AuditLog.record(tx, actor: author, action: action, subject: .series(party: party, indicator: indicator),
                                  before: "\(row.kind.rawValue): \(row.reason)", after: nil)
    }

    /// The Party's statements, by indicator.
    static func statements(party: String, on db: any Database) async throws -> [String: IndicatorStatementDTO] {
        Dictionary(try await IndicatorStatementModel.query(on: db).filter(\.$partyCode == party).all().map { ($0.indicator, IndicatorStatementDTO($0)) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// A registry indicator, or one of the Party's own national indicators (404 otherwise: another
    /// Party's national indicator is not the Party's to speak of).
    static func knownToParty(_ code: String, party: String, registry: IndicatorRegistry, on db: any Database) async throws {
        if registry.indicator(code: code) != nil { return }
        guard try await NationalIndicatorModel.query(on: db).filter(\.$code == code).filter(\.$partyCode == party).first() != nil else {
            throw Abort(.notFound, reason: "no indicator of this Party has this code")
        }
    }
}
