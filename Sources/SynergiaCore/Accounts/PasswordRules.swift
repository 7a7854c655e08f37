/// What makes a password acceptable: long enough to resist guessing, short enough for bcrypt.
public enum PasswordRules {
    public static let minimumLength = 10
    /// bcrypt reads at most 72 bytes; longer passwords would be silently truncated.
    public static let maximumBytes = 72

    /// The catalog key of the problem with `password`, or nil when it is acceptable.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "error.password-too-short" }
        if password.utf8.count > maximumBytes { return "error.password-too-long" }
        return nil
    }
}
