import { once } from 'node:events';
import type { Page } from '@playwright/test';
import { startRedis } from '../scripts/redis-server.ts';
import { startServer } from '../test/processes.ts';
import { client, expect, test } from './demo.ts';

// Two server processes of the built site on one Redis, as behind a balancer:
// the instructor's browser talks to one, a student's to the other.
const TOKEN = 'e2e-scale-out-token';
let redis: Awaited<ReturnType<typeof startRedis>>;
let servers: Awaited<ReturnType<typeof startServer>>[] = [];

test.beforeAll(async () => {
  redis = await startRedis();
  const env = { PORT: '0', REDIS_URL: redis.url, INSTRUCTOR_TOKEN: TOKEN, STATIC_DIR: 'dist' };
  servers = await Promise.all([startServer(env), startServer(env)]);
});
test.afterAll(async () => {
  for (const server of servers) {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  }
  await redis.stop();
});

/** The counter's first client: in a class, the student (`name`). */
const counter = (page: Page, name = 'Client 1') => {
  const c = client(page, name);
  return { ...c, count: c.panel.getByRole('status', { name: 'Count' }), increment: c.button('Increment') };
};

test('an instructor on one server runs a class whose students are on another', async ({ student }) => {
  const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
  const teacher = await student();
  await teacher.goto(`${a.url}/instructor/#token=${TOKEN}`);
  await teacher.getByRole('textbox', { name: 'Title' }).fill('Across servers');
  await teacher.getByRole('button', { name: 'Create a class' }).click();
  const heading = teacher.getByRole('heading', { level: 2, name: /^Class [A-Z0-9]{6} Across servers$/ });
  await expect(heading).toBeVisible();
  const code = /Class ([A-Z0-9]{6})/.exec((await heading.textContent()) ?? '')![1]!;
  const roster = teacher.getByRole('table', { name: 'Roster' });

  // Ada's page is served by B; the roster on A shows her and where she goes.
  const ada = await student();
  await ada.goto(`${b.url}/?class=${code}`);
  await ada.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await ada.getByRole('button', { name: 'Join the class' }).click();
  await expect(ada.getByText('you are Ada')).toBeVisible();
  await expect(roster.getByRole('row', { name: /Ada/ })).toContainText('connected');
  await ada.getByRole('link', { name: 'Rooms' }).click();
  await expect(roster.getByRole('row', { name: /Ada/ })).toContainText('Rooms');

  // Bo, on A, cannot take her name; he joins as Bo.
  const bo = await student();
  await bo.goto(`${a.url}/?class=${code}`);
  await bo.getByRole('textbox', { name: 'Your name' }).fill('ADA');
  await bo.getByRole('button', { name: 'Join the class' }).click();
  await expect(bo.getByRole('alert')).toHaveText('That name is taken in this class: pick another.');
  await bo.getByRole('textbox', { name: 'Your name' }).fill('Bo');
  await bo.getByRole('button', { name: 'Join the class' }).click();
  await expect(bo.getByText('you are Bo')).toBeVisible();

  // Follow-me from A moves Ada's page on B.
  await teacher
    .getByRole('combobox', { name: /Follow me/ })
    .selectOption({ label: 'Sockets, from the first connection' });
  await expect(ada).toHaveURL(/\/lessons\/sockets-intro\//);
  await expect(bo).toHaveURL(/\/lessons\/sockets-intro\//);

  // One class, one count: Bo clicks on A, Ada sees it on B.
  const [adaCounter, boCounter] = [counter(ada, 'Ada'), counter(bo, 'Bo')];
  await expect(adaCounter.connection).toHaveText('connected');
  await expect(boCounter.connection).toHaveText('connected');
  await expect(adaCounter.count).toHaveText('0');
  await boCounter.increment.click();
  await boCounter.increment.click();
  await expect(adaCounter.count).toHaveText('2');
  await expect(boCounter.count).toHaveText('2');
  await expect(roster.getByRole('row', { name: /Bo/ })).toContainText('connected');
});
