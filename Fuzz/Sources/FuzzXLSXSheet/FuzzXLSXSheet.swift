import Foundation
import FuzzDriver
import SynergiaCore

/// libFuzzer target: a workbook's sheet and shared strings (the XML inside an `.xlsx`; the ZIP
/// around them checks each part's CRC, which would turn away nearly every mutation), read as the
/// reader reads an uploaded workbook; what was read is written back out as a workbook and read
/// again, and must give the same rows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    // The input is the sheet, then (after a NUL, if there is one) the shared strings.
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let shared = parts.count > 1 ? ((try? XLSXReader.sharedStrings(Data(parts[1]))) ?? []) : []
    guard let rows = try? XLSXReader.rows(ofSheet: Data(parts[0]), shared: shared) else { return 0 }
    let sheet = SpreadsheetSheet(name: "Data", rows: rows.map { $0.cells.map { .text($0) } })
    if let written = try? XLSXWriter.write([sheet]), let again = try? XLSXReader.firstSheet(written) {
        let kept = rows.map { $0.cells.map { XLSXWriter.cellText($0) } }.filter { !$0.isEmpty }
        precondition(again.map(\.cells) == kept.map { cells in
            var cells = cells
            while cells.last == "" { cells.removeLast() }
            return cells
        }.filter { !$0.isEmpty }, "a workbook written from what was read reads differently")
    }
    return 0
}

@main
enum Main {
    static func main() {
        // libFuzzer always passes a buffer, even for an empty input.
        exit(synergia_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in data.map { fuzz($0, size) } ?? 0 })
    }
}
