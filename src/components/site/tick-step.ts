/** Marks the item `data-step=<id>` inside `root` as done, for the eye and for screen readers. */
export function tickStep(root: ParentNode, id: string) {
  const item = root.querySelector<HTMLElement>(`[data-step="${CSS.escape(id)}"]`);
  item?.classList.add('done');
  const state = item?.querySelector('.step-state');
  if (state) state.textContent = '(done)';
}
