//! The job categories every sandbox account is approved for (reference §2.4).
//!
//! The real API hands each platform its own pre-approved list at onboarding; the
//! stand-in approves the same fixed list for everybody, so a test, a fixture or a
//! screenshot can name a code and get the same class everywhere. The codes are
//! hard-coded, not generated: changing one breaks every stored job that uses it.
//!
//! Class codes are modelled on NCCI workers' compensation classes and ISO general
//! liability classes so the quote breakdown looks like the real one; they are
//! sandbox values, not rating advice.

use crate::coverage::Coverage;

/// How dangerous the work is; drives the base rates in `pricing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HazardTier {
    /// Desk and screen work.
    Office,
    /// On the move or with the public, little physical risk.
    Light,
    /// Physical work, vehicles, other people's premises.
    Moderate,
    /// Tools, heights, trades.
    Heavy,
}

impl HazardTier {
    pub fn as_str(self) -> &'static str {
        match self {
            HazardTier::Office => "office",
            HazardTier::Light => "light",
            HazardTier::Moderate => "moderate",
            HazardTier::Heavy => "heavy",
        }
    }
}

/// One job category: its API code and name, and what pricing needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobCategory {
    /// `jc_` + 10 base62 characters.
    pub code: &'static str,
    pub name: &'static str,
    /// Workers' compensation class (NCCI-style, four digits).
    pub wc_code: u16,
    /// General liability class (ISO-style, five digits).
    pub gl_code: u32,
    pub tier: HazardTier,
    /// Which of the optional lines (professional, media, cyber) the class may buy;
    /// workers' comp and general liability are offered to every class.
    extras: Extras,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Extras {
    professional: bool,
    media: bool,
    cyber: bool,
}

impl JobCategory {
    /// Whether this class may buy `coverage` at all (state rules are `pricing`'s).
    pub fn offers(&self, coverage: Coverage) -> bool {
        match coverage {
            Coverage::WorkersComp | Coverage::General => true,
            Coverage::Professional => self.extras.professional,
            Coverage::Media => self.extras.media,
            Coverage::Cyber => self.extras.cyber,
        }
    }
}

/// Every category, sorted by name (the order `GET /api/v1/category_codes` lists).
pub fn all() -> &'static [JobCategory] {
    CATEGORIES
}

/// The category with this code, if it is one of ours.
pub fn find(code: &str) -> Option<&'static JobCategory> {
    CATEGORIES.iter().find(|c| c.code == code)
}

use HazardTier::{Heavy, Light, Moderate, Office};

// Which optional lines a class may buy: professional, media, cyber.
const NONE: Extras = x(false, false, false);
const PRO: Extras = x(true, false, false);
const PRO_MEDIA: Extras = x(true, true, false);
const PRO_CYBER: Extras = x(true, false, true);
const ALL: Extras = x(true, true, true);

const fn x(professional: bool, media: bool, cyber: bool) -> Extras {
    Extras {
        professional,
        media,
        cyber,
    }
}

const fn c(
    code: &'static str,
    name: &'static str,
    wc_code: u16,
    gl_code: u32,
    tier: HazardTier,
    extras: Extras,
) -> JobCategory {
    JobCategory {
        code,
        name,
        wc_code,
        gl_code,
        tier,
        extras,
    }
}

#[rustfmt::skip]
const CATEGORIES: &[JobCategory] = &[
    c("jc_zppQXRSkFC", "Accounting and Bookkeeping", 8803, 41603, Office, PRO_CYBER),
    c("jc_hXcINOUX6g", "Administrative Support", 8810, 41620, Office, NONE),
    c("jc_sxBYzntDkJ", "Appliance Installation and Repair", 9519, 91155, Moderate, NONE),
    c("jc_wKL1mr4lxm", "Bartending", 9079, 16910, Light, NONE),
    c("jc_F3COXQPjuM", "Brand Ambassador", 8742, 41677, Light, PRO_MEDIA),
    c("jc_h0HQ52Psb1", "Carpentry", 5645, 91340, Heavy, NONE),
    c("jc_kbuHjbAiu9", "Catering", 9079, 16900, Light, NONE),
    c("jc_jxqv67OEhV", "Childcare", 8869, 41424, Light, PRO),
    c("jc_cmLNOEYNls", "Computer Service or Repair", 5191, 41670, Moderate, PRO_CYBER),
    c("jc_bWdcE2dQfy", "Content Creator", 7610, 41680, Office, PRO_MEDIA),
    c("jc_ZAbaGfTJw3", "Copywriting", 8810, 41677, Office, PRO_MEDIA),
    c("jc_T0GxwO9Ne9", "Customer Support", 8871, 41620, Office, NONE),
    c("jc_rDWCTDsv1i", "Data Entry", 8871, 41620, Office, PRO_CYBER),
    c("jc_fM7z50q0ab", "Delivery Driver", 7231, 99793, Moderate, NONE),
    c("jc_XmA6Mu3W4u", "Dog Walking and Pet Sitting", 8831, 43215, Light, NONE),
    c("jc_bgocbKJXCk", "Drywall Installation", 5445, 92215, Heavy, NONE),
    c("jc_tQpqsoqsly", "Electrician", 5190, 92478, Heavy, NONE),
    c("jc_OnndeLfUgP", "Event Staffing", 9180, 41490, Moderate, NONE),
    // The reference's own example code (job jb_jsb9KEcTpc, "Field technician").
    c("jc_MTqpkbkp6G", "Field Technician", 7600, 41677, Moderate, NONE),
    c("jc_N5LU3YMDY1", "Fitness Instruction", 9063, 44311, Light, PRO),
    c("jc_tWDfDoCs5i", "Graphic Design", 8810, 41677, Office, ALL),
    c("jc_Vj20FMvW6h", "Handyperson", 9521, 94007, Heavy, NONE),
    c("jc_hPoungJ72N", "Home Health Aide", 8835, 80709, Moderate, PRO),
    c("jc_GpK2nZRBmV", "House Cleaning", 913, 96817, Moderate, NONE),
    c("jc_rWE9PyCTh8", "HVAC Technician", 5537, 94276, Heavy, NONE),
    c("jc_OCnBfMXJ7P", "Janitorial Services", 9014, 96816, Moderate, NONE),
    c("jc_rpeXkrYXty", "Landscaping", 42, 97047, Heavy, NONE),
    c("jc_Gk6EzF0S3y", "Lawn Care", 42, 97050, Moderate, NONE),
    c("jc_yVL61ljprh", "Makeup Artist", 9586, 10115, Light, PRO),
    c("jc_QkiNYgHmkQ", "Marketing Consultant", 8742, 41677, Office, ALL),
    c("jc_cT7RbaEtaB", "Moving Help", 7219, 94099, Heavy, NONE),
    c("jc_02p7JMkGtQ", "Painting", 5474, 98305, Heavy, NONE),
    c("jc_lwEJwInEKX", "Personal Shopper", 8017, 18437, Light, NONE),
    c("jc_x4TGGq4tfF", "Photographer", 4361, 99505, Light, PRO_MEDIA),
    c("jc_ilntN6OcoT", "Plumbing", 5183, 98483, Heavy, NONE),
    c("jc_B6qKnNQbtj", "Retail Merchandiser", 8017, 18437, Light, NONE),
    c("jc_bacAMvBrn0", "Security Guard", 7720, 97650, Heavy, NONE),
    c("jc_2zTs7Sna01", "Software Development", 8859, 41675, Office, PRO_CYBER),
    c("jc_eYFerfA06z", "Translator", 8810, 41677, Office, PRO),
    c("jc_zKPnyOate7", "Tutoring", 8868, 47474, Light, PRO),
    c("jc_87f5VOdsWg", "Videographer", 4361, 99505, Light, PRO_MEDIA),
    c("jc_z7MitR9JSn", "Warehouse Associate", 8292, 93101, Moderate, NONE),
    c("jc_IilzcH6kDZ", "Web Design", 8810, 41675, Office, ALL),
    c("jc_iVaoRmaE9M", "Window Cleaning", 9170, 96920, Heavy, NONE),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_well_formed_unique_and_sorted_by_name() {
        assert!(all().len() >= 40);
        let mut seen = HashSet::new();
        for cat in all() {
            let rest = cat.code.strip_prefix("jc_").expect(cat.code);
            assert_eq!(rest.len(), 10, "{}", cat.code);
            assert!(
                rest.chars().all(|c| c.is_ascii_alphanumeric()),
                "{}",
                cat.code
            );
            assert!(seen.insert(cat.code), "duplicate {}", cat.code);
            assert!(cat.wc_code < 10_000 && (10_000..100_000).contains(&cat.gl_code));
        }
        let names: Vec<String> = all().iter().map(|c| c.name.to_lowercase()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn finds_the_reference_example() {
        let field = find("jc_MTqpkbkp6G").unwrap();
        assert_eq!(field.name, "Field Technician");
        assert!(field.offers(Coverage::WorkersComp) && !field.offers(Coverage::Media));
        assert!(find("jc_nope").is_none());
        assert!(find("Janitorial Services").is_none());
    }
}
