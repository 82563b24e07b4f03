// Runs before the first paint (a blocking script in <head>): the reader's own
// choice of light or dark, if they made one; otherwise the page follows the system.
try {
  const theme = localStorage.getItem('workshop:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage refused (private mode, a sandbox): the system's theme it is.
}
