import Foundation
import Testing
@testable import SynergiaCore

@Suite("Concurrent edits")
struct ConflictCheckTests {
    let theirs = AnswerRevision(questionID: "q", value: .number(5), version: 3, author: "b", at: Date(timeIntervalSince1970: 0))

    @Test func savesOnTheCurrentVersion() {
        #expect(ConflictCheck.save(new: .number(6), baseVersion: 3, current: theirs) == .saved(version: 4))
        #expect(ConflictCheck.save(new: .number(6), baseVersion: 0, current: nil) == .saved(version: 1))
    }

    @Test func staleOrFutureBaseIsAConflict() {
        #expect(ConflictCheck.save(new: .number(6), baseVersion: 2, current: theirs) == .conflict(mine: .number(6), theirs: theirs))
        #expect(ConflictCheck.save(new: .number(5), baseVersion: 2, current: theirs) == .conflict(mine: .number(5), theirs: theirs))
        #expect(ConflictCheck.save(new: .number(6), baseVersion: 4, current: theirs) == .conflict(mine: .number(6), theirs: theirs))
    }
}
