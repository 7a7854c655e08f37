import Foundation
import FuzzDriver
import SynergiaCore

/// libFuzzer target: an indicator data file, read as plain CSV and as SDMX-CSV against the
/// shipped indicators and Parties (as the import page does), and what was read written back out.

struct Known: Sendable {
    var indicators: Set<String>
    var parties: Set<String>
    var nationalOwners: [String: String]
}

/// The shipped registry and Parties, plus two national indicators, read once.
let known: Known = {
    do {
        let national = ["KE-NAT-1": "KE", "FR-NAT-1": "FR"]
        return Known(indicators: try IndicatorRegistry.load().codes.union(national.keys),
                     parties: Set(try ReferenceData.load().parties.map(\.alpha2)),
                     nationalOwners: national)
    } catch {
        fatalError("cannot load the reference data: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzText(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
}

func fuzzText(_ text: String) -> CInt {
    for format in IndicatorCSVFormat.allCases {
        let result = IndicatorImport.parse(csv: text, format: format, knownIndicators: known.indicators,
                                           knownParties: known.parties, periodRange: 1950...2100,
                                           nationalIndicatorOwners: known.nationalOwners)
        switch result {
        case .success(let points):
            _ = IndicatorExport.csv(points)
            _ = IndicatorExport.sdmxCSV(points)
            _ = IndicatorExport.json(points)
        case .failure(let errors):
            _ = errors.description
            _ = errors.lines
        }
    }
    return 0
}

@main
enum Main {
    static func main() {
        // Read the reference data and start the CSV reader now, not within the first input's time limit.
        _ = fuzzText("party,indicator,period,value\nKE,A.1,2020,1\n")
        // libFuzzer always passes a buffer, even for an empty input.
        exit(synergia_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in data.map { fuzz($0, size) } ?? 0 })
    }
}
