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
