//! Settings that are not secret, in `settings.sqlite`: the environment last used and
//! when each key was saved. Never the key itself.

use crate::cache::migrations;
use crate::error::Result;
use coverdesk_ipc::AppEnvironment;
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;
use std::sync::Mutex;

pub struct Preferences {
    conn: Mutex<Connection>,
}

const ENVIRONMENT: &str = "environment";

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
}
