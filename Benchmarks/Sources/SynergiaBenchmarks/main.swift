import Benchmark
import Foundation
import SynergiaCore

// Decision parser throughput and linearity: the seed decision (CBD XII/6, Chinese, as
// extracted from the PDF) and the five test fixtures, concatenated up to 1, 5 and 10 MB.
// Throughput = size / median time; time per MB stays flat when parsing is linear.

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/SynergiaTestFixtures/Fixtures/Decisions")
let sample: String = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
    return names.compactMap { try? String(contentsOf: fixtures.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n\n")
}()
precondition(!sample.isEmpty, "no fixtures found at \(fixtures.path)")

func text(megabytes: Int, from sample: String = sample) -> String {
    let target = megabytes * 1_000_000
    var out = ""
    out.reserveCapacity(target + sample.utf8.count)
    while out.utf8.count < target { out += sample; out += "\n\n" }
    return out
}

let seed = try String(contentsOf: fixtures.appendingPathComponent("XII-6.zh.txt"), encoding: .utf8)
let oneMB = text(megabytes: 1), fiveMB = text(megabytes: 5), tenMB = text(megabytes: 10)

benchmark("parse seed XII/6 (\(seed.utf8.count) bytes)") { _ = DecisionParser.parse(seed) }
benchmark("parse 1 MB (\(oneMB.utf8.count) bytes)") { _ = DecisionParser.parse(oneMB) }
benchmark("parse 5 MB (\(fiveMB.utf8.count) bytes)") { _ = DecisionParser.parse(fiveMB) }
benchmark("parse 10 MB (\(tenMB.utf8.count) bytes)") { _ = DecisionParser.parse(tenMB) }

// One language at a time (each fixture repeated to 5 MB): the slowest language is the bound.
for name in ["XII-6.zh", "14-30.en", "14-30.fr", "14-30.es", "14-30.ru", "14-30.ar"] {
    let single = text(megabytes: 5, from: try String(contentsOf: fixtures.appendingPathComponent("\(name).txt"), encoding: .utf8))
    benchmark("parse 5 MB of \(name) (\(single.utf8.count) bytes)") { _ = DecisionParser.parse(single) }
}

Benchmark.main()
