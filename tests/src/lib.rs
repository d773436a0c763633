//! The harness of the end-to-end journeys.
//!
//! Each journey launches the built `coverdesk` binary (debug build, or `COVERDESK_APP`)
//! through `tauri-driver` and WebKitWebDriver, with its own data folder and its own
//! loopback port for the embedded stand-in, then drives the real window. It never
//! reaches inside the app: what the app did is checked over HTTP at the stand-in.
//! The display comes from the caller (`scripts/test` runs everything under Xvfb).

pub mod coverage;
pub mod notifications;
pub mod records;
pub mod screenshot;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The key the app uses for its embedded stand-in (`src-tauri/src/state.rs`).
pub const LOCAL_KEY: &str = "t9sk_test_coverdesk-local";

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

/// The app under test: the debug build, or `COVERDESK_APP`.
pub fn app_binary() -> PathBuf {
    let app = std::env::var("COVERDESK_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target/debug/coverdesk"));
    assert!(
        app.exists(),
        "build the app first (cargo build -p coverdesk): {} is missing",
        app.display()
    );
    app
}

/// The environment that gives the app `data_home` as its data, config and cache root.
pub fn folders_env(data_home: &Path) -> [(&'static str, PathBuf); 3] {
    [
        ("XDG_DATA_HOME", data_home.join("data")),
        ("XDG_CONFIG_HOME", data_home.join("config")),
        ("XDG_CACHE_HOME", data_home.join("cache")),
    ]
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("a free loopback port")
        .local_addr()
        .unwrap()
        .port()
}

pub struct App {
    pub driver: Client,
    tauri_driver: Child,
    pub standin: String,
    pub data_home: PathBuf,
    http: reqwest::Client,
}

impl App {
    /// Starts a fresh app whose files live under `target/journeys/<name>`.
    pub async fn launch(name: &str) -> App {
        App::launch_with(name, &[]).await
    }

    /// Starts a fresh app with extra environment variables (`COVERDESK_API_BASE`, …).
    pub async fn launch_with(name: &str, env: &[(&str, &str)]) -> App {
        let data_home = workspace_root().join("target/journeys").join(name);
        let _ = std::fs::remove_dir_all(&data_home);
        std::fs::create_dir_all(&data_home).unwrap();
        App::launch_in(data_home, env).await
    }

    /// Starts the app on an existing data folder (a restart).
    ///
    /// An app that dies before its window leaves WebKitWebDriver waiting for ever. Seen
    /// once in a full run, in the twelfth launch of the kill loop: GTK could not open
    /// the display of a busy Xvfb. Such a start is told and tried once more; a second
    /// one fails the journey with the app's own words.
    pub async fn launch_in(data_home: PathBuf, env: &[(&str, &str)]) -> App {
        match App::try_launch(&data_home, env).await {
            Ok(app) => app,
            Err(first) => {
                eprintln!("the app died at start; launching it again. It said: {first}");
                App::try_launch(&data_home, env)
                    .await
                    .unwrap_or_else(|again| panic!("the app died at start twice: {again}"))
            }
        }
    }

    /// One launch: the app in its window, or what it said when it died before opening it.
    async fn try_launch(data_home: &Path, env: &[(&str, &str)]) -> Result<App, String> {
        let app = app_binary();
        let (port, native_port, standin_port) = (free_port(), free_port(), free_port());
        let log_path = data_home.join("tauri-driver.log");
        let log = std::fs::File::create(&log_path).unwrap();
        let mut tauri_driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(folders_env(data_home))
            .env(
                "COVERDESK_STANDIN_LISTEN",
                format!("127.0.0.1:{standin_port}"),
            )
            .envs(env.iter().copied())
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("tauri-driver on PATH (scripts/setup installs it)");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app }),
        );
        let url = format!("http://127.0.0.1:{port}");
        // A new session is answered only once the app's window is up, so one attempt can
        // wait as long as a launch does; each gets what is left of the deadline.
        let deadline = Instant::now() + Duration::from_secs(60);
        let driver = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let mut builder = ClientBuilder::native();
            builder.capabilities(capabilities.clone());
            let attempt = tokio::select! {
                attempt = tokio::time::timeout(left, builder.connect(&url)) => attempt,
                said = died_at_start(&log_path) => {
                    stop_driver(&mut tauri_driver);
                    return Err(said);
                }
            };
            match attempt {
                Ok(Ok(client)) => break client,
                Ok(Err(e)) if Instant::now() > deadline => {
                    stop_driver(&mut tauri_driver);
                    panic!("tauri-driver did not start the app: {e}")
                }
                Err(_) => {
                    stop_driver(&mut tauri_driver);
                    panic!(
                        "the app did not open a window within 60 s (tauri-driver's log: {})",
                        log_path.display()
                    )
                }
                Ok(Err(_)) => tokio::time::sleep(Duration::from_millis(250)).await,
            }
        };
        Ok(App {
            driver,
            tauri_driver,
            standin: format!("http://127.0.0.1:{standin_port}"),
            data_home: data_home.to_owned(),
            http: reqwest::Client::new(),
        })
    }

    /// Waits for the element with `id` to be present (the UI renders asynchronously).
    pub async fn element(&self, id: &str) -> Element {
        match self
            .driver
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Id(id))
            .await
        {
            Ok(element) => element,
            Err(e) => {
                let page = self.driver.source().await.unwrap_or_default();
                self.failure_screenshot().await;
                panic!("#{id} never appeared ({e}); the page was:\n{page}")
            }
        }
    }

    pub async fn fill(&self, id: &str, text: &str) {
        let field = self.centred(id).await;
        if let Err(e) = field.clear().await {
            let shot = self.failure_screenshot().await;
            panic!(
                "#{id} cannot be filled ({e}); screenshot: {}",
                shot.display()
            );
        }
        field.send_keys(text).await.unwrap();
    }

    /// Puts `text` into the field at once, as a paste does (WebDriver's typing cannot
    /// send every character: emoji outside the BMP, control characters, 5,000 lines).
    pub async fn paste(&self, id: &str, text: &str) {
        let field = self.element(id).await;
        self.driver
            .execute(
                "arguments[0].value = arguments[1]; \
                 arguments[0].dispatchEvent(new Event('input', { bubbles: true }))",
                vec![serde_json::to_value(&field).unwrap(), text.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("#{id} cannot be pasted into ({e})"));
    }

    /// `paste` into several fields within one script: the form changes all at once, so
    /// what reacts to it after a pause (the draft, written 300 ms after typing stops) sees
    /// every value together, whatever the speed of WebDriver.
    pub async fn paste_all(&self, fields: &[(&str, &str)]) {
        let mut args = Vec::new();
        for (id, text) in fields {
            args.push(serde_json::to_value(self.element(id).await).unwrap());
            args.push(serde_json::Value::from(*text));
        }
        self.driver
            .execute(
                "for (let i = 0; i < arguments.length; i += 2) { \
                   arguments[i].value = arguments[i + 1]; \
                   arguments[i].dispatchEvent(new Event('input', { bubbles: true })); \
                 }",
                args,
            )
            .await
            .unwrap_or_else(|e| panic!("{fields:?} cannot be pasted into ({e})"));
    }

    pub async fn select(&self, id: &str, value: &str) {
        let element = self.element(id).await;
        element.select_by_value(value).await.unwrap();
        // WebKitWebDriver does not always fire `change` when the option picked again is
        // the one the select showed before the form was cleared; a person's pick does.
        let arg = serde_json::to_value(&element).unwrap();
        self.driver
            .execute(
                "arguments[0].value = arguments[1]; \
                 arguments[0].dispatchEvent(new Event('change', { bubbles: true }))",
                vec![arg, serde_json::Value::from(value)],
            )
            .await
            .unwrap();
    }

    /// Clicks through the DOM instead of WebDriver's pointer. Only for what
    /// WebKitWebDriver refuses to click although it is in sight: the buttons of the
    /// fixed notice stack, which it answers with an empty error.
    pub async fn click_by_script(&self, id: &str) {
        let element = self.element(id).await;
        let arg = serde_json::to_value(&element).unwrap();
        self.driver
            .execute("arguments[0].click()", vec![arg])
            .await
            .unwrap_or_else(|e| panic!("#{id} cannot be clicked by script ({e})"));
    }

    pub async fn click(&self, id: &str) {
        if let Err(e) = self.centred(id).await.click().await {
            let shot = self.failure_screenshot().await;
            panic!(
                "#{id} cannot be clicked ({e}); screenshot: {}",
                shot.display()
            );
        }
    }

    /// The element with `id`, scrolled to the middle of the window, so the toasts in the
    /// bottom corner and the sticky header cannot cover it.
    async fn centred(&self, id: &str) -> Element {
        let element = self.element(id).await;
        let arg = serde_json::to_value(&element).unwrap();
        self.driver
            .execute("arguments[0].scrollIntoView({block: 'center'})", vec![arg])
            .await
            .expect("scrolling works");
        element
    }

    /// Polls until the element's text satisfies `accept`, returning that text.
    pub async fn wait_for_text(&self, id: &str, accept: impl Fn(&str) -> bool) -> String {
        self.wait_for_text_within(id, Duration::from_secs(20), accept)
            .await
    }

    /// `wait_for_text` for what takes longer than a screen does (a large import).
    pub async fn wait_for_text_within(
        &self,
        id: &str,
        within: Duration,
        accept: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + within;
        loop {
            let text = match self.driver.find(Locator::Id(id)).await {
                Ok(element) => as_read(&element.text().await.unwrap_or_default()),
                Err(_) => String::new(),
            };
            if accept(&text) {
                return text;
            }
            if Instant::now() > deadline {
                let shot = self.failure_screenshot().await;
                let errors = self
                    .driver
                    .execute("return JSON.stringify(window.__errors || [])", vec![])
                    .await
                    .unwrap_or_default();
                panic!(
                    "#{id} never showed the expected text; last: {text:?}; console errors: \
                     {errors}; screenshot: {}",
                    shot.display()
                );
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Waits until the image with `id` has loaded, and returns its natural width in
    /// pixels (0 if it never loaded within 15 s).
    pub async fn drawn_width(&self, id: &str) -> f64 {
        let image = self.element(id).await;
        let arg = serde_json::to_value(&image).unwrap();
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let width = self
                .driver
                .execute(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0",
                    vec![arg.clone()],
                )
                .await
                .ok()
                .and_then(|w| w.as_f64())
                .unwrap_or(0.0);
            if width > 0.0 || Instant::now() > deadline {
                return width;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Scrolls the element with `id` into view (for screenshots of what is below the fold).
    pub async fn scroll_to(&self, id: &str) {
        let element = self.element(id).await;
        let arg = serde_json::to_value(&element).unwrap();
        self.driver
            .execute("arguments[0].scrollIntoView({block: 'start'})", vec![arg])
            .await
            .expect("scrolling works");
    }

    /// Saves a PNG of the window under `target/screenshots/` (see `screenshot::save`).
    /// One that WebDriver never answers fails the journey: it could go no further.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = workspace_root().join("target/screenshots");
        screenshot::save(&self.driver, &dir, name)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// `screenshot("failure")` on the way to a panic: a screenshot that does not come is
    /// told on stderr, and the caller's own message stays the one the journey fails with.
    async fn failure_screenshot(&self) -> PathBuf {
        let dir = workspace_root().join("target/screenshots");
        screenshot::save(&self.driver, &dir, "failure")
            .await
            .unwrap_or_else(|e| {
                eprintln!("{e}");
                dir.join("failure.png")
            })
    }

    /// GET at the embedded stand-in, as the app's local tenant.
    pub async fn standin_get(&self, path_and_query: &str) -> serde_json::Value {
        self.http
            .get(format!("{}{}", self.standin, path_and_query))
            .bearer_auth(LOCAL_KEY)
            .send()
            .await
            .expect("the stand-in answers")
            .json()
            .await
            .expect("a JSON answer")
    }

    /// POST `body` at the embedded stand-in, as the app's local tenant (to set up data
    /// the way another tool would, or to use its `/_sandbox` controls). Panics on an
    /// error status, naming it.
    pub async fn standin_post(&self, path: &str, body: serde_json::Value) -> serde_json::Value {
        let response = self
            .http
            .post(format!("{}{}", self.standin, path))
            .bearer_auth(LOCAL_KEY)
            .json(&body)
            .send()
            .await
            .expect("the stand-in answers");
        let status = response.status();
        let answer: serde_json::Value = response.json().await.expect("a JSON answer");
        assert!(status.is_success(), "POST {path}: {status} {answer}");
        answer
    }

    /// The HTTP status of a GET at the embedded stand-in (404: gone).
    pub async fn standin_status(&self, path: &str) -> u16 {
        self.http
            .get(format!("{}{}", self.standin, path))
            .bearer_auth(LOCAL_KEY)
            .send()
            .await
            .expect("the stand-in answers")
            .status()
            .as_u16()
    }

    /// The `value` property of an input (what is typed in it now).
    pub async fn value_of(&self, id: &str) -> String {
        self.element(id)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// The API calls the stand-in has seen from the app, as `METHOD /path` lines.
    pub async fn api_calls(&self) -> Vec<String> {
        calls_as(&self.standin, LOCAL_KEY).await
    }

    /// From now on, keeps every reply (and rejection) of the backend to the web view,
    /// so a journey can check what crossed the IPC boundary (`ipc_replies`).
    pub async fn record_ipc_replies(&self) {
        // Tauri's global API object is frozen, so the recorder puts a copy in its place
        // whose `core.invoke` records, then forwards to the original.
        let installed = self
            .driver
            .execute(
                r#"
                if (!window.__ipcReplies) {
                    const replies = [];
                    const tauri = window.__TAURI__;
                    const invoke = tauri.core.invoke;
                    const core = Object.assign({}, tauri.core, {
                        invoke: (cmd, args, options) => invoke(cmd, args, options).then(
                            (reply) => { replies.push(cmd + " ok " + JSON.stringify(reply)); return reply; },
                            (error) => { replies.push(cmd + " err " + JSON.stringify(error)); throw error; }),
                    });
                    Object.defineProperty(window, "__TAURI__", {
                        value: Object.assign({}, tauri, { core }),
                        configurable: true,
                        writable: true,
                    });
                    window.__ipcReplies = replies;
                }
                return window.__TAURI__.core.invoke !== undefined && window.__ipcReplies !== undefined
                    && Object.getOwnPropertyDescriptor(window.__TAURI__.core, "invoke").value.length === 3;
                "#,
                vec![],
            )
            .await
            .expect("the recorder installs");
        assert_eq!(
            installed,
            serde_json::json!(true),
            "the IPC recorder is in place"
        );
    }

    /// What `record_ipc_replies` kept: `command ok|err <JSON>` lines.
    pub async fn ipc_replies(&self) -> Vec<String> {
        let replies = self
            .driver
            .execute("return window.__ipcReplies || []", vec![])
            .await
            .expect("the recorder answers");
        serde_json::from_value(replies).expect("a list of strings")
    }

    /// The id of the element that has the keyboard focus.
    pub async fn focused_id(&self) -> String {
        let id = self
            .driver
            .execute(
                "return document.activeElement && document.activeElement.id",
                vec![],
            )
            .await
            .expect("the page answers");
        id.as_str().unwrap_or_default().to_owned()
    }

    /// Sends keys (e.g. `"\u{E00C}"` Escape, `"\u{E007}"` Enter) to the element with `id`.
    pub async fn press(&self, id: &str, keys: &str) {
        self.element(id).await.send_keys(keys).await.unwrap();
    }

    /// Waits until no element with `id` is on the page.
    pub async fn wait_gone(&self, id: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.driver.find(Locator::Id(id)).await.is_ok() {
            assert!(Instant::now() < deadline, "#{id} never went away");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs a script in the page (to hook the console while diagnosing).
    pub async fn driver_execute(&self, script: &str) -> String {
        self.driver
            .execute(script, vec![])
            .await
            .expect("the script runs")
            .to_string()
    }

    /// What the OS does to a process it kills: SIGKILL to the app running on this data
    /// folder, no chance to finish a write. The WebDriver session then ends with it.
    pub async fn kill_app(self) {
        let pids = app_pids(&self.data_home);
        assert!(
            !pids.is_empty(),
            "no app is running on {}",
            self.data_home.display()
        );
        for pid in &pids {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while !app_pids(&self.data_home).is_empty() {
            assert!(Instant::now() < deadline, "the app outlived SIGKILL");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = tokio::time::timeout(Duration::from_secs(5), self.driver.clone().close()).await;
    }

    /// Ends the WebDriver session, which closes the app's window and the app.
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(20), self.driver.clone().close()).await;
        // The session's end has closed the app; its WebKitWebDriver goes with tauri-driver.
        let _ = self.tauri_driver.kill();
        let _ = self.tauri_driver.wait();
    }
}

/// However a journey ends (closed, killed, or failed half-way), the drivers it started
/// do not outlive it.
impl Drop for App {
    fn drop(&mut self) {
        stop_driver(&mut self.tauri_driver);
    }
}

/// Stops a tauri-driver that is still running, and the WebKitWebDriver it started: that
/// one outlives it when its session died with the app, and does not always heed SIGTERM
/// once its browser vanished.
fn stop_driver(tauri_driver: &mut Child) {
    if !matches!(tauri_driver.try_wait(), Ok(None)) {
        return;
    }
    for child in children_of(tauri_driver.id()) {
        let _ = Command::new("kill")
            .args(["-KILL", &child.to_string()])
            .status();
    }
    let _ = tauri_driver.kill();
    let _ = tauri_driver.wait();
}

/// Resolves, with the app's panic message, once the launch log shows the app panicked
/// (before its window, while a session is being started); pending otherwise.
async fn died_at_start(log: &Path) -> String {
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if let Some(at) = text.find("panicked at") {
            return text[at..].lines().take(2).collect::<Vec<_>>().join(" ");
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Awaits `work`, or fails naming `what` once `limit` has passed: a WebDriver command
/// has no deadline of its own, and a journey that waits forever holds up the whole run.
pub async fn within<T>(
    limit: Duration,
    what: &str,
    work: impl std::future::Future<Output = T>,
) -> T {
    match tokio::time::timeout(limit, work).await {
        Ok(done) => done,
        Err(_) => panic!("{what} did not finish within {} s", limit.as_secs()),
    }
}

/// The ids of the app processes whose data folder is `data_home` (read from each
/// process's environment, so another journey's app is never touched).
pub fn app_pids(data_home: &Path) -> Vec<u32> {
    let wanted = format!("XDG_DATA_HOME={}", data_home.join("data").display());
    let binary = app_binary();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
            let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            exe.as_deref() == Some(binary.as_path())
                && environ.split(|b| *b == 0).any(|v| v == wanted.as_bytes())
        })
        .collect()
}

/// The processes whose parent is `pid`.
fn children_of(pid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|child| {
            // `stat` is "pid (comm) state ppid …"; comm may hold spaces, so split after ')'.
            std::fs::read_to_string(format!("/proc/{child}/stat"))
                .ok()
                .and_then(|stat| {
                    let after = stat.rsplit_once(')')?.1.to_owned();
                    after.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(pid)
        })
        .collect()
}

/// Text as a person reads it: without the invisible isolates (U+2068, U+2069) the UI
/// puts around names inside sentences so that their direction stays theirs.
pub fn as_read(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// GET `path_and_query` at an API (or stand-in) `base` with `key`.
pub async fn get_as(base: &str, key: &str, path_and_query: &str) -> serde_json::Value {
    reqwest::Client::new()
        .get(format!("{base}{path_and_query}"))
        .bearer_auth(key)
        .send()
        .await
        .expect("the stand-in answers")
        .json()
        .await
        .expect("a JSON answer")
}

/// The calls a stand-in at `base` has seen with `key`, as `METHOD /path` lines.
pub async fn calls_as(base: &str, key: &str) -> Vec<String> {
    let seen = get_as(base, key, "/_sandbox/requests").await;
    seen.as_array()
        .expect("an array of requests")
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["method"].as_str().unwrap_or(""),
                r["path"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// Every file under `root` whose bytes contain `needle`.
pub fn files_containing(root: &Path, needle: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, needle: &[u8], found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, needle, found);
            } else if std::fs::read(&path)
                .is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle))
            {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(root, needle.as_bytes(), &mut found);
    found
}
