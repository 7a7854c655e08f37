import Foundation
import ZIPFoundation

/// Opens an uploaded ZIP archive (a workbook, an office file) for reading.
///
/// Never through ZIPFoundation's in-memory archive: reading an entry whose offsets point past the
/// end of the data traps there (its memory file's read computes a negative length) — one hostile
/// upload would stop the process — and an archive without an end record keeps the whole upload in
/// memory for ever. A file on disk answers a read past its end with no bytes, and is closed when
/// the archive cannot be opened. So the data is written to a temporary file, opened, and the file
/// unlinked at once (the open archive keeps reading it; the disk space goes with the archive).
/// Data without the end-of-central-directory record where ZIPFoundation looks for it (the last
/// `PK\5\6` at least 22 bytes before the end, followed by its 22 bytes and its whole comment) is
/// refused before anything is written.
public enum ZIPData {
    public static func archive(_ data: Data) -> Archive? {
        guard hasEndRecord(data) else { return nil }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synergia-upload-\(UUID().uuidString).zip")
        guard (try? data.write(to: url, options: [.withoutOverwriting])) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: url) }
        return try? Archive(url: url, accessMode: .read, pathEncoding: nil)
    }

    static func hasEndRecord(_ data: Data) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            let count = bytes.count
            guard count >= 22 else { return false }
            for position in stride(from: count - 22, through: 0, by: -1)
            where bytes[position] == 0x50 && bytes[position + 1] == 0x4B && bytes[position + 2] == 0x05 && bytes[position + 3] == 0x06 {
                let comment = Int(bytes[position + 20]) | Int(bytes[position + 21]) << 8
                return position + 22 + comment <= count
            }
            return false
        }
    }
}
