//! One page of a list endpoint (reference §3).
//!
//! The docs show a bare JSON array; the Python SDK expects a Stripe-style
//! `{"object": "list", "data": [...], "has_more": ...}`. [`List`] reads both, and
//! decodes items one by one so an error names the item (`[3].created`, `data[3].created`).

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::marker::PhantomData;

/// A page of `T`, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct List<T> {
    /// The items of this page, newest first.
    pub data: Vec<T>,
    /// Only the enveloped form says; with a bare array it is `None` (then a page shorter
    /// than the limit is the last).
    pub has_more: Option<bool>,
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List {
            data: Vec::new(),
            has_more: None,
        }
    }
}

impl<T> List<T> {
    /// How many items this page holds.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// Whether this page holds no items.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The items of this page, by reference.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.data.iter()
    }

    /// The items, dropping `has_more`.
    pub fn into_vec(self) -> Vec<T> {
        self.data
    }

    /// Whether another page may follow one fetched with `limit`.
    pub fn may_have_more(&self, limit: usize) -> bool {
        self.has_more
            .unwrap_or(self.data.len() >= limit && !self.data.is_empty())
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(data: Vec<T>) -> Self {
        List {
            data,
            has_more: None,
        }
    }
}

impl<T> IntoIterator for List<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.data.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.data.iter()
    }
}

impl<T: Serialize> Serialize for List<T> {
    /// A bare array, as the API sends, unless `has_more` is known.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.has_more {
            None => self.data.serialize(s),
            Some(has_more) => {
                let mut st = s.serialize_struct("List", 3)?;
                st.serialize_field("object", "list")?;
                st.serialize_field("data", &self.data)?;
                st.serialize_field("has_more", &has_more)?;
                st.end()
            }
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(PhantomData))
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array, or an object with a `data` array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
        let mut data = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
        while let Some(item) = seq.next_element()? {
            data.push(item);
        }
        Ok(List {
            data,
            has_more: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<List<T>, A::Error> {
        let mut data: Option<Vec<T>> = None;
        let mut has_more = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "data" if data.is_none() => data = Some(map.next_value()?),
                "has_more" => has_more = map.next_value::<Option<bool>>()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let data = data.ok_or_else(|| de::Error::missing_field("data"))?;
        Ok(List { data, has_more })
    }

    /// `null` is an empty page.
    fn visit_unit<E: de::Error>(self) -> Result<List<T>, E> {
        Ok(List::default())
    }

    fn visit_none<E: de::Error>(self) -> Result<List<T>, E> {
        Ok(List::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Item {
        id: String,
    }

    #[test]
    fn reads_a_bare_array_and_an_envelope() {
        let bare: List<Item> = serde_json::from_value(json!([{"id": "a"}, {"id": "b"}])).unwrap();
        assert_eq!(bare.len(), 2);
        assert_eq!(bare.has_more, None);
        let wrapped: List<Item> = serde_json::from_value(
            json!({"object": "list", "url": "/x", "data": [{"id": "a"}], "has_more": true}),
        )
        .unwrap();
        assert_eq!(wrapped.data, [Item { id: "a".into() }]);
        assert_eq!(wrapped.has_more, Some(true));
        assert!(serde_json::from_value::<List<Item>>(json!(null))
            .unwrap()
            .is_empty());
        assert!(serde_json::from_value::<List<Item>>(json!({"has_more": false})).is_err());
        assert!(serde_json::from_value::<List<Item>>(json!("nope")).is_err());
    }

    #[test]
    fn round_trips_both_forms() {
        for list in [
            List::from(vec![Item { id: "a".into() }]),
            List {
                data: vec![],
                has_more: Some(false),
            },
        ] {
            let back: List<Item> =
                serde_json::from_value(serde_json::to_value(&list).unwrap()).unwrap();
            assert_eq!(back, list);
        }
    }

    #[test]
    fn paging_hint() {
        let page = List::from(vec![1, 2]);
        assert!(page.may_have_more(2) && !page.may_have_more(3));
        assert!(!List {
            data: vec![1],
            has_more: Some(false)
        }
        .may_have_more(1));
    }
}
