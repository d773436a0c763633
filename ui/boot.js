// Loads the wasm module built by wasm-bindgen (`--target web`); its start function mounts the app.
import init from './coverdesk_ui.js';

init();
