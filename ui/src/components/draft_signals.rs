//! A form's inputs as signals, one per field of its draft: [`draft_signals!`] writes the
//! struct and how it reads and sets the whole draft from a list that names each field
//! once (by hand, every field was written four times: the struct, empty, read, set).

use leptos::prelude::*;

/// What a form keeps one field of its draft in: a signal, or a group of them (an address).
pub trait DraftInput: Copy + Send + Sync + 'static {
    type Value;
    /// An empty input: the value's default.
    fn empty() -> Self;
    /// The value now (tracked).
    fn read(self) -> Self::Value;
    fn write(self, value: &Self::Value);
}

impl<T: Clone + Default + Send + Sync + 'static> DraftInput for RwSignal<T> {
    type Value = T;
    // Inlined into the struct's impl: one call per field, not a function each.
    #[inline]
    fn empty() -> Self {
        RwSignal::new(T::default())
    }
    #[inline]
    fn read(self) -> T {
        self.get()
    }
    #[inline]
    fn write(self, value: &T) {
        self.set(value.clone());
    }
}

/// `draft_signals! { pub struct AddressSignals for AddressDraft { line1, line2: RwSignal<String>; } }`
/// makes a `Copy` struct with one pub input per field of the draft (same names, in the
/// order given, which is the order they are set in) and its [`DraftInput`] impl.
#[macro_export]
macro_rules! draft_signals {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident for $draft:ident {
            $($($field:ident),+ : $input:ty;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy)]
        $vis struct $name {
            $($(pub $field: $input,)+)+
        }

        impl $crate::components::draft_signals::DraftInput for $name {
            type Value = $draft;
            // Spelled out: `RwSignal` has a `read` of its own (a guard).
            fn empty() -> Self {
                $name { $($($field: <$input as $crate::components::draft_signals::DraftInput>::empty(),)+)+ }
            }
            fn read(self) -> $draft {
                $draft { $($($field: $crate::components::draft_signals::DraftInput::read(self.$field),)+)+ }
            }
            fn write(self, value: &$draft) {
                $($($crate::components::draft_signals::DraftInput::write(self.$field, &value.$field);)+)+
            }
        }
    };
}
