//! Record text put inside a sentence. A name may be in a right-to-left script or carry a
//! stray direction override (U+202E, pasted from elsewhere or sent by the API); without
//! an isolate around it, the words after it are drawn in its direction: "Created \u{202E}Evil
//! (cn_1)" would show the id reversed. First-strong isolate (U+2068 … U+2069) gives the
//! name its own direction and ends any override it opened.

pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_kept_whole_between_the_isolate_marks() {
        let shown = isolate("\u{202E}Evil");
        assert_eq!(shown.chars().next(), Some('\u{2068}'));
        assert_eq!(shown.chars().last(), Some('\u{2069}'));
        assert!(shown.contains("\u{202E}Evil"));
    }
}
