//! The only code that touches secrets: API keys in the OS keychain, one entry per
//! environment (service `dev.coverdesk.app`, user = environment name).
//!
//! Keys leave this module only as `ApiKey` (whose Debug/Display show the last four
//! characters, and which clears its bytes when dropped) and never reach the web view,
//! SQLite or logs.

use crate::error::{Error, Result};
use coverdesk_ipc::settings::KeychainStatus;
use coverdesk_ipc::AppEnvironment;
use ten99::client::ApiKey;

pub const SERVICE: &str = "dev.coverdesk.app";

#[derive(Debug, Clone)]
pub struct KeyStore {
    service: String,
}

impl Default for KeyStore {
    fn default() -> Self {
        KeyStore {
            service: SERVICE.to_owned(),
        }
    }
}

impl KeyStore {
    /// A store under another service name, so tests never touch a real user's keys.
    pub fn with_service(service: &str) -> KeyStore {
        KeyStore {
            service: service.to_owned(),
        }
    }

    fn entry(&self, environment: AppEnvironment) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.service, environment.as_str()).map_err(keychain_error)
    }

    /// Stores (or replaces) the key of `environment`.
    pub fn save(&self, environment: AppEnvironment, key: &ApiKey) -> Result<()> {
        self.entry(environment)?
            .set_password(key.expose())
            .map_err(keychain_error)
    }

    pub fn read(&self, environment: AppEnvironment) -> Result<Option<ApiKey>> {
        match self.entry(environment)?.get_password() {
            Ok(secret) => Ok(Some(ApiKey::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keychain_error(e)),
        }
    }

    /// Removes the key; removing a key that is not there is not an error.
    pub fn delete(&self, environment: AppEnvironment) -> Result<()> {
        match self.entry(environment)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error(e)),
        }
    }

    /// Whether the keychain can be used now: reading an entry reaches the service and,
    /// when it is locked, asks for it to be unlocked.
    pub fn check(&self) -> Result<()> {
        self.read(AppEnvironment::Sandbox).map(drop)
    }

    /// Whether the keychain answers, with what to do when it does not.
    pub fn status(&self) -> KeychainStatus {
        match self.check() {
            Ok(()) => KeychainStatus {
                available: true,
                code: None,
                message: None,
            },
            Err(e) => KeychainStatus {
                available: false,
                code: Some(e.code()),
                message: Some(e.to_string()),
            },
        }
    }
}

/// Locked or refused is something the person can fix at once (unlock, allow); a
/// missing service needs one installed or started.
fn keychain_error(e: keyring::Error) -> Error {
    match e {
        keyring::Error::NoStorageAccess(cause) => Error::KeychainLocked(cause.to_string()),
        keyring::Error::PlatformFailure(cause) => Error::KeychainUnavailable(cause.to_string()),
        other => Error::KeychainUnavailable(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    //! These run against a real Secret Service. `scripts/test` starts gnome-keyring in a
    //! private D-Bus session and runs them with `--include-ignored`.
    use super::*;

    fn store(name: &str) -> KeyStore {
        KeyStore::with_service(&format!("dev.coverdesk.test.{name}.{}", std::process::id()))
    }

    #[test]
    #[ignore = "needs a Secret Service; scripts/test provides one"]
    fn stores_reads_replaces_and_deletes_a_key() {
        let keys = store("lifecycle");
        assert!(keys.read(AppEnvironment::Sandbox).unwrap().is_none());

        keys.save(
            AppEnvironment::Sandbox,
            &ApiKey::new("t9sk_test_first-0001"),
        )
        .unwrap();
        assert_eq!(
            keys.read(AppEnvironment::Sandbox)
                .unwrap()
                .unwrap()
                .expose(),
            "t9sk_test_first-0001"
        );

        keys.save(
            AppEnvironment::Sandbox,
            &ApiKey::new("t9sk_test_second-0002"),
        )
        .unwrap();
        assert_eq!(
            keys.read(AppEnvironment::Sandbox)
                .unwrap()
                .unwrap()
                .expose(),
            "t9sk_test_second-0002"
        );
        // One entry per environment: production is untouched.
        assert!(keys.read(AppEnvironment::Production).unwrap().is_none());

        keys.delete(AppEnvironment::Sandbox).unwrap();
        assert!(keys.read(AppEnvironment::Sandbox).unwrap().is_none());
        keys.delete(AppEnvironment::Sandbox).unwrap();
    }

    #[test]
    #[ignore = "needs a Secret Service; scripts/test provides one"]
    fn environments_have_separate_entries() {
        let keys = store("separate");
        keys.save(AppEnvironment::Sandbox, &ApiKey::new("t9sk_test_aaaa"))
            .unwrap();
        keys.save(AppEnvironment::Production, &ApiKey::new("t9sk_live_bbbb"))
            .unwrap();
        assert_eq!(
            keys.read(AppEnvironment::Sandbox).unwrap().unwrap().last4(),
            "aaaa"
        );
        assert_eq!(
            keys.read(AppEnvironment::Production)
                .unwrap()
                .unwrap()
                .last4(),
            "bbbb"
        );
        keys.delete(AppEnvironment::Sandbox).unwrap();
        keys.delete(AppEnvironment::Production).unwrap();
        assert!(keys.status().available);
    }
}
