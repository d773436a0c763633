//! The coverage types a quote can ask for (reference §2.5), as the stand-in's own
//! enum: the `ten99` model is being reworked, and pricing, documents and the
//! application page only need the names.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Coverage {
    WorkersComp,
    General,
    Professional,
    Media,
    Cyber,
}

impl Coverage {
    pub const ALL: [Coverage; 5] = [
        Coverage::WorkersComp,
        Coverage::General,
        Coverage::Professional,
        Coverage::Media,
        Coverage::Cyber,
    ];

    /// The API's spelling (`workers-comp`, `general`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::WorkersComp => "workers-comp",
            Coverage::General => "general",
            Coverage::Professional => "professional",
            Coverage::Media => "media",
            Coverage::Cyber => "cyber",
        }
    }

    /// The API's spelling, plus the long forms one doc revision lists
    /// (`workers_comp`, `general_liability`, `professional_liability`; reference Q6).
    pub fn parse(text: &str) -> Option<Coverage> {
        Some(match text.trim() {
            "workers-comp" | "workers_comp" => Coverage::WorkersComp,
            "general" | "general_liability" => Coverage::General,
            "professional" | "professional_liability" => Coverage::Professional,
            "media" | "media_liability" => Coverage::Media,
            "cyber" | "cyber_liability" => Coverage::Cyber,
            _ => return None,
        })
    }

    /// How a form or a letter names it.
    pub fn title(self) -> &'static str {
        match self {
            Coverage::WorkersComp => "Workers' Compensation and Employers' Liability",
            Coverage::General => "Commercial General Liability",
            Coverage::Professional => "Professional Liability (Errors & Omissions)",
            Coverage::Media => "Media Liability",
            Coverage::Cyber => "Cyber Liability",
        }
    }

    /// The key of this line in `quote_json` and the prefix of its class-code key
    /// (`wc` → `wc_code`), after the seed guide's `wc`/`gl`.
    pub fn short(self) -> &'static str {
        match self {
            Coverage::WorkersComp => "wc",
            Coverage::General => "gl",
            Coverage::Professional => "pl",
            Coverage::Media => "media",
            Coverage::Cyber => "cyber",
        }
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_coverage_parses_back() {
        for c in Coverage::ALL {
            assert_eq!(Coverage::parse(c.as_str()), Some(c));
        }
        assert_eq!(
            Coverage::parse("general_liability"),
            Some(Coverage::General)
        );
        assert_eq!(Coverage::parse("auto"), None);
    }
}
