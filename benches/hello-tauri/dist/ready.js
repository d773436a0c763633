// Like Coverdesk's UI: once the page is built, tell the backend, with when the page's
// navigation began (the one start-up mark the two apps share).
window.__TAURI__.core.invoke('app_ready', { page: performance.timeOrigin });
