//! Text normalisation shared by header matching and the catalogue's text look-up:
//! case, accents, punctuation and white space do not matter.

/// Lower-cases, strips accents (ë → e), turns punctuation into spaces and folds runs of
/// white space into one space, trimmed. `"Oriëntatie  en -begeleiding!"` →
/// `"orientatie en begeleiding"`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = fold_accent(c);
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            for l in c.to_lowercase() {
                out.push(l);
            }
        } else {
            space = true;
        }
    }
    out
}

/// Maps the accented letters Dutch and its neighbours use to their base letter.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        _ => c,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_ignores_case_accents_punctuation_and_spacing() {
        assert_eq!(normalize("  Oriëntatie  en -begeleiding! "), "orientatie en begeleiding");
        assert_eq!(normalize("L1-VB-R1: Kennis"), "l1 vb r1 kennis");
        assert_eq!(normalize("Geïntegreerd\t(CIOS)"), "geintegreerd cios");
    }

    #[test]
    fn slug_is_safe_for_hostile_names() {
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("ROC De Leijgraaf / Oss:Veghel"), "roc-de-leijgraaf-oss-veghel");
        assert_eq!(slug(".."), "x");
        assert_eq!(slug("=HYPERLINK(\"x\")"), "hyperlink-x");
        assert!(slug(&"a".repeat(500)).len() <= 60);
    }
}
