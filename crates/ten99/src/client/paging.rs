//! Pages of a list endpoint, and all of them as a [`Stream`].

use super::{Client, Error, ListParams};
use crate::list::List;
use futures_core::Stream;
use futures_util::{stream, StreamExt, TryStreamExt};
use serde::de::DeserializeOwned;
use std::pin::Pin;

/// Every object of a list, fetched a page at a time as the stream is read. Read it
/// with `futures_util::TryStreamExt::try_next` (or `StreamExt::next`). An error ends
/// the stream.
pub type Paged<T> = Pin<Box<dyn Stream<Item = Result<T, Error>> + Send>>;

/// What the next page starts after: the object's id.
pub(crate) trait Cursor {
    fn cursor(&self) -> Option<&str>;
}

/// The query of one list call: paging plus a resource's own filters.
pub(crate) type Filters = Vec<(&'static str, String)>;

impl Client {
    /// One page, enveloped or bare (§3).
    pub(crate) async fn page<T: DeserializeOwned>(
        &self,
        path: &[&str],
        params: &ListParams,
        filters: &[(&'static str, String)],
    ) -> Result<List<T>, Error> {
        let mut query = params.query();
        query.extend(filters.iter().cloned());
        self.get(path, &query).await
    }

    /// Walks the pages with `starting_after` = the last id, until a page says it is
    /// the last (`has_more: false`, or shorter than `limit`).
    pub(crate) fn paged<T>(&self, path: Vec<String>, limit: u32, filters: Filters) -> Paged<T>
    where
        T: DeserializeOwned + Cursor + Send + 'static,
    {
        let start = Walk {
            client: self.clone(),
            path,
            filters,
            params: ListParams::with_limit(limit.clamp(1, 100)),
            done: false,
        };
        let pages = stream::try_unfold(start, |mut walk| async move {
            if walk.done {
                return Ok(None);
            }
            let path: Vec<&str> = walk.path.iter().map(String::as_str).collect();
            let page: List<T> = walk.client.page(&path, &walk.params, &walk.filters).await?;
            let limit = walk.params.limit.unwrap_or(10) as usize;
            let next = page.data.last().and_then(T::cursor).map(str::to_owned);
            // A cursor that did not move would fetch the same page forever.
            walk.done =
                !page.may_have_more(limit) || next.is_none() || next == walk.params.starting_after;
            walk.params.starting_after = next;
            Ok(Some((page.data, walk)))
        });
        pages
            .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
            .try_flatten()
            .boxed()
    }

    /// Every object, in pages of 100.
    pub(crate) async fn collect_all<T>(
        &self,
        path: Vec<String>,
        filters: Filters,
    ) -> Result<Vec<T>, Error>
    where
        T: DeserializeOwned + Cursor + Send + 'static,
    {
        self.paged(path, 100, filters).try_collect().await
    }
}

struct Walk {
    client: Client,
    path: Vec<String>,
    filters: Filters,
    params: ListParams,
    done: bool,
}

macro_rules! cursor_is_id {
    ($($ty:ty),+ $(,)?) => {
        $(impl Cursor for $ty {
            fn cursor(&self) -> Option<&str> {
                Some(&self.id)
            }
        })+
    };
}

use crate::resources::*;
cursor_is_id!(
    assignments::Assignment,
    certificates::Certificate,
    contractors::Contractor,
    entities::Entity,
    invoices::Invoice,
    jobs::Job,
    policies::Policy,
    quotes::Quote,
    sessions::Session,
    webhook_endpoints::WebhookEndpoint,
);

impl Cursor for events::Event {
    fn cursor(&self) -> Option<&str> {
        self.id.as_deref()
    }
}

impl Cursor for job_categories::JobCategory {
    fn cursor(&self) -> Option<&str> {
        Some(&self.category_code)
    }
}
