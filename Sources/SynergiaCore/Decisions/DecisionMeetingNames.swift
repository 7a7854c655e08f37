/// Meeting bodies and ordinal meeting phrases, per language: the data behind deadlines such
/// as "执行问题附属机构第一次会议" / "first meeting of the Subsidiary Body on Implementation" (SBI-1)
/// and behind the session number of the header ("第十二届会议", "Fourteenth meeting").
enum DecisionMeetingNames {
    /// Body names mapped to normalized ids. Longer names win over shorter ones.
    static let bodies: [String: [(String, String)]] = [
        "zh": [("缔约方大会", "COP"), ("生物多样性公约缔约方大会", "COP"),
               ("作为卡塔赫纳生物安全议定书缔约方会议的缔约方大会", "CP-MOP"),
               ("作为名古屋议定书缔约方会议的缔约方大会", "NP-MOP"),
               ("执行问题附属机构", "SBI"), ("履行问题附属机构", "SBI"), ("科学、技术和工艺咨询附属机构", "SBSTTA")],
        "en": [("conference of the parties", "COP"), ("conference of the parties to the convention on biological diversity", "COP"),
               ("conference of the parties serving as the meeting of the parties to the cartagena protocol", "CP-MOP"),
               ("conference of the parties serving as the meeting of the parties to the nagoya protocol", "NP-MOP"),
               ("subsidiary body on implementation", "SBI"),
               ("subsidiary body on scientific, technical and technological advice", "SBSTTA")],
        "fr": [("conférence des parties", "COP"), ("conférence des parties à la convention sur la diversité biologique", "COP"),
               ("organe subsidiaire chargé de l'application", "SBI"),
               ("organe subsidiaire chargé de fournir des avis scientifiques, techniques et technologiques", "SBSTTA")],
        "es": [("conferencia de las partes", "COP"), ("conferencia de las partes en el convenio sobre la diversidad biológica", "COP"),
               ("órgano subsidiario sobre la aplicación", "SBI"),
               ("órgano subsidiario de asesoramiento científico, técnico y tecnológico", "SBSTTA")],
        "ru": [("конференци* сторон", "COP"), ("конференци* сторон конвенции о биологическом разнообразии", "COP"),
               ("вспомогательн* орган* по осуществлению", "SBI"),
               ("вспомогательн* орган* по научным, техническим и технологическим консультациям", "SBSTTA")],
        "ar": [("مؤتمر الأطراف", "COP"), ("مؤتمر الأطراف في اتفاقية التنوع البيولوجي", "COP"),
               ("الهيئة الفرعية للتنفيذ", "SBI"), ("الهيئة الفرعية للمشورة العلمية والتقنية والتكنولوجية", "SBSTTA")],
    ]

    /// Acronyms understood in every language.
    static let acronyms: [(String, String)] = [("sbi", "SBI"), ("sbstta", "SBSTTA"), ("cop", "COP"), ("cop-mop", "CP-MOP")]

    /// Words that refer back to the last body named ("at its first meeting").
    static let anaphors: [String: [String]] = [
        "zh": ["该附属机构", "该机构", "其"], "en": ["its"], "fr": ["sa", "son"], "es": ["su"],
        "ru": ["его", "своем", "ее"], "ar": [],
    ]

    static let meetingNouns: [String: [String]] = [
        "en": ["meeting", "session"], "fr": ["réunion", "session"], "es": ["reunión", "período de sesiones"],
        "ru": ["совещани*", "сесси*"],
    ]

    static let ordinals: [String: [String]] = [
        "en": ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
               "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
               "eighteenth", "nineteenth", "twentieth"],
        "fr": ["première|premier", "deuxième|seconde|second", "troisième", "quatrième", "cinquième", "sixième",
               "septième", "huitième", "neuvième", "dixième", "onzième", "douzième", "treizième", "quatorzième",
               "quinzième", "seizième", "dix-septième", "dix-huitième", "dix-neuvième", "vingtième"],
        "es": ["primera|primer", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima", "octava", "novena",
               "décima", "undécima|decimoprimera", "duodécima|decimosegunda", "decimotercera", "decimocuarta",
               "decimoquinta", "decimosexta", "decimoséptima", "decimoctava", "decimonovena", "vigésima"],
        "ru": ["перв*", "втор*", "трет*", "четверт*", "пят*", "шест*", "седьм*", "восьм*", "девят*", "десят*",
               "одиннадцат*", "двенадцат*", "тринадцат*", "четырнадцат*", "пятнадцат*", "шестнадцат*",
               "семнадцат*", "восемнадцат*", "девятнадцат*", "двадцат*"],
        "ar": ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
               "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر", "السادس عشر", "السابع عشر",
               "الثامن عشر", "التاسع عشر", "العشرين|العشرون"],
    ]

    /// Ordinal meeting phrases of a language with their number, and whether they refer back
    /// to the last body named (Arabic "اجتماعه الأول": "its first meeting").
    static func ordinalPhrases(_ language: String) -> [(String, Int, Bool)] {
        var out: [(String, Int, Bool)] = []
        if language == "zh" {
            for n in 1...30 {
                let c = chineseNumeral(n)
                out.append(("第\(c)次会议", n, false))
                out.append(("第\(c)届会议", n, false))
            }
            return out
        }
        let words = ordinals[language] ?? ordinals["en"]!
        if language == "ar" {
            for (i, forms) in words.enumerated() {
                for w in forms.split(separator: "|") {
                    out.append(("الاجتماع " + w, i + 1, false))
                    out.append(("اجتماعه " + w, i + 1, true))
                    out.append(("اجتماعها " + w, i + 1, true))
                    out.append(("دورته " + w, i + 1, true))
                }
            }
            return out
        }
        let nouns = meetingNouns[language] ?? meetingNouns["en"]!
        for (i, forms) in words.enumerated() {
            for w in forms.split(separator: "|") {
                for noun in nouns { out.append(("\(w) \(noun)", i + 1, false)) }
            }
        }
        return out
    }

    /// Chinese numeral for 1...99 ("十二", "二十一").
    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + digits[ones]
    }
}
