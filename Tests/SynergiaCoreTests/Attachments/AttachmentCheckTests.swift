import Foundation
import SynergiaCore
import Testing
import ZIPFoundation

/// What may be attached to an answer: decided by the file's content, its name made safe.
@Suite("A file attached to an answer")
struct AttachmentCheckTests {
    static let pdf = Data("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    /// A ZIP archive holding `entries`, as an office file is.
    static func zip(_ entries: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in entries.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    @Test("accepted by content: PDF, PNG, JPEG, Word, Excel, OpenDocument, CSV and text, each with its SHA-256 and a name of its type")
    func accepted() throws {
        let docx = try Self.zip(["[Content_Types].xml": "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
                                 "word/document.xml": "<w:document/>"])
        let xlsx = try XLSXWriter.write([SpreadsheetSheet(name: "Data", rows: [["a"]])])
        let odt = try Self.zip(["mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"])
        let cases: [(Data, String, AttachmentType)] = [
            (Self.pdf, "NBSAP 2030.pdf", .pdf), (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]), "map.png", .png),
            (Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), "photo.JPG", .jpeg), (docx, "law.docx", .docx), (xlsx, "data.xlsx", .xlsx),
            (odt, "plan.odt", .odt), (Data("year,value\n2020,1\n".utf8), "series.csv", .csv), (Data("Notes\tand tabs\r\n".utf8), "notes.txt", .txt),
        ]
        for (data, name, type) in cases {
            let checked = try AttachmentCheck.check(data, filename: name).get()
            #expect(checked.type == type, "\(name)")
            #expect(checked.size == data.count && checked.sha256 == SHA256Hex.digest(data))
        }
        #expect(try AttachmentCheck.check(Self.pdf, filename: "C:\\Users\\fp\\Documents\\loi.pdf").get().filename == "loi.pdf")
        #expect(try AttachmentCheck.check(Self.pdf, filename: "../../etc/قانون.pdf").get().filename == "قانون.pdf")
        #expect(try AttachmentCheck.check(Self.pdf, filename: "a\"b;\r\nc.pdf").get().filename == "abc.pdf", "no quote, separator or line break reaches a header")
    }

    @Test("refused: empty, over 10 MB, HTML or SVG (even named .pdf or .txt), an executable, any other ZIP, a name that does not match the content, no name")
    func refused() throws {
        let big = Self.pdf + Data(count: AttachmentCheck.maxBytes)
        let cases: [(Data, String, AttachmentCheck.Problem)] = [
            (Data(), "empty.pdf", .empty), (big, "big.pdf", .tooLarge),
            (Data("<!DOCTYPE html><script>alert(1)</script>".utf8), "report.pdf", .typeNotAllowed),
            (Data("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".utf8), "map.txt", .typeNotAllowed),
            (Data([0x4D, 0x5A, 0x90, 0x00, 0x03]), "setup.pdf", .typeNotAllowed),
            (Data([0x7F, 0x45, 0x4C, 0x46, 0x02]), "tool.txt", .typeNotAllowed),
            (try Self.zip(["readme.txt": "hello"]), "bundle.docx", .typeNotAllowed),
            (Self.pdf, "NBSAP.png", .nameDoesNotMatch), (Self.pdf, "NBSAP", .nameDoesNotMatch),
            (Data("year,value\n".utf8), "series.html", .nameDoesNotMatch),
            (Self.pdf, "   ", .name), (Self.pdf, "..", .name), (Self.pdf, ".pdf", .name),
            (Self.pdf, String(repeating: "x", count: AttachmentCheck.maxFilename) + ".pdf", .name),
        ]
        for (data, name, problem) in cases {
            #expect(throws: problem, "\(name.prefix(40))") { try AttachmentCheck.check(data, filename: name).get() }
        }
    }

    @Test("a Word file whose content-types part inflates past 1 MB is refused without inflating it all (a ZIP bomb)")
    func zipBomb() throws {
        let padding = String(repeating: " ", count: 50_000_000)
        let bomb = try Self.zip(["[Content_Types].xml": "<Types>" + padding + "wordprocessingml.document.main+xml</Types>", "word/document.xml": "<w:document/>"])
        #expect(bomb.count < 1_000_000, "the archive is small; its part is 50 MB inflated")
        #expect(throws: AttachmentCheck.Problem.typeNotAllowed) { try AttachmentCheck.check(bomb, filename: "law.docx").get() }
    }

    @Test("one that lies about its inflated size (its headers say 1 kB) is stopped at 1 MB all the same")
    func lyingZipBomb() throws {
        let padding = String(repeating: " ", count: 50_000_000)
        var bomb = try Self.zip(["[Content_Types].xml": "<Types>" + padding + "wordprocessingml.document.main+xml</Types>", "word/document.xml": "<w:document/>"])
        // The uncompressed size of every entry, in its local header (offset 22) and central directory record (offset 24), set to 1,000.
        func patch(signature: [UInt8], offset: Int) {
            var index = bomb.startIndex
            while let range = bomb[index...].firstRange(of: signature) {
                bomb.replaceSubrange(range.lowerBound + offset..<range.lowerBound + offset + 4, with: [0xE8, 0x03, 0x00, 0x00])
                index = range.upperBound
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], offset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], offset: 24)
        #expect(throws: AttachmentCheck.Problem.typeNotAllowed) { try AttachmentCheck.check(bomb, filename: "law.docx").get() }
    }

    @Test("a ZIP is opened only when its end record is whole (ZIPFoundation would keep a broken one's bytes for ever)")
    func endRecord() throws {
        let archive = try Self.zip(["mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"])
        #expect(ZIPData.archive(archive) != nil)
        #expect(ZIPData.archive(archive.dropLast(1)) == nil, "the end record cut short")
        #expect(ZIPData.archive(Data(archive.prefix(archive.count - 22))) == nil, "no end record")
        var lying = archive
        lying[lying.count - 2] = 0x10  // a comment of 16 bytes that is not there
        #expect(ZIPData.archive(lying) == nil)
        #expect(ZIPData.archive(Data([0x50, 0x4B, 0x05, 0x06])) == nil && ZIPData.archive(Data()) == nil)
        #expect(throws: AttachmentCheck.Problem.typeNotAllowed) { try AttachmentCheck.check(archive.dropLast(1), filename: "plan.odt").get() }
    }

    @Test("a ZIP whose entries point past its end is refused, not a stopped process (found by FuzzAttachmentCheck: ZIPFoundation's in-memory archive trapped on it)")
    func offsetsPastTheEnd() throws {
        let found = try #require(Data(base64Encoded: "UEsDBBQAAAAIAJE9fF3dEsBqZwAAAHkAAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbD2NSwqDMBQAryJuxeQCqRsP0E0vEJIXeZD34SW19fYqhW5nGCa8DoW2hOcOZphhWIU7cL/xY4yqFVPsKOx3zk4U+Eu1iFHsbZZSMEGW9KYrcR+xrCYJWkPeqLq/oYg8XeHol+B/xxNQSwd5PGh0bWxhbHVlCjIwMjAsMQoADQAAABEAAAB3b3JkL2RvY3VtZW50Lnht/bMpt0rJTy7NTc0r0bcDAFBLAQIUAxQAAAAIAJE9fF3dEsBqZwAAAHkAAAATAAAAAAAAB3k8aHRtbGFsdWUKMjAyMCwxCgANAAAAEQAAAHdvcmQvZG9jdW1lbnQueG39sym3SslPLs1NzSvRtwMAUEsBAhQDFAAAAAgAkT18Xd0SwGpnAAAAeQAAABMAAAAAUEsFBgAAAAACAAIAgAAAANYAAAAAAA=="))
        #expect(throws: AttachmentCheck.Problem.typeNotAllowed) { try AttachmentCheck.check(found, filename: "law.docx").get() }
        #expect(throws: XLSXError.self) { try XLSXReader.firstSheet(found) }
    }

    @Test("the download's Content-Disposition: an ASCII fallback and the UTF-8 name, percent-encoded")
    func disposition() {
        #expect(DownloadDisposition.attachment(filename: "NBSAP 2030.pdf") == "attachment; filename=\"NBSAP 2030.pdf\"; filename*=UTF-8''NBSAP%202030.pdf")
        #expect(DownloadDisposition.attachment(filename: "قانون.pdf") == "attachment; filename=\"_____.pdf\"; filename*=UTF-8''%D9%82%D8%A7%D9%86%D9%88%D9%86.pdf")
    }
}
