//! Search and paging shared by the lists: what a person types becomes a safe FTS5 query,
//! and a list is read a window at a time, newest first.

use super::decode_bodies;
use crate::error::Result;
use coverdesk_ipc::page::Page;
use rusqlite::{types::ToSql, Connection};
use serde::de::DeserializeOwned;

/// The FTS5 query for what was typed, or `None` when there is nothing to search for.
///
/// Every word must match (AND), each as the start of a word ("oak" finds Oakland). Each
/// word becomes a quoted string, inside which FTS5 reads nothing as syntax but `"`, which is
/// doubled — so quotes, `*`, `-`, `OR`, `:` and brackets typed by a person are just text.
/// Words with no letter or digit are dropped: the tokenizer would drop them too, and an
/// empty quoted prefix is a syntax error.
pub fn fts_query(search: Option<&str>) -> Option<String> {
    let words: Vec<String> = search
        .unwrap_or("")
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Above this many matches a search walks the newest-first index rather than sorting.
const BROAD_SEARCH: i64 = 500;

/// How one table is searched. `filter` is an SQL condition on the table's rows that may
/// use `?3` (the FTS5 query) and `?4` (a `LIKE` pattern for the same words).
pub(super) struct Searchable {
    pub table: &'static str,
    pub filter: &'static str,
    /// The FTS5 table holding one row per row of `table`, when `filter` is exactly a
    /// match on it: the count of a search then asks the full-text index alone, without
    /// looking up each matching row (for thousands of matches, 0.3 ms instead of 5).
    pub index: Option<&'static str>,
}

impl Searchable {
    /// Rows `offset..offset + limit` (a negative limit: all) of the list, newest first.
    pub(super) fn page<T: DeserializeOwned>(
        &self,
        conn: &Connection,
        search: Option<&str>,
        offset: usize,
        limit: i64,
    ) -> Result<Page<T>> {
        let table = self.table;
        let query = fts_query(search);
        let like = super::like_pattern(search);
        let (filter, params): (&str, Vec<&dyn ToSql>) = match &query {
            // rusqlite insists on binding exactly the parameters the SQL names.
            Some(query) if self.filter.contains("?4") => (self.filter, vec![query, &like]),
            Some(query) => (self.filter, vec![query]),
            None => ("1", vec![]),
        };
        // The count only needs the filter's own parameters, renumbered from 1.
        // Without a search, no WHERE at all: even `WHERE 1` keeps SQLite from counting
        // the b-tree's entries directly (2.4 ms instead of 0.2 for 100,000 rows).
        let count_sql = match (&query, self.index) {
            (None, _) => format!("SELECT count(*) FROM {table}"),
            (Some(_), Some(index)) => {
                format!("SELECT count(*) FROM {index} WHERE {index} MATCH ?1")
            }
            (Some(_), None) => format!("SELECT count(*) FROM {table} WHERE {filter}")
                .replace("?3", "?1")
                .replace("?4", "?2"),
        };
        let total: i64 = conn
            .prepare_cached(&count_sql)?
            .query_row(&params[..], |row| row.get(0))?;
        // Offset and order are applied to rowids alone, then only the rows of the page are
        // read. Few matches: look each up and sort them. Many: walk the newest-first index
        // and keep the matches, which soon fills a page, instead of sorting thousands.
        let walk = if query.is_some() && total > BROAD_SEARCH {
            format!("INDEXED BY {table}_created")
        } else {
            String::new()
        };
        let rows_sql = format!(
            "SELECT body FROM {table} WHERE rowid IN (
                 SELECT rowid FROM {table} {walk} WHERE {filter}
                 ORDER BY created DESC, id DESC LIMIT ?1 OFFSET ?2)
             ORDER BY created DESC, id DESC"
        );
        let offset_param = offset as i64;
        let mut all: Vec<&dyn ToSql> = vec![&limit, &offset_param];
        all.extend(params.iter().copied());
        let mut statement = conn.prepare_cached(&rows_sql)?;
        let items = decode_bodies(statement.query_map(&all[..], |row| row.get::<_, String>(0))?)?;
        Ok(Page {
            total: total as usize,
            offset,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_a_quoted_prefix() {
        assert_eq!(fts_query(Some(" ann  lee ")).unwrap(), "\"ann\"* \"lee\"*");
        assert_eq!(fts_query(Some("")), None);
        assert_eq!(fts_query(None), None);
        assert_eq!(fts_query(Some("\" * -")), None);
    }

    #[test]
    fn fts_syntax_typed_by_a_person_is_plain_text() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(x);
             INSERT INTO t VALUES ('O''Brien \"Quoted\" Co (north) a-b x:y');",
        )
        .unwrap();
        let count = |typed: &str| -> i64 {
            let query = fts_query(Some(typed)).unwrap();
            conn.query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [query], |row| {
                row.get(0)
            })
            .unwrap_or_else(|e| panic!("{typed:?} made an FTS5 error: {e}"))
        };
        for typed in [
            "o'bri",
            "\"quoted\"",
            "\"quo",
            "co\"",
            "(north",
            "north)",
            "a-b",
            "x:y",
            "x:",
            "NOT co",
            "co OR zz",
            "co AND",
            "north*",
            "^co",
            "NEAR(co",
            "{x}",
            "+co",
        ] {
            count(typed);
        }
        assert_eq!(count("o'bri"), 1);
        assert_eq!(count("\"quo"), 1);
        assert_eq!(
            count("co OR zz"),
            0,
            "OR is a word to match, not an operator"
        );
        assert_eq!(count("brien nor"), 1);
    }
}
