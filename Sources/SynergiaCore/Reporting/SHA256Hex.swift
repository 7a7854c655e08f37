import Crypto
import Foundation

/// Lower-case hexadecimal SHA-256 digests.
public enum SHA256Hex {
    /// The SHA-256 digest of `data` as 64 lower-case hex digits.
    public static func digest(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

extension SHA256Hex {
    /// A digest built piece by piece (for content too large to hold as one document).
    public struct Stream {
        private var hasher = SHA256()
        public init() {}
        public mutating func update(_ text: String) { hasher.update(data: Data(text.utf8)) }
        public func finalize() -> String {
            hasher.finalize().map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
        }
    }
}
