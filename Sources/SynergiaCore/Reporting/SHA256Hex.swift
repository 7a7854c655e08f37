import Crypto
import Foundation

/// Lower-case hexadecimal SHA-256 digests.
public enum SHA256Hex {
    /// The SHA-256 digest of `data` as 64 lower-case hex digits.
    public static func digest(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `bytes` as lower-case hex digits, two per byte (written at once: this runs for every
    /// signed-in request and every audit entry).
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            digits.append(hexDigits[Int(byte >> 4)])
            digits.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: digits, as: UTF8.self)
    }
}

extension SHA256Hex {
    /// A digest built piece by piece (for content too large to hold as one document).
    public struct Stream {
        private var hasher = SHA256()
        public init() {}
        public mutating func update(_ text: String) { hasher.update(data: Data(text.utf8)) }
        public func finalize() -> String { SHA256Hex.hex(hasher.finalize()) }
    }
}
