//! A long list as a table: sortable columns (click or Enter on a header) and only the
//! rows in view (plus a few either side) in the DOM, so 10,000 rows scroll smoothly.
//! Every row has the same height; two spacer rows stand in for the rest.
//! A checkbox leads every row (and the header, for all shown) to tick rows for the bulk bar.

use crate::dates::iso_date;
use crate::records::selection::Selection;
use crate::records::sorting::{sort_rows, Sort, SortKey};
use crate::records::window::{spacers, visible_rows, VIEWPORT_HEIGHT};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One column: its header, what it sorts on and what its cell shows.
pub struct Column<T> {
    /// For ids: `<kind>-sort-<key>` is the header's button.
    pub key: &'static str,
    pub title: &'static str,
    /// Width and alignment (`col-wide`, `col-id`, …; see style.css).
    pub class: &'static str,
    content: Content<T>,
    /// Buttons rather than data: not sortable, and the title is only for screen readers.
    pub actions: bool,
}

/// What a column's cells show and sort on.
enum Content<T> {
    /// Plain text, sorted ignoring case.
    Text(fn(&T) -> &str),
    /// A record's name in bold and, under it, a line about it (company, place, site).
    Named {
        sort_key: fn(&T) -> SortKey,
        lines: fn(&T) -> (String, Option<String>),
    },
    Shaped {
        sort_key: fn(&T) -> SortKey,
        cell: fn(&T) -> AnyView,
    },
}

impl<T> Clone for Content<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Content<T> {}

impl<T> Content<T> {
    fn sort_key(self, row: &T) -> SortKey {
        match self {
            Content::Text(text) => SortKey::text(text(row)),
            Content::Named { sort_key, .. } | Content::Shaped { sort_key, .. } => sort_key(row),
        }
    }

    fn cell(self, row: &T) -> AnyView {
        match self {
            Content::Text(text) => text_cell(text(row).to_owned()),
            Content::Named { lines, .. } => {
                let (name, about) = lines(row);
                name_cell(name, about)
            }
            Content::Shaped { cell, .. } => cell(row),
        }
    }
}

// Not generic, so compiled once for every kind of row.
fn name_cell(name: String, about: Option<String>) -> AnyView {
    view! {
        <span class="cell-strong">{name}</span>
        {about.map(|about| view! { <span class="cell-sub">{about}</span> })}
    }
    .into_any()
}

fn text_cell(text: String) -> AnyView {
    text.into_any()
}

/// A row of a record list: the record's id opens it; every list shows it and its creation.
pub trait ListRow: Clone + PartialEq + Send + Sync + 'static {
    fn id(&self) -> &str;
    /// Unix seconds.
    fn created(&self) -> i64;
}

impl<T: ListRow> Column<T> {
    /// A data column: sortable, titled.
    pub fn data(
        key: &'static str,
        title: &'static str,
        class: &'static str,
        sort_key: fn(&T) -> SortKey,
        cell: fn(&T) -> AnyView,
    ) -> Self {
        Column {
            key,
            title,
            class,
            content: Content::Shaped { sort_key, cell },
            actions: false,
        }
    }

    /// The first column: the record's name, and a line about it.
    pub fn name(
        title: &'static str,
        sort_key: fn(&T) -> SortKey,
        lines: fn(&T) -> (String, Option<String>),
    ) -> Self {
        Column {
            key: "name",
            title,
            class: "col-wide",
            content: Content::Named { sort_key, lines },
            actions: false,
        }
    }

    /// A column of plain text: shown as it is, sorted ignoring case.
    pub fn text(
        key: &'static str,
        title: &'static str,
        class: &'static str,
        text: fn(&T) -> &str,
    ) -> Self {
        Column {
            key,
            title,
            class,
            content: Content::Text(text),
            actions: false,
        }
    }

    /// The row's buttons, last.
    pub fn actions(cell: fn(&T) -> AnyView) -> Self {
        Column {
            key: "actions",
            title: "Actions",
            class: "col-actions cell-nowrap",
            content: Content::Shaped {
                sort_key: |_| SortKey::Number(0),
                cell,
            },
            actions: true,
        }
    }

    pub fn id() -> Self {
        Column::data(
            "id",
            "ID",
            "col-id",
            |r| SortKey::text(r.id()),
            |r| view! { <code class="id">{r.id().to_owned()}</code> }.into_any(),
        )
    }

    pub fn created() -> Self {
        Column::data(
            "created",
            "Created",
            "col-date",
            |r| SortKey::Number(r.created()),
            |r| iso_date(r.created()).into_any(),
        )
    }
}

#[component]
pub fn RecordTable<T>(
    /// Singular, for ids: `contractor` → `contractor-list`, `contractor-row-<id>`.
    kind: &'static str,
    rows: Signal<Vec<T>>,
    columns: Vec<Column<T>>,
    /// A row was opened (a click on it, or Enter on its first cell); gets the row's id.
    on_open: Callback<String>,
    /// Shown in place of rows when there are none.
    #[prop(into)]
    empty_text: Signal<String>,
    /// The ticked rows' ids.
    selection: RwSignal<Selection>,
) -> impl IntoView
where
    T: ListRow,
{
    // The checkbox column comes first.
    let column_count = columns.len() + 1;
    let columns = StoredValue::new(columns);
    let sort = RwSignal::new(None::<Sort>);
    let scroll_top = RwSignal::new(0.0_f64);

    let sorted = Memo::new(move |_| {
        let mut rows = rows.get();
        if let Some(sort) = sort.get() {
            let content = columns.with_value(|c| c[sort.column].content);
            sort_rows(&mut rows, sort, |row| content.sort_key(row));
        }
        rows
    });
    let total = move || sorted.with(Vec::len);
    let window = Memo::new(move |_| visible_rows(scroll_top.get(), VIEWPORT_HEIGHT, total()));

    let on_scroll = move |ev: leptos::ev::Event| {
        if let Some(element) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            scroll_top.set(f64::from(element.scroll_top()));
        }
    };

    // "Select all shown": every row the search lets through, not only those in view.
    let all_ticked =
        move || sorted.with(|rows| selection.with(|s| s.covers(rows.iter().map(ListRow::id))));
    let toggle_all = move |_| {
        sorted.with_untracked(|rows| {
            selection.update(|s| s.toggle_all(rows.iter().map(ListRow::id)))
        });
    };
    let select_all = view! {
        <th scope="col" class="col-select">
            <input
                id="record-select-all"
                type="checkbox"
                aria-label="Select all shown"
                prop:checked=all_ticked
                on:change=toggle_all
            />
        </th>
    };
    let headers = columns.with_value(|columns| {
        columns
            .iter()
            .enumerate()
            .map(|(index, column)| {
                let title = column.title;
                if column.actions {
                    return view! {
                        <th scope="col" class=column.class>
                            <span class="visually-hidden">{title}</span>
                        </th>
                    }
                    .into_any();
                }
                let mark = move || match sort.get() {
                    Some(s) if s.column == index && s.ascending => "▲",
                    Some(s) if s.column == index => "▼",
                    _ => "↕",
                };
                view! {
                    <th scope="col" class=column.class aria-sort=move || Sort::aria(sort.get(), index)>
                        <button
                            id=format!("{kind}-sort-{}", column.key)
                            type="button"
                            class="sort-button"
                            on:click=move |_| sort.update(|s| *s = Some(Sort::clicked(*s, index)))
                        >
                            {title}
                            <span class="sort-mark" aria-hidden="true">{mark}</span>
                        </button>
                    </th>
                }
                .into_any()
            })
            .collect_view()
    });

    let visible = move || {
        let range = window.get();
        sorted.with(|rows| {
            rows[range]
                .iter()
                .map(|row| {
                    let id = row.id().to_owned();
                    let open_id = id.clone();
                    let (ticked_id, toggled_id) = (id.clone(), id.clone());
                    let cells = columns.with_value(|columns| {
                        columns
                            .iter()
                            .enumerate()
                            .map(|(index, c)| {
                                // The first cell is a button: a keyboard opens the row
                                // with Tab and Enter, as a mouse does with a click.
                                let content = if index == 0 {
                                    view! {
                                        <button
                                            id=format!("{kind}-open-{id}")
                                            type="button"
                                            class="row-open"
                                        >
                                            {c.content.cell(row)}
                                        </button>
                                    }
                                    .into_any()
                                } else {
                                    // Text sits in an inline box, not straight in the
                                    // clipping cell (WebKit reports it as hidden otherwise).
                                    view! { <span class="cell-text">{c.content.cell(row)}</span> }
                                        .into_any()
                                };
                                view! { <td class=c.class>{content}</td> }
                            })
                            .collect_view()
                    });
                    view! {
                        <tr
                            id=format!("{kind}-row-{id}")
                            class="record-row"
                            data-id=id.clone()
                            on:click=move |_| on_open.run(open_id.clone())
                        >
                            // A click on the box ticks the row; it must not open it too.
                            <td class="col-select" on:click=|ev| ev.stop_propagation()>
                                <input
                                    id=format!("record-select-{id}")
                                    type="checkbox"
                                    aria-label="Select row"
                                    prop:checked=move || selection.with(|s| s.contains(&ticked_id))
                                    on:change=move |_| selection.update(|s| s.toggle(&toggled_id))
                                />
                            </td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let spacer = move |above: bool| {
        let (top, bottom) = spacers(&window.get(), total());
        let height = if above { top } else { bottom };
        // Whole pixels (heights are whole rows): integer formatting, not the float one.
        format!("{}px", height.round() as i64)
    };

    view! {
        <div class="table-scroll" on:scroll=on_scroll>
            <table id=format!("{kind}-list") class="table table-virtual" aria-rowcount=total>
                <thead>
                    <tr>{select_all}{headers}</tr>
                </thead>
                <tbody>
                    <tr class="spacer-row" aria-hidden="true" style:height=move || spacer(true)>
                        <td colspan=column_count></td>
                    </tr>
                    {visible}
                    <tr class="spacer-row" aria-hidden="true" style:height=move || spacer(false)>
                        <td colspan=column_count></td>
                    </tr>
                    {move || {
                        (total() == 0)
                            .then(|| {
                                view! {
                                    <tr class="empty-row">
                                        <td id=format!("{kind}-empty") colspan=column_count>
                                            {empty_text.get()}
                                        </td>
                                    </tr>
                                }
                            })
                    }}
                </tbody>
            </table>
        </div>
    }
}
