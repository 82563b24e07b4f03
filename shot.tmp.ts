import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking', '--no-first-run'] });
const base = 'http://127.0.0.1:4400';
for (const [name, opts] of [
  ['desk-light', { viewport: { width: 1400, height: 900 }, colorScheme: 'light' }],
  ['desk-dark', { viewport: { width: 1400, height: 900 }, colorScheme: 'dark' }],
  ['mobile', { viewport: { width: 360, height: 740 }, colorScheme: 'light' }],
] as const) {
  const ctx = await browser.newContext(opts as any);
  const page = await ctx.newPage();
  await page.goto(`${base}/lessons/rooms/`);
  await page.waitForTimeout(800);
  if (name === 'mobile') await page.getByRole('button', { name: 'Lessons' }).click();
  await page.screenshot({ path: `/tmp/${name}.png` });
  await ctx.close();
}
await browser.close();
