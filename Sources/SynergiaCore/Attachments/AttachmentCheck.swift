import Foundation
import ZIPFoundation

/// The kinds of document a Party may attach to an answer: what national reports cite (a legal
/// text, an NBSAP, a map, a table of data). Each is recognised by its content, not by its name.
public enum AttachmentType: String, Codable, Sendable, CaseIterable {
    case pdf, png, jpeg, docx, xlsx, odt, ods, csv, txt

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .csv: "text/csv"
        case .txt: "text/plain"
        }
    }

    /// The file name extensions a file of this type may have.
    public var extensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        case .txt: ["txt", "md"]
        default: [rawValue]
        }
    }

    /// The extensions of every type, for a file field's `accept` (`.pdf,.png,…`).
    public static var accept: String { allCases.flatMap(\.extensions).map { ".\($0)" }.joined(separator: ",") }

    public init?(mediaType: String) {
        guard let found = Self.allCases.first(where: { $0.mediaType == mediaType }) else { return nil }
        self = found
    }
}

/// A file as uploaded, checked: its type by its content, its name made safe to show and to
/// send back in a header.
public struct CheckedAttachment: Sendable, Equatable {
    public var type: AttachmentType
    public var filename: String
    public var size: Int
    public var sha256: String
}

/// Checks an uploaded file before it is stored: not empty, at most ``maxBytes``, one of the
/// ``AttachmentType``s by its first bytes (and, for the office formats, by what the archive holds),
/// and named with an extension of that type.
public enum AttachmentCheck {
    public static let maxBytes = 10 * 1024 * 1024
    public static let maxFilename = 200
    /// What one report (one version) may hold, replaced files included (they stay: an answer's history cites them).
    public static let maxFilesPerReport = 100
    public static let maxBytesPerReport = 250 * 1024 * 1024

    public enum Problem: Error, Sendable, Equatable {
        case empty, tooLarge, typeNotAllowed, nameDoesNotMatch, name

        public var catalogKey: String {
            switch self {
            case .empty: "error.attachment.empty"
            case .tooLarge: "error.attachment.too-large"
            case .typeNotAllowed: "error.attachment.type"
            case .nameDoesNotMatch: "error.attachment.name-type"
            case .name: "error.attachment.name"
            }
        }
    }

    public static func check(_ data: Data, filename rawName: String) -> Result<CheckedAttachment, Problem> {
        guard !data.isEmpty else { return .failure(.empty) }
        guard data.count <= maxBytes else { return .failure(.tooLarge) }
        guard let filename = safeFilename(rawName) else { return .failure(.name) }
        let ext = filename.split(separator: ".").count > 1 ? String(filename.split(separator: ".").last!).lowercased() : ""
        guard let type = detect(data, extension: ext) else { return .failure(.typeNotAllowed) }
        guard type.extensions.contains(ext) else { return .failure(.nameDoesNotMatch) }
        return .success(CheckedAttachment(type: type, filename: filename, size: data.count, sha256: SHA256Hex.digest(data)))
    }

    /// The name's last path component, without control characters, quotes or backslashes, and
    /// trimmed; nil when nothing is left, or it is too long.
    public static func safeFilename(_ raw: String) -> String? {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(String.UnicodeScalarView(last.unicodeScalars.filter { scalar in
            !(scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
              || scalar == "\"" || scalar == "\\" || scalar == ";" || scalar.properties.generalCategory == .lineSeparator
              || scalar.properties.generalCategory == .paragraphSeparator)
        })).trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty, cleaned != ".", cleaned != "..", !cleaned.hasPrefix("."), cleaned.count <= maxFilename else { return nil }
        return cleaned
    }

    /// The type of `data` by its content; a text file's by its extension (CSV or plain text).
    public static func detect(_ data: Data, extension ext: String) -> AttachmentType? {
        if data.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return office(data) }
        if isPlainText(data) { return ext == "csv" ? .csv : .txt }
        return nil
    }

    /// A Word or Excel file (Office Open XML), or an OpenDocument text or spreadsheet; any other ZIP archive is refused.
    static func office(_ data: Data) -> AttachmentType? {
        guard let archive = ZIPData.archive(data) else { return nil }
        // A part read to decide the type: at most 1 MB inflated, stopped as soon as it grows past
        // that (the size an archive declares is the uploader's word, not a limit).
        struct TooLarge: Error {}
        func small(_ path: String) -> String? {
            guard let entry = archive[path], entry.uncompressedSize <= 1_000_000 else { return nil }
            var bytes = Data()
            let read = try? archive.extract(entry, bufferSize: 16_384, skipCRC32: true) { chunk in
                guard bytes.count + chunk.count <= 1_000_000 else { throw TooLarge() }
                bytes.append(chunk)
            }
            guard read != nil else { return nil }
            return String(data: bytes, encoding: .utf8)
        }
        if let mimetype = small("mimetype")?.trimmingCharacters(in: .whitespacesAndNewlines) {
            return mimetype == AttachmentType.odt.mediaType ? .odt : mimetype == AttachmentType.ods.mediaType ? .ods : nil
        }
        guard let types = small("[Content_Types].xml") else { return nil }
        if types.contains("wordprocessingml.document.main+xml"), archive["word/document.xml"] != nil { return .docx }
        if types.contains("spreadsheetml.sheet.main+xml"), archive["xl/workbook.xml"] != nil { return .xlsx }
        return nil
    }

    /// UTF-8 without NUL and without control characters other than tab, line feed and carriage return,
    /// and not markup a browser would run (HTML or SVG).
    static func isPlainText(_ data: Data) -> Bool {
        guard let text = String(data: data, encoding: .utf8) else { return false }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F }) else {
            return false
        }
        let start = text.prefix(512).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return !(start.hasPrefix("<!doctype") || start.hasPrefix("<html") || start.hasPrefix("<svg") || start.hasPrefix("<?xml")
                 || start.hasPrefix("<script"))
    }
}

/// What a submission's receipt says of a file an answer refers to: enough to prove later that a
/// file is the one submitted.
public struct AttachmentDigest: Codable, Sendable, Equatable {
    public var filename: String
    public var mediaType: String
    public var size: Int
    public var sha256: String

    public init(filename: String, mediaType: String, size: Int, sha256: String) {
        self.filename = filename
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
    }
}

/// `Content-Disposition` for a download of a file whose name a user gave (RFC 6266): an ASCII
/// fallback in `filename` (quotes, backslashes and anything not printable ASCII replaced by `_`)
/// and the name itself, percent-encoded as UTF-8, in `filename*`.
public enum DownloadDisposition {
    public static func attachment(filename: String) -> String {
        let fallback = String(filename.unicodeScalars.map { scalar -> Character in
            (0x20...0x7E).contains(scalar.value) && scalar != "\"" && scalar != "\\" && scalar != ";" ? Character(scalar) : "_"
        })
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let encoded = filename.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
