import type { Page } from '@playwright/test';
import { expect, tag } from './demo.ts';

export const TOKEN = 'e2e-instructor-token'; // set for the test server in playwright.config.ts

/** Opens the instructor's dashboard and creates a class: its code and title. */
export async function openDashboard(page: Page) {
  await page.goto(`/instructor/#token=${TOKEN}`);
  // The token leaves the address bar at once.
  await expect(page).toHaveURL(/\/instructor\/$/);
  const title = `Class ${tag()}`;
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('button', { name: 'Create a class' }).click();
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^Class [A-Z0-9]{6} ${title}$`) });
  await expect(heading).toBeVisible();
  const code = /Class ([A-Z0-9]{6})/.exec((await heading.textContent()) ?? '')![1]!;
  return { code, title };
}

/** A student joins a class by its code, under a name. */
export async function joinClass(page: Page, code: string, name: string) {
  await page.goto(`/?class=${code}`);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Join the class' }).click();
  await expect(page.getByText(`you are ${name}`)).toBeVisible();
}
