import Foundation
import FuzzDriver
import SynergiaCore

/// libFuzzer target: an offline report package uploaded to Kenya's CBD 7th national report (the
/// shipped template with a question of every type), read by both readers — the upload picks
/// JSON when the text starts with `{`, CSV otherwise — and, when read, written back out.

/// The expectation of an upload to that report, read once.
let expectation: PackageExpectation = {
    do {
        guard let template = try ReportTemplates.load().first(where: { $0.id == "cbd-7nr" }) else {
            fatalError("the shipped templates have no cbd-7nr")
        }
        return PackageExpectation(template: template, party: "KE")
    } catch {
        fatalError("cannot load the report templates: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzBytes(Data(UnsafeBufferPointer(start: data, count: size)))
}

func fuzzBytes(_ bytes: Data) -> CInt {
    let text = String(decoding: bytes, as: UTF8.self)
    for reading in [ReportPackage.parseJSON(bytes, expecting: expectation),
                    ReportPackage.parseCSV(text, expecting: expectation)] {
        switch reading {
        case .package(let package):
            do {
                _ = try package.jsonData()
                _ = try package.csv(template: expectation.template)
            } catch {
                fatalError("a package that was read does not write back: \(error)")
            }
        case .problems(let problems):
            for problem in problems { _ = "\(problem)" }
        }
    }
    return 0
}

@main
enum Main {
    static func main() {
        // Read the template and start both readers now, not within the first input's time limit.
        _ = fuzzBytes(Data(#"{"template": "cbd-7nr", "answers": {}}"#.utf8))
        // libFuzzer always passes a buffer, even for an empty input.
        exit(synergia_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in data.map { fuzz($0, size) } ?? 0 })
    }
}
