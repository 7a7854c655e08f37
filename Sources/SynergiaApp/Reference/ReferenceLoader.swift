import Fluent
import Foundation
import SynergiaCore

/// Loads the shipped reference files into the database, idempotently.
///
/// Each file carries a version. When the database holds an older version (or none), rows
/// are upserted by their codes: existing rows are updated in place, new ones added, and
/// nothing is ever deleted, so user data that points at a row keeps pointing at it.
public enum ReferenceLoader {
    /// What a load did, per file: `nil` when the stored version was already current.
    public struct Outcome: Sendable, Equatable {
        public var conventions: Int?
        public var frameworks: Int?
        public var parties: Int?
    }

    @discardableResult
    public static func load(_ data: ReferenceData, on database: any Database) async throws -> Outcome {
        try await database.transaction { db in
            var outcome = Outcome()
            if try await needsLoad("conventions", data.conventionsVersion, on: db) {
                try await upsertConventions(data.conventions, on: db)
                try await markLoaded("conventions", data.conventionsVersion, on: db)
                outcome.conventions = data.conventionsVersion
            }
            if try await needsLoad("frameworks", data.frameworksVersion, on: db) {
                try await upsertFrameworks(data.frameworks, on: db)
                try await markLoaded("frameworks", data.frameworksVersion, on: db)
                outcome.frameworks = data.frameworksVersion
            }
            if try await needsLoad("parties", data.partiesVersion, on: db) {
                try await upsertParties(data.parties, on: db)
                try await markLoaded("parties", data.partiesVersion, on: db)
                outcome.parties = data.partiesVersion
            }
            // The index follows the files (nothing is written when it holds them already).
            try await SearchIndex.replace(SearchDocuments.referenceSource, with: SearchDocuments.reference(data), on: db)
            return outcome
        }
    }

    static func needsLoad(_ file: String, _ version: Int, on db: any Database) async throws -> Bool {
        guard let stored = try await ReferenceVersionModel.find(file, on: db) else { return true }
        return stored.version < version
    }

    static func markLoaded(_ file: String, _ version: Int, on db: any Database) async throws {
        if let stored = try await ReferenceVersionModel.find(file, on: db) {
            stored.version = version
            try await stored.update(on: db)
        } else {
            try await ReferenceVersionModel(file: file, version: version).create(on: db)
        }
    }

    static func upsertConventions(_ conventions: [Convention], on db: any Database) async throws {
        let existing = Dictionary(uniqueKeysWithValues: try await ConventionModel.query(on: db).all().map { ($0.code, $0) })
        for (position, convention) in conventions.enumerated() {
            let row = existing[convention.code] ?? ConventionModel()
            row.code = convention.code
            row.names = convention.names.values
            row.shortName = convention.shortName
            row.governingBody = convention.governingBody.values
            row.secretariatHost = convention.secretariatHost.value
            row.administeredBy = convention.secretariatAdministeredBy?.value
            row.entryIntoForce = convention.entryIntoForce.value
            row.website = convention.website.value
            row.position = position
            try await row.save(on: db)
        }
    }

    static func upsertFrameworks(_ frameworks: [Framework], on db: any Database) async throws {
        let existing = Dictionary(uniqueKeysWithValues: try await FrameworkModel.query(on: db).all().map { ($0.code, $0) })
        for (position, framework) in frameworks.enumerated() {
            let row = existing[framework.code] ?? FrameworkModel()
            row.code = framework.code
            row.conventionCode = framework.convention
            row.names = framework.names.values
            row.periodFrom = framework.period?.from
            row.periodTo = framework.period?.to
            row.adoptedBy = framework.adoptedBy?.value
            row.position = position
            try await row.save(on: db)
            let frameworkID = try row.requireID()

            let goals = Dictionary(uniqueKeysWithValues: try await GoalModel.query(on: db)
                .filter(\.$framework.$id == frameworkID).all().map { ($0.code, $0) })
            for (index, goal) in framework.goals.enumerated() {
                let goalRow = goals[goal.code] ?? GoalModel()
                goalRow.$framework.id = frameworkID
                goalRow.code = goal.code
                goalRow.title = goal.title.values
                goalRow.position = index
                try await goalRow.save(on: db)
            }

            let targets = Dictionary(uniqueKeysWithValues: try await TargetModel.query(on: db)
                .filter(\.$framework.$id == frameworkID).all().map { ($0.code, $0) })
            for (index, target) in framework.targets.enumerated() {
                let targetRow = targets[target.code] ?? TargetModel()
                targetRow.$framework.id = frameworkID
                targetRow.goalCode = target.goal
                targetRow.code = target.code
                targetRow.title = target.title.values
                targetRow.text = target.text?.values
                targetRow.position = index
                try await targetRow.save(on: db)
            }
        }
    }

    static func upsertParties(_ parties: [Party], on db: any Database) async throws {
        let existing = Dictionary(uniqueKeysWithValues: try await PartyModel.query(on: db).with(\.$memberships).all().map { ($0.alpha2, $0) })
        var newParties: [PartyModel] = []
        var newMemberships: [MembershipModel] = []
        for party in parties {
            let isNew = existing[party.alpha2] == nil
            let row = existing[party.alpha2] ?? PartyModel()
            row.alpha2 = party.alpha2
            row.alpha3 = party.alpha3.value
            row.kind = party.kind
            row.names = party.names.values
            row.nameEnglish = party.names.english
            row.regionalGroup = party.regionalGroup?.rawValue
            if isNew {
                row.id = UUID()
                newParties.append(row)
            } else {
                try await row.save(on: db)
            }
            let partyID = try row.requireID()

            let memberships = existing[party.alpha2].map { Dictionary(uniqueKeysWithValues: $0.memberships.map { ($0.conventionCode, $0) }) } ?? [:]
            for (convention, status) in party.memberships.sorted(by: { $0.key < $1.key }) {
                let membership = memberships[convention] ?? MembershipModel()
                membership.$party.id = partyID
                membership.conventionCode = convention
                membership.status = status
                if membership.id == nil {
                    membership.id = UUID()
                    newMemberships.append(membership)
                } else {
                    try await membership.save(on: db)
                }
            }
        }
        // New rows go in as batches: a first load is two statements, not two thousand.
        if !newParties.isEmpty { try await newParties.create(on: db) }
        if !newMemberships.isEmpty { try await newMemberships.create(on: db) }
    }
}
