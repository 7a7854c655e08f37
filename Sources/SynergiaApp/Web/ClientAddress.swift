import Vapor

extension Request {
    /// The client's address, for rate limits and logs: the peer, unless the peer is one of
    /// `SYNERGIA_TRUSTED_PROXIES`; then the nearest address in `X-Forwarded-For` that is not a
    /// trusted proxy. A forwarded header from anyone else counts for nothing.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        let trusted = application.synergia.settings.trustedProxies
        guard !trusted.isEmpty, trusted.contains(where: { $0.contains(peer) }) else { return peer }
        let forwarded = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for address in forwarded.reversed() {
            guard CIDR.parse(address) != nil else { return peer }
            if !trusted.contains(where: { $0.contains(address) }) { return address }
        }
        return forwarded.first.flatMap { CIDR.parse($0) != nil ? $0 : nil } ?? peer
    }
}
