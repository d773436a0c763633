//! The desktop notifications the app sends, as the session bus carries them: a real
//! notification server (dunst) owns `org.freedesktop.Notifications` on the test's
//! private bus, and `dbus-monitor` records each `Notify` call made to it.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One notification: its summary (title) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub summary: String,
    pub body: String,
}

pub struct Notifications {
    server: Option<Child>,
    monitor: Child,
    seen: Arc<Mutex<Vec<Notification>>>,
}

impl Notifications {
    /// Starts recording; the server too, unless one already answers on the bus.
    pub fn watch() -> Notifications {
        let server = (!owned("org.freedesktop.Notifications")).then(|| {
            Command::new("dunst")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("dunst on PATH (scripts/setup installs it)")
        });
        let mut monitor = Command::new("dbus-monitor")
            .args([
                "--session",
                "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-monitor on PATH");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let lines = BufReader::new(monitor.stdout.take().unwrap()).lines();
        let record = seen.clone();
        std::thread::spawn(move || parse(lines.map_while(Result::ok), &record));
        // The monitor and the server register on the bus before the app may call.
        let deadline = Instant::now() + Duration::from_secs(10);
        while !owned("org.freedesktop.Notifications") && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_millis(300));
        Notifications {
            server,
            monitor,
            seen,
        }
    }

    pub fn seen(&self) -> Vec<Notification> {
        self.seen.lock().unwrap().clone()
    }

    /// Waits until a notification with `summary` was sent, and returns them all.
    pub async fn wait_for(&self, summary: &str) -> Vec<Notification> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let seen = self.seen();
            if seen.iter().any(|n| n.summary == summary) {
                return seen;
            }
            assert!(
                Instant::now() < deadline,
                "no notification {summary:?} in 30 s; seen: {seen:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for Notifications {
    fn drop(&mut self) {
        let _ = self.monitor.kill();
        let _ = self.monitor.wait();
        if let Some(server) = &mut self.server {
            let _ = server.kill();
            let _ = server.wait();
        }
    }
}

fn owned(name: &str) -> bool {
    Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ])
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("boolean true"))
}

/// `Notify(app_name, replaces_id, app_icon, summary, body, …)`: after the call's header,
/// the third and fourth `string` arguments.
fn parse(lines: impl Iterator<Item = String>, seen: &Mutex<Vec<Notification>>) {
    let mut strings: Option<Vec<String>> = None;
    for line in lines {
        if line.starts_with("method call") {
            strings = line.contains("member=Notify").then(Vec::new);
            continue;
        }
        let Some(args) = strings.as_mut() else {
            continue;
        };
        if let Some(text) = line.trim_start().strip_prefix("string \"") {
            args.push(text.strip_suffix('"').unwrap_or(text).to_owned());
            if args.len() == 4 {
                seen.lock().unwrap().push(Notification {
                    summary: args[2].clone(),
                    body: args[3].clone(),
                });
                strings = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_summary_and_body_of_each_notify_call() {
        let out = r#"signal time=1 sender=org.freedesktop.DBus -> destination=:1.9 serial=2 path=/org/freedesktop/DBus; interface=org.freedesktop.DBus; member=NameAcquired
   string ":1.9"
method call time=2 sender=:1.7 -> destination=org.freedesktop.Notifications serial=9 path=/org/freedesktop/Notifications; interface=org.freedesktop.Notifications; member=Notify
   string "coverdesk"
   uint32 0
   string ""
   string "Cover lapses soon"
   string "Ann Lee's general liability ends 2026-12-12"
   array [
   ]
   int32 -1"#;
        let seen = Mutex::new(Vec::new());
        parse(out.lines().map(str::to_owned), &seen);
        assert_eq!(
            seen.into_inner().unwrap(),
            [Notification {
                summary: "Cover lapses soon".into(),
                body: "Ann Lee's general liability ends 2026-12-12".into(),
            }]
        );
    }
}
