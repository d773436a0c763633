// Like Coverdesk's UI: once the page is drawn (the task after the next animation frame),
// tell the backend, with when the page's navigation began (the one start-up mark the two
// apps share) and when it was drawn.
requestAnimationFrame(() => {
  setTimeout(() => {
    window.__TAURI__.core.invoke('app_ready', { page: performance.timeOrigin, painted: Date.now() });
  }, 0);
});
