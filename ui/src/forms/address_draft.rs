//! An address sub-form's values, as typed.

use super::typed_numbers::optional;
use serde::{Deserialize, Serialize};
use ten99::Address;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressDraft {
    pub line1: String,
    pub line2: String,
    pub locality: String,
    /// A USPS code from the state picker, or empty.
    pub region: String,
    pub postalcode: String,
}

impl AddressDraft {
    /// Nothing typed at all: the address is left out of the request.
    pub fn is_blank(&self) -> bool {
        [
            &self.line1,
            &self.line2,
            &self.locality,
            &self.region,
            &self.postalcode,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }

    /// The values an edit form starts from; no address is a blank one.
    pub fn from_address(address: Option<&Address>) -> AddressDraft {
        address
            .map(|a| AddressDraft {
                line1: a.line1.clone(),
                line2: a.line2.clone().unwrap_or_default(),
                locality: a.locality.clone(),
                region: a.region.clone(),
                postalcode: a.postalcode.clone(),
            })
            .unwrap_or_default()
    }

    /// `None` when blank, so optional addresses are not sent half-empty.
    pub fn to_address(&self) -> Option<Address> {
        (!self.is_blank()).then(|| Address {
            line1: self.line1.trim().to_owned(),
            line2: optional(&self.line2),
            locality: self.locality.trim().to_owned(),
            region: self.region.trim().to_owned(),
            postalcode: self.postalcode.trim().to_owned(),
            country: None,
        })
    }
}
