/// Text of one direction inside text of the other (issue 13): an e-mail address, a code, a number
/// or an English name in an Arabic sentence, an Arabic name in an English one. Put in a sentence
/// as it is, the Unicode bidirectional algorithm joins it to its neighbours and throws the
/// punctuation around it to the wrong end; isolated (`<bdi>`, or `dir` on an element), it keeps
/// its own order and leaves the sentence's alone.
public enum Bidi {
    /// Whether `text`, put into a sentence in `language`, needs isolating: in a right-to-left
    /// language when it has a letter written left to right, or digits with something else (a date,
    /// `12.5 %`; a number alone reads right as it is); in a left-to-right one when it has a letter
    /// written right to left. Always when it has a character that sets a direction itself (an
    /// override left open would turn the rest of the sentence round: the isolate ends it).
    public static func needsIsolation(_ text: String, in language: Language) -> Bool {
        let scalars = text.unicodeScalars
        if scalars.contains(where: isControl) { return true }
        if language.isRightToLeft {
            let digits = scalars.contains { ("0"..."9").contains($0) }
            return scalars.contains(where: isLeftToRight) || (digits && scalars.contains { !("0"..."9").contains($0) })
        }
        return scalars.contains(where: isRightToLeft)
    }

    /// The marks, embeddings, overrides and isolates of the bidirectional algorithm.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }

    /// A letter of a script written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, and
    /// their presentation forms; the historic scripts of the supplementary planes).
    public static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }

    /// A letter written left to right: alphabetic and not of a right-to-left script.
    public static func isLeftToRight(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !isRightToLeft(scalar)
    }
}
