/// Month names and deadline cues per language, and the reading of dates into ISO strings.
enum DecisionDates {
    static let months: [String: [String]] = [
        "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"],
        "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre"],
        "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre|setiembre",
               "octubre", "noviembre", "diciembre"],
        "ru": ["январ*", "феврал*", "март*", "апрел*", "мая|май", "июн*", "июл*", "август*", "сентябр*", "октябр*",
               "ноябр*", "декабр*"],
        "ar": ["يناير|كانون الثاني", "فبراير|شباط", "مارس|آذار", "أبريل|نيسان", "مايو|أيار", "يونيه|يونيو|حزيران",
               "يوليه|يوليو|تموز", "أغسطس|آب", "سبتمبر|أيلول", "أكتوبر|تشرين الأول", "نوفمبر|تشرين الثاني",
               "ديسمبر|كانون الأول"],
        "zh": [],
    ]

    /// Words before a date that make it a deadline ("by 31 December 2016").
    static let cuesBefore: [String: [String]] = [
        "zh": ["不迟于", "截至", "最迟于"],
        "en": ["by", "before", "no later than", "not later than", "prior to"],
        "fr": ["avant", "avant le", "d'ici", "d'ici à", "au plus tard le"],
        "es": ["antes de", "antes del", "a más tardar el"],
        "ru": ["до", "не позднее"],
        "ar": ["قبل", "بحلول"],
    ]

    /// Words after a date that make it a deadline ("2016年12月31日之前").
    static let cuesAfter: [String: [String]] = [
        "zh": ["之前", "以前", "前"],
    ]

    /// A date read from text: year, optional month and day.
    struct Parts: Equatable, Sendable {
        var year: Int
        var month: Int?
        var day: Int?

        var iso: String {
            var s = String(format: "%04d", year)
            if let month { s += String(format: "-%02d", month) } else { return s }
            if let day { s += String(format: "-%02d", day) }
            return s
        }
    }

    static func isPlausible(year: Int, month: Int?, day: Int?) -> Bool {
        guard (1950...2100).contains(year) else { return false }
        if let month, !(1...12).contains(month) { return false }
        if let day, !(1...31).contains(day) { return false }
        return true
    }

    /// Reads a meeting's dates as written ("6-17 October 2014", "2014年10月6日至17日",
    /// "29 November - 1 December 2018", "17 a 29 de noviembre de 2018") into start and end dates.
    static func range(_ folded: [UInt32], tokens: [DecisionToken], table: DecisionPhraseTable) -> (Parts, Parts)? {
        var numbers: [(value: Int, end: Int)] = []
        var monthsFound: [Int] = []
        var year: Int?
        var cjkMonths: [Int] = []
        var cjkDays: [Int] = []
        var i = 0
        var tokenAt: [Int: DecisionToken] = [:]
        for t in tokens { tokenAt[t.start] = t }
        while i < folded.count {
            if let t = tokenAt[i] {
                for role in table.roles(of: t) {
                    if case .month(let m) = role, monthsFound.last != m { monthsFound.append(m) }
                }
                i = t.end
                continue
            }
            if DecisionScalars.isDigit(folded[i]) {
                var v = 0, j = i
                while j < folded.count, DecisionScalars.isDigit(folded[j]), j - i < 6 {
                    v = v * 10 + Int(folded[j] - 0x30); j += 1
                }
                var k = j
                while k < folded.count, folded[k] == 0x20 { k += 1 }
                let next: UInt32 = k < folded.count ? folded[k] : 0
                if next == 0x5E74 { year = v }            // 年
                else if next == 0x6708 { cjkMonths.append(v) } // 月
                else if next == 0x65E5 { cjkDays.append(v) }   // 日
                else if j - i == 4 { year = v }
                else { numbers.append((v, j)) }
                i = j
                continue
            }
            i += 1
        }
        guard let y = year else { return nil }
        if !cjkMonths.isEmpty || !cjkDays.isEmpty {
            monthsFound = cjkMonths
            numbers = cjkDays.map { ($0, 0) }
        }
        let days = numbers.map(\.value).filter { (1...31).contains($0) }
        guard let m1 = monthsFound.first, let d1 = days.first else { return nil }
        let m2 = monthsFound.count > 1 ? monthsFound[1] : m1
        let d2 = days.count > 1 ? days[1] : d1
        guard isPlausible(year: y, month: m1, day: d1), isPlausible(year: y, month: m2, day: d2) else { return nil }
        return (Parts(year: y, month: m1, day: d1), Parts(year: y, month: m2, day: d2))
    }
}
