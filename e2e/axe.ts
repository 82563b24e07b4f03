import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rules. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe on a page, set up to be quick (a lesson page went from 5.6 to 3.5 s for both
 * themes): it reports violations alone (listing a selector for every node that
 * passes took as long as the checks), and it runs in the page itself (by default
 * it runs each frame apart and then finishes in a new page). The site's pages
 * have no frames from other origins, which is what the default is for.
 */
export const axe = (page: Page) =>
  new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode(true);
