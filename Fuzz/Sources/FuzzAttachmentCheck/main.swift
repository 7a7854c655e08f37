import Foundation
import FuzzDriver
import SynergiaCore

/// libFuzzer target: a file as uploaded to an answer or a national target, checked as the server
/// checks it (its type by its content, opening a ZIP to tell an office file from any other). The
/// first byte picks the name it is uploaded under; the rest is the file. Whatever it holds, the
/// check answers (no crash, no hang, memory bounded), and what it accepts keeps its promises.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let names = ["a.pdf", "a.png", "a.jpg", "a.docx", "a.xlsx", "a.odt", "a.ods", "a.csv", "a.txt", "a.html", "a", "../../x.pdf"]
    let name = names[Int(data[0]) % names.count]
    let file = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if case .success(let checked) = AttachmentCheck.check(file, filename: name) {
        precondition(checked.size == file.count && checked.sha256 == SHA256Hex.digest(file), "size and digest are the file's")
        let ext = String(checked.filename.split(separator: ".").last ?? "").lowercased()
        precondition(checked.type.extensions.contains(ext), "an accepted file is named for its type")
        precondition(!checked.filename.contains("/") && !checked.filename.contains("\""), "a name safe for a header")
        if checked.type == .txt || checked.type == .csv {
            let start = String(decoding: file.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            precondition(!start.hasPrefix("<html") && !start.hasPrefix("<svg"), "no markup passes as text")
        }
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
