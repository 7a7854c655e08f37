import Foundation
import Testing
@testable import SynergiaCore

struct WorkflowCase: Sendable, CustomTestStringConvertible {
    var from: ReportStatus
    var to: ReportStatus
    var role: Role?
    var testDescription: String { "\(from.rawValue)→\(to.rawValue) by \(role?.rawValue ?? "no role")" }

    /// The whole workflow, written out: (from, to) → roles allowed.
    static let allowed: [String: Set<Role>] = [
        "draft→in-review": [.focalPoint, .contributor],
        "in-review→draft": [.focalPoint, .publishingAuthority],
        "in-review→approved": [.focalPoint, .publishingAuthority],
        "approved→submitted": [.focalPoint],
        "submitted→published": [.secretariat],
    ]

    static let all: [WorkflowCase] = ReportStatus.allCases.flatMap { from in
        ReportStatus.allCases.flatMap { to in ([nil] + Role.allCases).map { WorkflowCase(from: from, to: to, role: $0) } }
    }
}

@Suite("Report workflow")
struct ReportWorkflowTests {
    @Test(arguments: WorkflowCase.all)
    func everyStepAndRole(_ c: WorkflowCase) {
        let actor = Actor(role: c.role, party: "FR", convention: "CBD")
        let result = ReportWorkflow.transition(from: c.from, to: c.to, by: actor, party: "FR", convention: "CBD")
        let step = "\(c.from.rawValue)→\(c.to.rawValue)"
        switch WorkflowCase.allowed[step] {
        case nil:
            #expect(result == .failure(.noSuchTransition(from: c.from, to: c.to)))
        case let roles? where c.role.map(roles.contains) == true:
            #expect(result == .success(c.to))
        case _?:
            #expect(result == .failure(.roleNotAllowed(c.role)))
        }
    }

    @Test func coversAllCases() { #expect(WorkflowCase.all.count == 5 * 5 * (Role.allCases.count + 1)) }

    @Test("a publication request expires after thirty days; a rejection needs a reason of at most 2,000 characters")
    func publicationRequests() {
        let asked = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(!PublicationRequest.isExpired(requestedAt: asked, now: asked.addingTimeInterval(29 * 86_400)))
        #expect(PublicationRequest.isExpired(requestedAt: asked, now: asked.addingTimeInterval(30 * 86_400)))
        #expect(!PublicationRequest.isExpired(requestedAt: nil, now: asked))
        #expect(PublicationRequest.reason("  \n ") == nil && PublicationRequest.reason(String(repeating: "x", count: 2_001)) == nil)
        #expect(PublicationRequest.reason(" Section 2 lacks the 2025 figures. ") == "Section 2 lacks the 2025 figures.")
    }

    @Test func focalPointMustBeOfThePartyAndConvention() {
        let otherParty = Actor(role: .focalPoint, party: "DE", convention: "CBD")
        let otherConvention = Actor(role: .focalPoint, party: "FR", convention: "CMS")
        for (from, to) in [(ReportStatus.draft, ReportStatus.inReview), (.inReview, .approved), (.approved, .submitted), (.inReview, .draft)] {
            #expect(ReportWorkflow.transition(from: from, to: to, by: otherParty, party: "FR", convention: "CBD") == .failure(.otherParty))
            #expect(ReportWorkflow.transition(from: from, to: to, by: otherConvention, party: "FR", convention: "CBD") == .failure(.otherConvention))
        }
    }

    @Test func contributorNeedsOnlyTheParty() {
        let contributor = Actor(role: .contributor, party: "FR")
        #expect(ReportWorkflow.transition(from: .draft, to: .inReview, by: contributor, party: "FR", convention: "CBD") == .success(.inReview))
        #expect(ReportWorkflow.transition(from: .draft, to: .inReview, by: contributor, party: "BR", convention: "CBD") == .failure(.otherParty))
    }

    @Test func onlyTheConventionsSecretariatPublishes() {
        let cms = Actor(role: .secretariat, convention: "CMS")
        #expect(ReportWorkflow.transition(from: .submitted, to: .published, by: cms, party: "FR", convention: "CBD") == .failure(.otherConvention))
        #expect(ReportWorkflow.transition(from: .submitted, to: .published, by: cms, party: "FR", convention: "CMS") == .success(.published))
    }

    @Test func lockedStatuses() {
        #expect(ReportStatus.allCases.filter(\.isLocked) == [.submitted, .published])
        #expect(ReportWorkflow.isLocked(.submitted) && !ReportWorkflow.isLocked(.approved))
    }

    @Test func amendmentOpensANewDraftVersion() {
        let fp = Actor(role: .focalPoint, party: "FR", convention: "CBD")
        for status in ReportStatus.allCases {
            #expect(ReportWorkflow.canAmend(status, by: fp, party: "FR", convention: "CBD") == status.isLocked)
        }
        #expect(ReportWorkflow.amend(.published, version: 2, by: fp, party: "FR", convention: "CBD") == .success(ReportAmendment(status: .draft, version: 3)))
        #expect(ReportWorkflow.amend(.approved, version: 2, by: fp, party: "FR", convention: "CBD") == .failure(.noSuchTransition(from: .approved, to: .draft)))
        let contributor = Actor(role: .contributor, party: "FR", convention: "CBD")
        #expect(!ReportWorkflow.canAmend(.submitted, by: contributor, party: "FR", convention: "CBD"))
        #expect(!ReportWorkflow.canAmend(.submitted, by: Actor(role: .focalPoint, party: "FR", convention: "CMS"), party: "FR", convention: "CBD"))
        #expect(WorkflowRefusal.noSuchTransition(from: .draft, to: .published).catalogKey == "error.workflow.no-such-transition")
    }
}

@Test func statusRawValuesMatchStorage() {
    #expect(ReportStatus.allCases.map(\.rawValue) == ["draft", "in-review", "approved", "submitted", "published"])
}
