import SynergiaCore
import Testing

/// Every role × every action, with the expected answer spelled out: the whole policy table.
@Suite("Authorization policy")
struct AuthorizationPolicyTests {
    /// One actor of each role (and a second, differently scoped one where scope matters).
    static let actors: [String: Actor] = [
        "public": .publicVisitor,
        "admin": .administrator,
        "cbd-secretariat": .secretariat("CBD"),
        "ramsar-secretariat": .secretariat("RAMSAR"),
        "bureau": .bureau,
        "ke-cbd-focal-point": .focalPoint("KE", "CBD"),
        "ke-ramsar-focal-point": .focalPoint("KE", "RAMSAR"),
        "fr-cbd-focal-point": .focalPoint("FR", "CBD"),
        "ke-contributor": .contributor("KE"),
        "fr-contributor": .contributor("FR"),
        "ke-cbd-publishing-authority": .publishingAuthority("KE", "CBD"),
        "ke-ramsar-publishing-authority": .publishingAuthority("KE", "RAMSAR"),
        "fr-cbd-publishing-authority": .publishingAuthority("FR", "CBD"),
    ]

    /// Each action, on Kenya and the CBD, and who may do it. Everyone else is refused.
    static let table: [(Action, Set<String>)] = [
        (.readPublic, Set(actors.keys)),
        (.manageOwnAccount, Set(actors.keys).subtracting(["public"])),
        (.manageUsers, ["admin"]),
        (.editReferenceData, ["admin"]),
        (.manageReportingCycles(convention: "CBD"), ["cbd-secretariat"]),
        (.startReport(party: "KE", convention: "CBD"), ["ke-cbd-focal-point"]),
        (.editReport(party: "KE", convention: "CBD"), ["ke-cbd-focal-point", "ke-contributor"]),
        (.readDraftReport(party: "KE", convention: "CBD"), ["ke-cbd-focal-point", "ke-contributor", "cbd-secretariat", "ke-cbd-publishing-authority"]),
        (.submitReport(party: "KE", convention: "CBD"), ["ke-cbd-focal-point"]),
        (.decidePublication(party: "KE", convention: "CBD"), ["ke-cbd-focal-point", "ke-cbd-publishing-authority"]),
        (.publishReport(convention: "CBD"), ["cbd-secretariat"]),
        (.editCrosswalks(convention: "CBD"), ["cbd-secretariat"]),
        (.editIndicatorData(party: "KE"), ["ke-cbd-focal-point", "ke-ramsar-focal-point", "ke-contributor"]),
        (.publishIndicatorData(party: "KE"), ["ke-cbd-focal-point", "ke-ramsar-focal-point"]),
        (.editNationalTargets(party: "KE"), ["ke-cbd-focal-point", "ke-ramsar-focal-point", "ke-contributor",
                                             "ke-cbd-publishing-authority", "ke-ramsar-publishing-authority"]),
        (.publishNationalTargets(party: "KE"), ["ke-cbd-focal-point", "ke-ramsar-focal-point",
                                                "ke-cbd-publishing-authority", "ke-ramsar-publishing-authority"]),
        (.recordAssessment(party: "KE", convention: "CBD"), ["ke-cbd-focal-point"]),
        (.trackDecisions(convention: "CBD"), ["cbd-secretariat"]),
        (.manageMeetings(convention: "CBD"), ["cbd-secretariat"]),
        (.publishNews(convention: "CBD"), ["cbd-secretariat"]),
        (.nominateCandidate(party: "KE"), ["ke-cbd-focal-point", "ke-ramsar-focal-point"]),
        (.selectAdvisoryGroup, ["bureau"]),
    ]

    static var pairs: [(String, Action, Bool)] {
        table.flatMap { action, allowed in
            actors.keys.sorted().map { name in (name, action, allowed.contains(name)) }
        }
    }

    @Test("each role × action pair", arguments: pairs)
    func decision(actor: String, action: Action, expected: Bool) {
        #expect(AuthorizationPolicy.permits(Self.actors[actor]!, action) == expected,
                "\(actor) \(expected ? "may" : "may not") \(action)")
    }

    @Test("the table decides every action, for every role and the public")
    func coverage() {
        let roles = Set(Self.actors.values.compactMap(\.role))
        #expect(roles == Set(Role.allCases))
        let decided = Self.table.map(\.0.kind)
        #expect(Set(decided) == Set(Action.Kind.allCases), "actions missing from the table: \(Set(Action.Kind.allCases).subtracting(decided))")
        #expect(decided.count == Set(decided).count, "each action once")
        #expect(Set(Self.table.flatMap(\.1)).isSubset(of: Set(Self.actors.keys)), "the table names only known actors")
    }

    @Test("the workflow asks the policy: each step is the policy's action")
    func workflowSteps() {
        #expect(ReportWorkflow.action(from: .draft, to: .inReview, party: "KE", convention: "CBD") == .editReport(party: "KE", convention: "CBD"))
        #expect(ReportWorkflow.action(from: .approved, to: .submitted, party: "KE", convention: "CBD") == .submitReport(party: "KE", convention: "CBD"))
        #expect(ReportWorkflow.action(from: .submitted, to: .published, party: "KE", convention: "CBD") == .publishReport(convention: "CBD"))
        #expect(ReportWorkflow.action(from: .draft, to: .submitted, party: "KE", convention: "CBD") == nil)
        for (name, actor) in Self.actors {
            for from in ReportStatus.allCases {
                for to in ReportStatus.allCases {
                    guard let action = ReportWorkflow.action(from: from, to: to, party: "KE", convention: "CBD") else { continue }
                    let allowed = if case .success = ReportWorkflow.transition(from: from, to: to, by: actor, party: "KE", convention: "CBD") { true } else { false }
                    #expect(allowed == AuthorizationPolicy.permits(actor, action), "\(name) \(from) → \(to)")
                }
            }
        }
    }

    @Test("account scopes fit their roles")
    func scopes() {
        #expect(AccountScope.validate(role: .focalPoint, party: "KE", convention: "CBD") == [])
        #expect(AccountScope.validate(role: .focalPoint, party: nil, convention: "CBD") == [.partyRequired])
        #expect(AccountScope.validate(role: .contributor, party: "KE", convention: "CBD") == [.conventionNotAllowed])
        #expect(AccountScope.validate(role: .secretariat, party: nil, convention: nil) == [.conventionRequired])
        #expect(AccountScope.validate(role: .administrator, party: "KE", convention: nil) == [.partyNotAllowed])
    }
}
