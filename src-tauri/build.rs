//! Least privilege for the app's own commands: every command in the handler list of
//! `src/lib.rs` gets its own permission (`allow-<command>`, the way Tauri plugins do),
//! and once an app manifest exists Tauri refuses any command the window's capability
//! does not grant. The build fails when a command is registered but not granted in
//! `capabilities/default.json`, or granted but no longer registered, so the two lists
//! cannot drift apart.

use std::fs;

const HANDLERS: &str = "src/lib.rs";
const CAPABILITY: &str = "capabilities/default.json";

/// The command names in `tauri::generate_handler![...]`: the last segment of each path.
fn registered_commands(lib: &str) -> Vec<String> {
    let start = lib
        .find("generate_handler![")
        .expect("src/lib.rs registers its commands with tauri::generate_handler!");
    let rest = &lib[start + "generate_handler![".len()..];
    let list = &rest[..rest.find(']').expect("generate_handler! is closed")];
    list.split(',')
        .map(|path| {
            path.lines()
                .map(|line| line.split("//").next().unwrap_or_default())
                .collect::<String>()
        })
        .filter_map(|path| {
            path.trim()
                .rsplit("::")
                .next()
                .map(str::trim)
                .map(str::to_owned)
        })
        .filter(|name| !name.is_empty())
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed={HANDLERS}");
    println!("cargo:rerun-if-changed={CAPABILITY}");
    let lib = fs::read_to_string(HANDLERS).expect("src/lib.rs");
    let commands = registered_commands(&lib);
    let capability = fs::read_to_string(CAPABILITY).expect("capabilities/default.json");
    let capability: serde_json::Value =
        serde_json::from_str(&capability).expect("capabilities/default.json is JSON");
    let granted: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("the capability lists permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.contains(':'))
        .collect();
    let wanted: Vec<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    for permission in &wanted {
        assert!(
            granted.contains(&permission.as_str()),
            "{CAPABILITY} must grant \"{permission}\" for a command registered in {HANDLERS} \
             (or the window cannot call it)"
        );
    }
    for permission in &granted {
        assert!(
            wanted.iter().any(|w| w == permission),
            "{CAPABILITY} grants \"{permission}\", but no such command is registered in {HANDLERS}"
        );
    }
    let commands: &'static [&'static str] =
        Vec::leak(commands.into_iter().map(|c| &*String::leak(c)).collect());
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build");
}
