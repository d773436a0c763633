//! Settings that are not secret, in `settings.sqlite`: the environment last used and
//! when each key was saved. Never the key itself.

use crate::cache::migrations;
use crate::error::Result;
use coverdesk_ipc::compliance::{check_warning_days, DEFAULT_WARNING_DAYS};
use coverdesk_ipc::sessions::SessionDefaults;
use coverdesk_ipc::AppEnvironment;
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;
use std::sync::Mutex;

pub struct Preferences {
    conn: Mutex<Connection>,
}

const ENVIRONMENT: &str = "environment";
const SUCCESS_URL: &str = "session.success_url";
const CANCEL_URL: &str = "session.cancel_url";
const WARNING_DAYS: &str = "compliance.warning_days";

/// Where a contractor lands after applying until the team saves its own pages:
/// addresses reserved for examples, so nothing real is hit by accident.
pub const DEFAULT_SUCCESS_URL: &str = "https://example.com/insurance/complete";
pub const DEFAULT_CANCEL_URL: &str = "https://example.com/insurance/cancelled";

fn key_saved_at(environment: AppEnvironment) -> String {
    format!("key_saved_at.{}", environment.as_str())
}

impl Preferences {
    pub fn open(path: &Path) -> Result<Preferences> {
        let mut conn = Connection::open(path)?;
        migrations::apply(&mut conn, migrations::SETTINGS)?;
        Ok(Preferences {
            conn: Mutex::new(conn),
        })
    }

    fn get(&self, name: &str) -> Result<Option<String>> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        Ok(conn
            .query_row("SELECT value FROM settings WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn set(&self, name: &str, value: Option<&str>) -> Result<()> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        match value {
            Some(value) => conn.execute(
                "INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                [name, value],
            )?,
            None => conn.execute("DELETE FROM settings WHERE name = ?1", [name])?,
        };
        Ok(())
    }

    pub fn last_environment(&self) -> Result<AppEnvironment> {
        Ok(match self.get(ENVIRONMENT)?.as_deref() {
            Some("sandbox") => AppEnvironment::Sandbox,
            Some("production") => AppEnvironment::Production,
            _ => AppEnvironment::Local,
        })
    }

    pub fn set_last_environment(&self, environment: AppEnvironment) -> Result<()> {
        self.set(ENVIRONMENT, Some(environment.as_str()))
    }

    /// The success and cancel URLs new application sessions get.
    pub fn session_defaults(&self) -> Result<SessionDefaults> {
        Ok(SessionDefaults {
            success_url: self
                .get(SUCCESS_URL)?
                .unwrap_or_else(|| DEFAULT_SUCCESS_URL.to_owned()),
            cancel_url: self
                .get(CANCEL_URL)?
                .unwrap_or_else(|| DEFAULT_CANCEL_URL.to_owned()),
        })
    }

    pub fn set_session_defaults(&self, defaults: &SessionDefaults) -> Result<()> {
        self.set(SUCCESS_URL, Some(defaults.success_url.trim()))?;
        self.set(CANCEL_URL, Some(defaults.cancel_url.trim()))
    }

    /// How many days before a lapse the compliance desk warns; a value kept by an older
    /// or newer version that is out of bounds falls back to the default.
    pub fn warning_days(&self) -> Result<u32> {
        Ok(self
            .get(WARNING_DAYS)?
            .and_then(|v| v.parse().ok())
            .and_then(|days| check_warning_days(days).ok())
            .unwrap_or(DEFAULT_WARNING_DAYS))
    }

    pub fn set_warning_days(&self, days: u32) -> Result<()> {
        self.set(WARNING_DAYS, Some(&days.to_string()))
    }

    pub fn key_saved_at(&self, environment: AppEnvironment) -> Result<Option<i64>> {
        Ok(self
            .get(&key_saved_at(environment))?
            .and_then(|v| v.parse().ok()))
    }

    pub fn set_key_saved_at(&self, environment: AppEnvironment, at: Option<i64>) -> Result<()> {
        self.set(
            &key_saved_at(environment),
            at.map(|t| t.to_string()).as_deref(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_warning_window_and_ignores_one_out_of_bounds() {
        let dir = tempfile::tempdir().unwrap();
        let prefs = Preferences::open(&dir.path().join("settings.sqlite")).unwrap();
        assert_eq!(prefs.warning_days().unwrap(), 14);
        prefs.set_warning_days(30).unwrap();
        assert_eq!(prefs.warning_days().unwrap(), 30);
        prefs.set(WARNING_DAYS, Some("9000")).unwrap();
        assert_eq!(prefs.warning_days().unwrap(), 14);
    }

    #[test]
    fn remembers_environment_and_key_dates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.sqlite");
        let prefs = Preferences::open(&path).unwrap();
        assert_eq!(prefs.last_environment().unwrap(), AppEnvironment::Local);
        prefs.set_last_environment(AppEnvironment::Sandbox).unwrap();
        prefs
            .set_key_saved_at(AppEnvironment::Sandbox, Some(1_700_000_000))
            .unwrap();
        drop(prefs);
        let prefs = Preferences::open(&path).unwrap();
        assert_eq!(prefs.last_environment().unwrap(), AppEnvironment::Sandbox);
        assert_eq!(
            prefs.key_saved_at(AppEnvironment::Sandbox).unwrap(),
            Some(1_700_000_000)
        );
        prefs
            .set_key_saved_at(AppEnvironment::Sandbox, None)
            .unwrap();
        assert_eq!(prefs.key_saved_at(AppEnvironment::Sandbox).unwrap(), None);
    }

    #[test]
    fn session_defaults_start_as_examples_and_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.sqlite");
        let prefs = Preferences::open(&path).unwrap();
        assert_eq!(
            prefs.session_defaults().unwrap().success_url,
            DEFAULT_SUCCESS_URL
        );
        let ours = SessionDefaults {
            success_url: "https://ops.example.org/done ".into(),
            cancel_url: "https://ops.example.org/cancel".into(),
        };
        prefs.set_session_defaults(&ours).unwrap();
        drop(prefs);
        let saved = Preferences::open(&path)
            .unwrap()
            .session_defaults()
            .unwrap();
        assert_eq!(saved.success_url, "https://ops.example.org/done");
        assert_eq!(saved.cancel_url, ours.cancel_url);
    }
}
