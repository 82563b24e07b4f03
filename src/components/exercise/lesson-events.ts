/**
 * The events a lesson's server takes, by its contract's `clientEvents`: a
 * client exercise's page names a typo at once. Read at build time by the
 * lesson folder's convention (`contract.ts`), so the kit names no lesson;
 * only the names reach the page, never the checks (zod stays on the server).
 */
const contracts = import.meta.glob<Record<string, unknown>>('../../lessons/*/contract.ts', { eager: true });

export function lessonEvents(lesson: string): string[] | undefined {
  const module = contracts[`../../lessons/${lesson}/contract.ts`] ?? {};
  for (const value of Object.values(module)) {
    const events = (value as { clientEvents?: object } | null)?.clientEvents;
    if (events && typeof events === 'object') return Object.keys(events).sort();
  }
  return undefined;
}
