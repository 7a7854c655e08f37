import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing

@Suite("Loading reference data")
struct ReferenceLoaderTests {
    @Test("loading the same files again changes nothing")
    func idempotent() async throws {
        try await withSynergia { app async throws in
            let outcome = try await ReferenceLoader.load(try ReferenceData.load(), on: app.db)
            #expect(outcome == .init(conventions: nil, frameworks: nil, parties: nil))
            #expect(try await PartyModel.query(on: app.db).count() == 196)
            #expect(try await TargetModel.query(on: app.db).count() == (try ReferenceData.load()).frameworks.map(\.targets.count).reduce(0, +))
        }
    }

    @Test("a newer file upgrades rows in place and keeps what points at them")
    func upgradeInPlace() async throws {
        try await withSynergia { app async throws in
            let user = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let before = try #require(try await PartyModel.query(on: app.db).filter(\.$alpha2 == "KE").first())

            var data = try ReferenceData.load()
            data.partiesVersion += 1
            let index = try #require(data.parties.firstIndex { $0.alpha2 == "KE" })
            data.parties[index].names.values["fr"] = "Kenya (révisé)"
            data.parties[index].memberships["IWC"] = .party
            data.parties.removeAll { $0.alpha2 == "FR" }   // a row missing from a file is never deleted

            let outcome = try await ReferenceLoader.load(data, on: app.db)
            #expect(outcome.parties == data.partiesVersion)
            let after = try #require(try await PartyModel.query(on: app.db).filter(\.$alpha2 == "KE").with(\.$memberships).first())
            #expect(after.id == before.id)
            #expect(after.names["fr"] == "Kenya (révisé)")
            #expect(after.memberships.first { $0.conventionCode == "IWC" }?.status == .party)
            #expect(try await PartyModel.query(on: app.db).filter(\.$alpha2 == "FR").first() != nil)
            #expect(try await UserModel.find(user.id, on: app.db)?.partyCode == "KE")
            #expect(try await PartyModel.query(on: app.db).count() == 196)
        }
    }
}
