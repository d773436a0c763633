//! The built app carries its front end: every file of `ui/dist` is embedded under its
//! path, so the window never depends on files next to the binary. (This test is also
//! why `cargo test` builds `target/debug/coverdesk`, the binary the journeys drive.)

use std::path::Path;

#[test]
fn the_binary_embeds_every_file_of_the_front_end() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_coverdesk")).expect("the app binary");
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist");
    let files: Vec<String> = std::fs::read_dir(&dist)
        .expect("ui/dist (scripts/build-ui makes it)")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with(".wasm")),
        "ui/dist holds the built front end: {files:?}"
    );
    for file in files {
        let key = format!("/{file}");
        assert!(
            binary.windows(key.len()).any(|w| w == key.as_bytes()),
            "{key} is not embedded in the app"
        );
    }
}
