// Like Coverdesk's UI: once the page is built, tell the backend to show the window.
window.__TAURI__.core.invoke('app_ready');
