// Loads the wasm module built by wasm-bindgen (`--target web`); its start function mounts the app.
import init from './coverdesk_ui.js';

// When this ran (after the page, its stylesheet and the glue above had loaded): one of
// the start-up marks the app reports with its ready line (`ui/src/lib.rs`).
globalThis.__coverdeskBootAt = Date.now();

// Before anything is laid out: on Linux the stylesheet uses the desktop's fonts by their
// generic names, which WebKitGTK resolves without a search (assets/style.css, :root).
if (navigator.userAgent.includes('Linux')) {
  document.documentElement.classList.add('platform-linux');
}

init();
