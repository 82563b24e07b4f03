interface PagefindUIOptions {
  element: HTMLElement;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

/** Loads Pagefind's own search UI from the built index (a file of the site: the CSP allows it). */
function loadPagefindUI(): Promise<void> {
  return new Promise((resolve, reject) => {
    const style = Object.assign(document.createElement('link'), {
      rel: 'stylesheet',
      href: '/pagefind/pagefind-ui.css',
    });
    const script = Object.assign(document.createElement('script'), { src: '/pagefind/pagefind-ui.js' });
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('no search index'));
    document.head.append(style, script);
  });
}

/** The search dialog: the button or "/" opens it with the focus in the search field; Escape closes it. */
export function searchDialog(button: HTMLButtonElement, dialog: HTMLDialogElement) {
  const results = dialog.querySelector<HTMLElement>('[data-search-results]')!;
  const note = dialog.querySelector<HTMLElement>('[data-search-note]')!;
  let ready: Promise<void> | undefined;

  async function open() {
    dialog.showModal();
    ready ??= loadPagefindUI().then(() => {
      new window.PagefindUI!({ element: results, showSubResults: true, showImages: false, resetStyles: false });
    });
    try {
      await ready;
      note.textContent = '';
      results.querySelector<HTMLInputElement>('input')?.focus();
    } catch {
      ready = undefined;
      note.textContent = 'Search works on the built site (npm start): there is no search index here.';
    }
  }

  button.addEventListener('click', () => void open());
  dialog.querySelector('[data-search-close]')!.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog itself, outside its content) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => button.focus());
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return; // typing a slash
    event.preventDefault();
    void open();
  });
}
