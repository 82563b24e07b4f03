/** Opens and closes `menu` with `button`; Escape closes it and gives the focus back. */
export function foldingMenu(button: HTMLButtonElement, menu: HTMLElement) {
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('open', open);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
    set(false);
    button.focus();
  });
}
