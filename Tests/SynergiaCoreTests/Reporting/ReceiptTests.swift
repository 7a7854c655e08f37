import Foundation
import Testing
@testable import SynergiaCore

@Suite("Canonical JSON and receipts")
struct ReceiptTests {
    let at = Date(timeIntervalSince1970: 1_795_700_000.1239)

    @Test func sha256HexMatchesTheStandardVector() {
        #expect(SHA256Hex.digest(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hex.digest(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var stream = SHA256Hex.Stream()
        stream.update("a")
        stream.update("bc")
        #expect(stream.finalize() == SHA256Hex.digest(Data("abc".utf8)))
        #expect(SHA256Hex.hex([0x00, 0x0f, 0x10, 0xa5, 0xf0, 0xff]) == "000f10a5f0ff")
    }

    @Test func sameContentSameBytesWhateverTheKeyOrder() throws {
        var first: [String: AnswerValue] = [:]
        first["z"] = .number(1)
        first["a"] = .shortText("x/y")
        var second: [String: AnswerValue] = [:]
        second["a"] = .shortText("x/y")
        second["z"] = .number(1)
        #expect(try CanonicalJSON.encode(first) == CanonicalJSON.encode(second))
        #expect(String(decoding: try CanonicalJSON.encode(first), as: UTF8.self)
                == #"{"a":{"type":"shortText","value":"x/y"},"z":{"type":"number","value":1}}"#)
    }

    @Test func canonicalizeRemovesWhitespaceAndOrdersKeys() throws {
        let a = try CanonicalJSON.canonicalize(Data("{ \"b\": [1, 2],\n \"a\": {\"d\": true, \"c\": null} }".utf8))
        let b = try CanonicalJSON.canonicalize(Data(#"{"a":{"c":null,"d":true},"b":[1,2]}"#.utf8))
        #expect(a == b)
        #expect(String(decoding: a, as: UTF8.self) == #"{"a":{"c":null,"d":true},"b":[1,2]}"#)
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(CanonicalJSON.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(CanonicalJSON.timestamp(at) == "2026-11-26T13:33:20.123Z")
        #expect(CanonicalJSON.timestamp(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    }

    @Test func receiptHashesTheContent() throws {
        let content = try CanonicalJSON.encode(["cbd-7nr.s1.q1": AnswerValue.shortText("Ana")])
        let receipt = SubmissionReceipt.make(content: content, submittedAt: at, party: "FR", convention: "CBD", template: "cbd-7nr", version: 1)
        #expect(receipt.sha256 == SHA256Hex.digest(content))
        #expect(receipt.sha256.count == 64)
        #expect(receipt.byteCount == content.count)
        #expect(receipt.reference == "CBD-FR-cbd-7nr-v1-\(receipt.sha256.prefix(12))")
        #expect(receipt.matches(content))
        let changed = try CanonicalJSON.encode(["cbd-7nr.s1.q1": AnswerValue.shortText("Anna")])
        #expect(!receipt.matches(changed))
        let again = try SubmissionReceipt.make(report: ["cbd-7nr.s1.q1": AnswerValue.shortText("Ana")], submittedAt: at,
                                               party: "FR", convention: "CBD", template: "cbd-7nr", version: 1)
        #expect(again == receipt)
        let other = SubmissionReceipt.make(content: changed, submittedAt: at, party: "FR", convention: "CBD", template: "cbd-7nr", version: 1)
        #expect(other.sha256 != receipt.sha256)
    }
}
