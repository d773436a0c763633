//! Fixed reference data the stand-in serves: the same for every account.

pub mod job_categories;

pub use job_categories::{HazardTier, JobCategory};
