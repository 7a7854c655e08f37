import Foundation
import SynergiaCore
import Vapor

/// An offline package sent back: the file, or its text carried from the preview to the
/// confirmation, and the online changes the person chose to overwrite (question ids of a
/// report's package, target codes of national targets').
struct PackageUpload: Content {
    var package: File?
    var text: String?
    var overwrite: [String]?

    /// The package's text: the file's when one was sent, else `text`; without the byte-order mark
    /// spreadsheets write before a file (not one inside it). nil when the file is not UTF-8.
    static func body(file: ByteBuffer?, text: String?) -> String? {
        let body: String
        if let file, file.readableBytes > 0 {
            guard let decoded = UTF8Text.decode(Data(buffer: file)) else { return nil }
            body = decoded
        } else {
            body = text ?? ""
        }
        return body.unicodeScalars.first == "\u{FEFF}" ? String(body.unicodeScalars.dropFirst()) : body
    }
}
