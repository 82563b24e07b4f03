/** Where the reader's choice of theme is kept (light or dark; none: the system's). */
export const THEME_KEY = 'workshop:theme';

/**
 * Runs inline in every page's <head>, before the first paint, so a page never
 * flashes the other theme. Inline and not a file: a blocking script in the head
 * costs a round trip before anything shows (the site's CSP allows exactly this
 * script by its hash, `THEME_SCRIPT_HASH` in the server).
 */
export const THEME_SCRIPT = `try{const t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}`;
