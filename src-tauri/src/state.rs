//! What the backend holds while it runs: where it talks to, with which key, and the
//! cache of that environment.

use crate::cache::Cache;
use crate::error::{Error, Result};
use crate::keys::KeyStore;
use crate::preferences::Preferences;
use crate::production_permit::ProductionPermits;
use coverdesk_ipc::AppEnvironment;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};
use ten99::client::{ApiKey, Client};
use tokio::sync::{Mutex, RwLock};

/// The real API. `COVERDESK_API_BASE` replaces it (tests point it at a stand-in).
pub const API_BASE: &str = "https://api.1099policy.com";

/// The embedded stand-in's key. Not a secret: the stand-in only listens on loopback,
/// and this key exists nowhere else.
pub const LOCAL_KEY: &str = "t9sk_test_coverdesk-local";

/// The environment in use: its client (holding the key in memory) and its cache.
#[derive(Clone)]
pub struct Active {
    pub environment: AppEnvironment,
    pub client: Client,
    pub cache: Arc<Cache>,
}

pub struct AppState {
    data_dir: PathBuf,
    /// Where sandbox and production calls go: [`remote_api_base`] unless a test says otherwise.
    pub remote_base: String,
    pub keys: KeyStore,
    pub preferences: Preferences,
    pub permits: ProductionPermits,
    standin: Mutex<Option<ten99_sandbox::Running>>,
    active: RwLock<Active>,
}

/// What opening a cache found and did that the person should know (a rebuilt cache).
/// Process-wide: caches open before the window has anyone to tell.
static CACHE_NOTICES: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// The notices since the last call.
pub fn take_cache_notices() -> Vec<String> {
    std::mem::take(&mut *CACHE_NOTICES.lock().unwrap_or_else(|p| p.into_inner()))
}

pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

pub fn remote_api_base() -> String {
    std::env::var("COVERDESK_API_BASE").unwrap_or_else(|_| API_BASE.to_owned())
}

impl AppState {
    /// Opens the app's files and picks the starting environment: sandbox if that was
    /// last used and its key is still there, otherwise the local stand-in. Production
    /// is never where the app starts.
    pub async fn start(data_dir: PathBuf, keys: KeyStore) -> Result<AppState> {
        Self::start_with_remote(data_dir, keys, remote_api_base()).await
    }

    /// [`AppState::start`] with sandbox and production at `remote_base` (tests use a
    /// stand-in on loopback).
    pub async fn start_with_remote(
        data_dir: PathBuf,
        keys: KeyStore,
        remote_base: String,
    ) -> Result<AppState> {
        std::fs::create_dir_all(&data_dir)?;
        let preferences = Preferences::open(&data_dir.join("settings.sqlite"))?;
        let sandbox_key = match preferences.last_environment()? {
            AppEnvironment::Sandbox => keys.read(AppEnvironment::Sandbox).ok().flatten(),
            _ => None,
        };
        let (standin, active) = match sandbox_key {
            Some(key) => (
                None,
                Self::remote(&data_dir, &remote_base, AppEnvironment::Sandbox, key)?,
            ),
            None => {
                let standin = Self::start_standin(&data_dir).await?;
                let active = Self::local(&data_dir, &standin)?;
                (Some(standin), active)
            }
        };
        Ok(AppState {
            data_dir,
            remote_base,
            keys,
            preferences,
            permits: ProductionPermits::default(),
            standin: Mutex::new(standin),
            active: RwLock::new(active),
        })
    }

    pub async fn active(&self) -> Active {
        self.active.read().await.clone()
    }

    /// The environment a change goes to. In production only with the person's
    /// confirmation ([`ProductionPermits`]); without one nothing is sent.
    pub async fn active_for_write(&self) -> Result<Active> {
        let active = self.active().await;
        if active.environment == AppEnvironment::Production && self.permits.take().is_none() {
            return Err(Error::ProductionUnconfirmed);
        }
        Ok(active)
    }

    /// Makes `environment` the one in use. Sandbox and production need a saved key.
    pub async fn switch(&self, environment: AppEnvironment) -> Result<()> {
        let next = match environment {
            AppEnvironment::Local => {
                let mut standin = self.standin.lock().await;
                if standin.is_none() {
                    *standin = Some(Self::start_standin(&self.data_dir).await?);
                }
                Self::local(&self.data_dir, standin.as_ref().expect("started above"))?
            }
            remote => {
                let key = self.keys.read(remote)?.ok_or(Error::NoKey(remote))?;
                Self::remote(&self.data_dir, &self.remote_base, remote, key)?
            }
        };
        *self.active.write().await = next;
        // A confirmation given in one environment never carries over to another visit.
        self.permits.revoke();
        self.preferences.set_last_environment(environment)?;
        Ok(())
    }

    pub async fn api_base(&self, environment: AppEnvironment) -> String {
        match environment {
            AppEnvironment::Local => match self.standin.lock().await.as_ref() {
                Some(standin) => standin.base_url().to_owned(),
                None => "(starts when you switch to Local)".to_owned(),
            },
            _ => self.remote_base.clone(),
        }
    }

    /// The environment's cache, checked as it opens; a damaged one is rebuilt, and the
    /// person told at the next [`take_cache_notices`].
    fn cache(data_dir: &std::path::Path, environment: AppEnvironment) -> Result<Arc<Cache>> {
        let path = data_dir.join(format!("cache-{}.sqlite", environment.as_str()));
        let (cache, rebuilt) = Cache::open_checked(&path)?;
        if let Some(rebuilt) = rebuilt {
            let message = rebuilt.message();
            eprintln!("coverdesk: {message}");
            CACHE_NOTICES
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(message);
        }
        Ok(Arc::new(cache))
    }

    fn local(data_dir: &std::path::Path, standin: &ten99_sandbox::Running) -> Result<Active> {
        let client = Client::new(
            standin.base_url(),
            ApiKey::new(LOCAL_KEY),
            ten99::Environment::Sandbox,
        )?;
        Ok(Active {
            environment: AppEnvironment::Local,
            client,
            cache: Self::cache(data_dir, AppEnvironment::Local)?,
        })
    }

    fn remote(
        data_dir: &std::path::Path,
        remote_base: &str,
        environment: AppEnvironment,
        key: ApiKey,
    ) -> Result<Active> {
        let client = Client::new(remote_base, key, environment.api_environment())?;
        Ok(Active {
            environment,
            client,
            cache: Self::cache(data_dir, environment)?,
        })
    }

    /// The embedded stand-in keeps its data next to the app's, so what an ops person
    /// tries offline is still there tomorrow. `COVERDESK_STANDIN_LISTEN` fixes its
    /// address (tests use it to check what the stand-in received).
    /// `COVERDESK_SEED_DEMO=1` (set by `scripts/run`, never by tests) fills a data
    /// file created now with the stand-in's demo set, so a first run has something
    /// to look at.
    async fn start_standin(data_dir: &std::path::Path) -> Result<ten99_sandbox::Running> {
        let listen: SocketAddr = std::env::var("COVERDESK_STANDIN_LISTEN")
            .ok()
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)));
        let data = data_dir.join("standin.sqlite");
        let seed = !data.exists() && std::env::var("COVERDESK_SEED_DEMO").is_ok_and(|v| v == "1");
        let standin = ten99_sandbox::start(ten99_sandbox::Options {
            listen,
            data: Some(data),
        })
        .await
        .map_err(|e| Error::StandIn(e.to_string()))?;
        if seed {
            standin
                .seed_demo(LOCAL_KEY)
                .await
                .map_err(|e| Error::StandIn(e.to_string()))?;
        }
        Ok(standin)
    }
}
