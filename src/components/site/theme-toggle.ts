import { THEME_KEY as KEY } from '../../shared/theme-script.ts';

type Theme = 'light' | 'dark';

/**
 * "Dark theme", pressed or not. A choice that matches the system is not kept:
 * the page then follows the system again, as it did before.
 */
export function themeToggle(button: HTMLButtonElement) {
  const root = document.documentElement;
  const system = matchMedia('(prefers-color-scheme: dark)');
  const systemTheme = (): Theme => (system.matches ? 'dark' : 'light');
  const current = (): Theme =>
    root.dataset.theme === 'light' || root.dataset.theme === 'dark' ? root.dataset.theme : systemTheme();
  const show = () => button.setAttribute('aria-pressed', String(current() === 'dark'));

  button.addEventListener('click', () => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    if (next === systemTheme()) delete root.dataset.theme;
    else root.dataset.theme = next;
    try {
      if (root.dataset.theme) localStorage.setItem(KEY, next);
      else localStorage.removeItem(KEY);
    } catch {
      // Not kept across pages, but this page still switches.
    }
    show();
  });
  system.addEventListener('change', show);
  show();
}
