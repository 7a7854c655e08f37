import Foundation
import Testing
@testable import SynergiaCore

@Suite("Audit chain")
struct AuditChainTests {
    func chain(_ count: Int = 4) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for n in 1...count {
            entries.append(AuditChain.append(to: entries, at: Date(timeIntervalSince1970: 1_795_700_000 + Double(n) + 0.0004),
                                             actor: "user-\(n)", action: "answer.save", subject: "cbd-7nr.s1.q\(n)",
                                             before: n == 1 ? nil : "v\(n - 1)", after: "v\(n)"))
        }
        return entries
    }

    @Test func appendLinksEntries() {
        let entries = chain()
        #expect(entries.map(\.sequence) == [1, 2, 3, 4])
        #expect(entries[0].previousHash == AuditChain.genesisHash)
        #expect(entries[2].previousHash == entries[1].hash)
        #expect(Set(entries.map(\.hash)).count == 4)
        #expect(AuditChain.verify(entries) == .intact(count: 4))
        #expect(AuditChain.verify(entries, head: AuditHead(sequence: 4, hash: entries[3].hash)) == .intact(count: 4))
        #expect(AuditChain.verify([]) == .intact(count: 0))
    }

    @Test func serializationIncludesThePreviousHashAndNulls() {
        let text = String(decoding: AuditChain.serialization(of: chain(1)[0]), as: UTF8.self)
        #expect(text == #"{"action":"answer.save","actor":"user-1","after":"v1","at":"2026-11-26T13:33:21.000Z","before":null,"#
                + #""previousHash":"\#(AuditChain.genesisHash)","sequence":1,"subject":"cbd-7nr.s1.q1"}"#)
    }

    @Test func survivesAStorageRoundTrip() throws {
        let entries = chain()
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        let back = try decoder.decode([AuditEntry].self, from: encoder.encode(entries))
        #expect(AuditChain.verify(back) == .intact(count: 4))
    }

    @Test func aStateHashIsHashedAndCannotBeChangedOrDropped() {
        var entries = chain(2)
        entries.append(AuditChain.append(to: entries, at: Date(timeIntervalSince1970: 1_795_700_100), actor: "a", action: "answer.saved",
                                         subject: "answer/r/q", after: "v", stateHash: String(repeating: "a", count: 64)))
        #expect(String(decoding: AuditChain.serialization(of: entries[2]), as: UTF8.self).contains(#""stateHash":"aaaa"#))
        #expect(!String(decoding: AuditChain.serialization(of: entries[1]), as: UTF8.self).contains("stateHash"))
        #expect(AuditChain.verify(entries) == .intact(count: 3))
        var changed = entries
        changed[2].stateHash = String(repeating: "b", count: 64)
        #expect(AuditChain.verify(changed) == .broken(atSequence: 3, reason: .hashMismatch))
        changed[2].stateHash = nil
        #expect(AuditChain.verify(changed) == .broken(atSequence: 3, reason: .hashMismatch))
    }

    @Test(arguments: ["before", "after", "actor", "action", "subject", "at"])
    func findsATamperedField(_ field: String) {
        var entries = chain()
        switch field {
        case "before": entries[2].before = "forged"
        case "after": entries[2].after = nil
        case "actor": entries[2].actor = "someone-else"
        case "action": entries[2].action = "status.submit"
        case "subject": entries[2].subject = "x"
        default: entries[2].at = entries[2].at.addingTimeInterval(1)
        }
        #expect(AuditChain.verify(entries) == .broken(atSequence: 3, reason: .hashMismatch))
    }

    @Test func rehashingATamperedEntryBreaksTheNextLink() {
        var entries = chain()
        entries[1].after = "forged"
        entries[1].hash = AuditChain.hash(of: entries[1])
        #expect(AuditChain.verify(entries) == .broken(atSequence: 3, reason: .previousHashMismatch))
    }

    @Test func findsDeletedAndReorderedEntries() {
        let entries = chain()
        #expect(AuditChain.verify([entries[0], entries[1], entries[3]]) == .broken(atSequence: 4, reason: .sequenceOutOfOrder(expected: 3)))
        #expect(AuditChain.verify([entries[0], entries[2], entries[1], entries[3]]) == .broken(atSequence: 3, reason: .sequenceOutOfOrder(expected: 2)))
        #expect(AuditChain.verify(Array(entries.dropFirst())) == .broken(atSequence: 2, reason: .sequenceOutOfOrder(expected: 1)))
        var renumbered = [entries[0], entries[2]]
        renumbered[1].sequence = 2
        #expect(AuditChain.verify(renumbered) == .broken(atSequence: 2, reason: .previousHashMismatch))
        #expect(AuditChain.verify(Array(entries.prefix(3)), head: AuditHead(sequence: 4, hash: entries[3].hash)) == .broken(atSequence: 3, reason: .headMismatch))
        #expect(AuditChain.verify([], head: AuditHead(sequence: 4, hash: entries[3].hash)) == .broken(atSequence: 0, reason: .headMismatch))
        #expect(AuditChain.verify([], head: .empty) == .intact(count: 0))
    }
}
