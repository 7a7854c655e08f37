import Foundation
import FuzzDriver
import SynergiaCore

/// libFuzzer target: a decision's text, in any of the six UN languages, through everything
/// `synergia decisions parse` and the decision import do with it without a database — the
/// parser, its JSON and outline, the action items and their due dates.

/// The shipped meeting calendar, read once.
let calendar: MeetingCalendar = {
    do { return try MeetingCalendar.load() } catch { fatalError("cannot load the meeting calendar: \(error)") }
}()

/// A line in each language, parsed once before fuzzing.
let warmUp = [
    "1. Requests the Executive Secretary to report by 2020;", "1. Prie la Secrétaire exécutive de faire rapport;",
    "1. Pide al Secretario Ejecutivo que informe;", "1. просит Исполнительного секретаря представить доклад;",
    "1- يطلب إلى الأمين التنفيذي أن يقدم تقريرا؛", "1. 请执行秘书提交报告；",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Any bytes: invalid UTF-8 becomes U+FFFD, as `readText` in the command line does.
    fuzzText(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
}

func fuzzText(_ text: String) -> CInt {
    let decision = DecisionParser.parse(text)
    _ = decision.summary()
    do {
        _ = try decision.jsonData()
    } catch {
        fatalError("a parsed decision does not encode as JSON: \(error)")
    }
    for draft in DecisionActionItems.drafts(from: decision) {
        for deadline in draft.deadlines { _ = calendar.dueDate(of: deadline) }
    }
    return 0
}

@main
enum Main {
    static func main() {
        // Read the calendar and build the parser's phrase tables now, not within the first
        // input's time limit.
        _ = calendar
        for sample in warmUp { _ = fuzzText(sample) }
        // libFuzzer always passes a buffer, even for an empty input.
        exit(synergia_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in data.map { fuzz($0, size) } ?? 0 })
    }
}
