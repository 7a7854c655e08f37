#ifndef SYNERGIA_CPLURALRULES_H
#define SYNERGIA_CPLURALRULES_H

/// ICU's plural rules (CLDR data), from the ICU that Foundation itself uses: on Linux the Swift
/// toolchain's `_FoundationICU` (its entry points prefixed `swift_`), on Apple platforms `libicucore`.
/// Nothing here is written by hand; this file only declares the three ICU functions Synergia calls.

/// A language's plural rules, opened once and kept (ICU's rules are safe to read from many threads).
typedef struct SynergiaPluralRules SynergiaPluralRules;

/// The rules of `locale` ("ru", "ar", …), or NULL if ICU cannot open them.
SynergiaPluralRules *_Nullable synergia_plural_rules_open(const char *_Nonnull locale);

/// Writes the CLDR plural category of `number` ("zero", "one", "two", "few", "many" or "other")
/// into `keyword` as ASCII with a final NUL; returns its length, or -1 on failure.
int synergia_plural_rules_select(const SynergiaPluralRules *_Nonnull rules, double number,
                                 char *_Nonnull keyword, int capacity);

#endif
