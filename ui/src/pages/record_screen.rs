//! What a record page shows: the form and list, one record's detail, or its edit form.

#[derive(Debug, Clone, PartialEq)]
pub enum Screen<T> {
    Browse,
    /// The record's id.
    Detail(String),
    /// The record as it was when Edit was pressed.
    Edit(T),
}
