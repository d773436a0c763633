//! Job category codes (`GET /api/v1/category_codes`, reference §2.4): the job
//! classifications pre-approved for the organisation.

use serde::{Deserialize, Serialize};

/// ID prefix of job category codes.
pub const ID_PREFIX: &str = "jc_";

/// One approved category, e.g. `jc_MTqpkbkp6G` "Computer Service or Repair".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobCategory {
    /// The `jc_…` code a job's `category_code` names; older revisions call it `code` or `id`.
    #[serde(alias = "code", alias = "id")]
    pub category_code: String,
    /// What the category covers, for people ("Computer Service or Repair").
    #[serde(default)]
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_spec_example() {
        let list: crate::List<JobCategory> = serde_json::from_str(
            r#"[{"category_code":"jc_MTqpkbkp6G","name":"Computer Service or Repair"}]"#,
        )
        .unwrap();
        assert_eq!(list.data[0].name, "Computer Service or Repair");
    }
}
