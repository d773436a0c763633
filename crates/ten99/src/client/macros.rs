//! The calls every resource has the same way, written once.

/// `list`, `list_all` and `stream` of a resource at `path` (segments under `/api/v1`).
macro_rules! list_methods {
    ($ty:ty, [$($segment:literal),+], $what:literal) => {
        #[doc = concat!("One page of ", $what, ", newest first.")]
        pub async fn list(&self, params: &$crate::client::ListParams) -> Result<Vec<$ty>, $crate::client::Error> {
            Ok(self.client.page(&[$($segment),+], params, &[]).await?.data)
        }

        #[doc = concat!("Every one of the ", $what, ", walking pages of 100 with `starting_after`.")]
        pub async fn list_all(&self) -> Result<Vec<$ty>, $crate::client::Error> {
            self.client
                .collect_all(vec![$($segment.to_owned()),+], Vec::new())
                .await
        }

        #[doc = concat!("Every one of the ", $what, " as a stream, fetching `limit` (1–100) per page as it is read.")]
        pub fn stream(&self, limit: u32) -> $crate::client::Paged<$ty> {
            self.client
                .paged(vec![$($segment.to_owned()),+], limit, Vec::new())
        }
    };
}

/// `get(id)` of a resource at `path`.
macro_rules! get_method {
    ($ty:ty, [$($segment:literal),+], $what:literal) => {
        #[doc = concat!("One ", $what, " by id.")]
        pub async fn get(&self, id: &str) -> Result<$ty, $crate::client::Error> {
            self.client.get(&[$($segment,)+ id], &[]).await
        }
    };
}

/// `create`, `update` (partial PUT) and `delete` of a resource at `path`; pass
/// `no_delete` for resources the API cannot delete.
macro_rules! write_methods {
    ($ty:ty, $input:ty, $update:ty, [$($segment:literal),+], $what:literal) => {
        write_methods!($ty, $input, $update, [$($segment),+], $what, no_delete);

        #[doc = concat!("Deletes a ", $what, " for good (`DELETE`).")]
        pub async fn delete(&self, id: &str) -> Result<$crate::resources::deleted::Deleted, $crate::client::Error> {
            self.client.delete(&[$($segment,)+ id]).await
        }
    };
    ($ty:ty, $input:ty, $update:ty, [$($segment:literal),+], $what:literal, no_delete) => {
        #[doc = concat!("Creates a ", $what, " (`POST`, 201).")]
        pub async fn create(&self, input: &$input) -> Result<$ty, $crate::client::Error> {
            self.client.post(&[$($segment),+], input).await
        }

        #[doc = concat!("Changes the fields set in `update` of a ", $what, "; the rest stay as they are (`PUT`).")]
        pub async fn update(&self, id: &str, update: &$update) -> Result<$ty, $crate::client::Error> {
            self.client.put(&[$($segment,)+ id], update).await
        }
    };
}
