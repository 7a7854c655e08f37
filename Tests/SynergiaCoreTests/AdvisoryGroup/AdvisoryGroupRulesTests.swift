import Foundation
import SynergiaCore
import Testing

@Suite("Advisory group rules (decision XII/6 ¶6)")
struct AdvisoryGroupRulesTests {
    func candidate(_ id: String, _ party: String, _ region: RegionalGroup?) -> AdvisoryCandidate {
        AdvisoryCandidate(id: id, party: party, region: region)
    }

    /// Two from each of the five regions.
    var fullSelection: [AdvisoryCandidate] {
        [
            candidate("a1", "KE", .african), candidate("a2", "ZA", .african),
            candidate("p1", "CN", .asiaPacific), candidate("p2", "IN", .asiaPacific),
            candidate("e1", "PL", .easternEuropean), candidate("e2", "RO", .easternEuropean),
            candidate("l1", "BR", .latinAmericanCaribbean), candidate("l2", "MX", .latinAmericanCaribbean),
            candidate("w1", "FR", .westernEuropeanOthers), candidate("w2", "CA", .westernEuropeanOthers),
        ]
    }

    @Test("two members per region")
    func membersPerRegion() {
        #expect(AdvisoryGroupRules.membersPerRegion == 2)
    }

    @Test("an empty selection misses two in every region")
    func emptyBalance() {
        let balance = AdvisoryGroupRules.balance(of: [])
        #expect(balance.regions.map(\.region) == RegionalGroup.allCases)
        #expect(balance.regions.allSatisfy { $0.selected == 0 && $0.missing == 2 })
        #expect(!balance.isComplete)
    }

    @Test("two from each region is complete")
    func completeBalance() {
        let balance = AdvisoryGroupRules.balance(of: fullSelection)
        #expect(balance.isComplete)
        #expect(balance.regions.allSatisfy { $0.selected == 2 && $0.missing == 0 })
        #expect(balance.withoutRegion == 0)
    }

    @Test("partial and over-full regions are counted; three in a region is not complete")
    func partialBalance() {
        var selection = fullSelection.filter { $0.id != "p2" }
        selection.append(candidate("a3", "NG", .african))
        let balance = AdvisoryGroupRules.balance(of: selection)
        #expect(balance.region(.asiaPacific).selected == 1)
        #expect(balance.region(.asiaPacific).missing == 1)
        #expect(balance.region(.african).selected == 3)
        #expect(balance.region(.african).missing == 0, "missing is never negative")
        #expect(!balance.isComplete)

        // Full everywhere but one region over: still not exactly two.
        let over = AdvisoryGroupRules.balance(of: fullSelection + [candidate("a3", "NG", .african)])
        #expect(!over.isComplete)
    }

    @Test("members of no region and duplicate ids")
    func noRegionAndDuplicates() {
        let balance = AdvisoryGroupRules.balance(of: fullSelection + [candidate("eu", "EU", nil), candidate("a1", "KE", .african)])
        #expect(balance.withoutRegion == 1)
        #expect(balance.region(.african).selected == 2, "a duplicate id counts once")
        #expect(balance.isComplete)
    }

    @Test("selection: allowed, region full, no region, already selected")
    func selection() {
        let two = [candidate("a1", "KE", .african), candidate("a2", "ZA", .african)]
        #expect(AdvisoryGroupRules.checkSelection(of: candidate("p1", "CN", .asiaPacific), alreadySelected: two) == nil)
        #expect(AdvisoryGroupRules.checkSelection(of: candidate("a2", "ZA", .african), alreadySelected: [two[0]]) == nil)
        #expect(AdvisoryGroupRules.checkSelection(of: candidate("a3", "NG", .african), alreadySelected: two) == .regionFull(.african))
        #expect(AdvisoryGroupRules.checkSelection(of: candidate("eu", "EU", nil), alreadySelected: two) == .noRegion)
        #expect(AdvisoryGroupRules.checkSelection(of: candidate("a1", "KE", .african), alreadySelected: two) == .alreadySelected)
        #expect(AdvisoryGroupRules.checkSelection(of: candidate("a1", "KE", .african), alreadySelected: []) == nil)
    }

    @Test("nomination: deadline, closed call, focal point of the candidate's Party")
    func nomination() {
        let deadline = Date(timeIntervalSince1970: 1_800_000_000)
        let before = deadline.addingTimeInterval(-60)
        func check(_ party: String?, _ focal: Bool = true, candidate: String = "BR", now: Date? = nil, closed: Bool = false) -> AdvisoryRefusal? {
            AdvisoryGroupRules.checkNomination(
                nominatorParty: party, nominatorIsFocalPoint: focal, candidateParty: candidate,
                deadline: deadline, now: now ?? before, callClosed: closed
            )
        }
        #expect(check("BR") == nil)
        #expect(check("br", candidate: " BR") == nil, "codes compare case-insensitively")
        #expect(check("BR", now: deadline) == nil, "the deadline instant itself is in time")
        #expect(check("BR", now: deadline.addingTimeInterval(1)) == .afterDeadline)
        #expect(check("BR", closed: true) == .callClosed)
        #expect(check("AR") == .notFocalPointOfParty)
        #expect(check("BR", false) == .notFocalPointOfParty)
        #expect(check(nil) == .notFocalPointOfParty)
        #expect(check("", candidate: "") == .notFocalPointOfParty)
    }

    @Test("every refusal has its own error.advisory catalog key")
    func catalogKeys() {
        let all: [AdvisoryRefusal] = [.regionFull(.african), .noRegion, .alreadySelected, .afterDeadline, .callClosed, .notFocalPointOfParty]
        let keys = all.map(\.catalogKey)
        #expect(Set(keys).count == all.count)
        #expect(keys.allSatisfy { $0.hasPrefix("error.advisory.") })
        #expect(AdvisoryRefusal.regionFull(.asiaPacific).catalogKey == "error.advisory.region-full")
    }
}
