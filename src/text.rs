//! Text normalisation shared by header matching, answer reading and the catalogue's
//! text look-up: what people do to texts (copy them from a web page, retype them,
//! change case or accents) must not change what a text means.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Whether a character is one nobody sees: Unicode format characters (zero-width
/// space and joiners, the byte-order mark, the soft hyphen, direction marks) that text
/// pasted from a web page or Teams carries along.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}')
}

/// A text as it reads: compatibility-normalised (NFKC: no-break spaces become spaces,
/// ligatures and full-width letters their plain forms), invisible characters removed,
/// trimmed. Text that is already so (ASCII, or NFKC by the quick check without an
/// invisible character: nearly every cell) comes back as it is, without a copy.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.is_ascii()
        || (unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
            && !s.chars().any(invisible))
    {
        return Cow::Borrowed(s.trim());
    }
    let cleaned: String = s.nfkc().filter(|c| !invisible(*c)).collect();
    Cow::Owned(cleaned.trim().to_string())
}

/// Whether cleaning changed a text beyond trimming: a header that only matched once
/// its invisible characters were gone is listed as such.
pub fn had_invisible(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(invisible)
}

/// Lower-cases, transliterates accents and other letters to ASCII (ë → e, ß → ss),
/// turns punctuation into spaces and folds runs of white space into one space, after
/// [`clean`]. `"Oriëntatie  en -begeleiding!"` → `"orientatie en begeleiding"`.
pub fn normalize(s: &str) -> String {
    let s = clean(s);
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c.to_ascii_lowercase());
        } else {
            space = true;
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            for t in deunicode::deunicode_char(c).unwrap_or(" ").chars() {
                push(t, &mut out);
            }
        }
    }
    out
}

/// A file-name-safe slug: ASCII letters, digits and `-`, never empty, never `.`/`..`,
/// at most 60 characters. Used for every file name made from input text (SPEC §5).
pub fn slug(s: &str) -> String {
    let n = normalize(s);
    let mut out: String = n.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    while out.contains("--") {
        out = out.replace("--", "-");
    }
    let out = out.trim_matches('-');
    let mut out: String = out.chars().take(60).collect();
    out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "x".to_string()
    } else {
        out
    }
}

/// Whether a character changes how the text around it shows rather than showing
/// itself: control characters (C0 with NUL, tab and line breaks, DEL, C1: a terminal
/// obeys escape sequences, a spreadsheet splits cells on them), the bidirectional
/// embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E/200F,
/// U+061C: they reorder what a reader sees, "Trojan Source"), and the Unicode line and
/// paragraph separators (U+2028/2029).
pub fn is_steering(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Input text made safe to show where its characters would act instead of show (a
/// terminal, a CSV table): every steering character ([`is_steering`]) is written as
/// `\u{…}` with its code in hexadecimal (NUL → `\u{0}`, ESC → `\u{1B}`, U+202E →
/// `\u{202E}`), so it is seen and nothing is lost. `keep_newlines` keeps `\n` as a line
/// break (for messages of several lines); otherwise it is `\u{A}` too. Every other
/// character, and text without steering characters, comes back as it is (no copy).
/// A literal backslash is not escaped: `\u{0}` typed into a cell reads the same as an
/// escaped NUL, which no survey does on purpose.
pub fn escape_steering(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let steers = |c: char| is_steering(c) && !(keep_newlines && c == '\n');
    if !s.chars().any(steers) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if steers(c) {
            out.push_str(&format!("\\u{{{:X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_ignores_case_accents_punctuation_and_spacing() {
        assert_eq!(normalize("  Oriëntatie  en -begeleiding! "), "orientatie en begeleiding");
        assert_eq!(normalize("L1-VB-R1: Kennis"), "l1 vb r1 kennis");
        assert_eq!(normalize("Geïntegreerd\t(CIOS)"), "geintegreerd cios");
        assert_eq!(normalize("Straße Œuvre"), "strasse oeuvre");
    }

    #[test]
    fn invisible_characters_and_no_break_spaces_do_not_count() {
        // L1-VB-R1 followed by a zero-width space, as pasted from Teams.
        assert_eq!(clean("L1-VB-R1\u{200B}"), "L1-VB-R1");
        assert_eq!(clean("\u{FEFF}Respondent"), "Respondent");
        assert_eq!(clean("Kennis\u{00A0}nemen"), "Kennis nemen");
        assert_eq!(clean("loop\u{00AD}baan"), "loopbaan");
        // Full-width letters and ligatures (NFKC).
        assert_eq!(clean("ｊａ"), "ja");
        assert_eq!(clean("ﬁnanciering"), "financiering");
        assert!(had_invisible("L1-VB-R1\u{200B}"));
        assert!(!had_invisible("Oriëntatie"));
        // Text already composed and visible is not copied; a decomposed ë (e + U+0308,
        // as macOS writes file names) is composed.
        assert!(matches!(clean(" Oriëntatie "), Cow::Borrowed("Oriëntatie")));
        assert!(matches!(clean("Orie\u{308}ntatie"), Cow::Owned(s) if s == "Oriëntatie"));
        assert_eq!(normalize("Kennis\u{00A0}nemen\u{200B} van"), "kennis nemen van");
    }

    #[test]
    fn slug_is_safe_for_hostile_names() {
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("ROC De Leijgraaf / Oss:Veghel"), "roc-de-leijgraaf-oss-veghel");
        assert_eq!(slug(".."), "x");
        assert_eq!(slug("=HYPERLINK(\"x\")"), "hyperlink-x");
        assert!(slug(&"a".repeat(500)).len() <= 60);
    }

    #[test]
    fn steering_characters_are_shown_as_their_code_and_nothing_else_changes() {
        // NUL, tab, CR, ESC, DEL and a C1 control; a right-to-left override and an isolate.
        assert_eq!(
            escape_steering("a\0b\tc\rd\u{1b}[31m\u{7f}\u{85}", false),
            "a\\u{0}b\\u{9}c\\u{D}d\\u{1B}[31m\\u{7F}\\u{85}"
        );
        assert_eq!(escape_steering("x\u{202E}gpj.exe\u{2066}", false), "x\\u{202E}gpj.exe\\u{2066}");
        assert_eq!(escape_steering("\u{200E}\u{200F}\u{061C}\u{2028}", false), "\\u{200E}\\u{200F}\\u{61C}\\u{2028}");
        // Line breaks: kept for messages, escaped in a field.
        assert_eq!(escape_steering("a\nb", true), "a\nb");
        assert_eq!(escape_steering("a\nb", false), "a\\u{A}b");
        // Letters of every script, accents and emoji are not steering; nothing is copied.
        assert!(matches!(escape_steering("Café College — مدرسة 🎓", false), Cow::Borrowed(_)));
        // Escaping twice changes nothing more.
        let once = escape_steering("a\0\u{202E}", false).into_owned();
        assert_eq!(escape_steering(&once, false), once);
    }
}
