import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { client, expect, openDemo, test } from '../../../e2e/demo.ts';
import {
  exercise,
  expectChecksOpen,
  openExercise,
  runShownServer,
  runStarterServer,
  setCode,
} from '../../../e2e/exercise.ts';

function shouter(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    text: c.panel.getByRole('textbox', { name: 'Text' }),
    answer: c.panel.getByRole('status', { name: 'Answer' }),
    heard: c.panel.getByRole('log', { name: 'Heard' }),
  };
}

test("alice's shout reaches bob loud, alice gets the answer instead, and Try it sees all three", async ({
  page,
}) => {
  await openDemo(page, 'testing', ['alice', 'bob']);
  const [alice, bob] = [shouter(page, 'alice'), shouter(page, 'bob')];
  await alice.text.fill('hello');
  await alice.button('Shout').click();
  await expect(alice.answer).toHaveText('You shouted HELLO!');
  await expect(bob.heard).toContainText('alice: HELLO!');
  const tryIt = page.getByRole('region', { name: 'Try it' });
  await expect(tryIt.getByText('(done)')).toHaveCount(3);
  await expect(alice.heard).not.toContainText('HELLO!');
});

test.describe('the test exercise', () => {
  const TITLE = 'Tests that can fail';
  const results = (page: Page) =>
    exercise(page, TITLE)
      .section.getByRole('list', { name: 'Test results' })
      .getByRole('listitem');
  const broken = (page: Page) =>
    exercise(page, TITLE)
      .section.getByRole('list', { name: 'Against broken servers' })
      .getByRole('listitem');
  const CAUGHT = [
    'They fail against a server that never answers',
    'They fail against a server that sends the shout to its sender only',
    'They fail against a server that sends the shout to its sender too',
  ];

  test('the test file the lesson shows passes in the page, and catches every broken server', async ({
    page,
  }) => {
    await page.goto('/lessons/testing/');
    const ex = await openExercise(page, TITLE);
    const shown = await ex.section
      .getByRole('group')
      .filter({ hasText: 'Show a solution' })
      .locator('pre')
      .textContent();
    await setCode(page, shown ?? '', TITLE);
    await ex.run.click();
    await expect(results(page)).toHaveCount(4);
    for (const item of await results(page).all())
      await expect(item).toContainText(/^Passed:/);
    await expect(results(page).first()).toContainText(
      'the server answers a shout with the loud text',
    );
    await expect(broken(page)).toHaveCount(3, { timeout: 15_000 });
    for (const item of await broken(page).all())
      await expect(item).toContainText(/^Caught:/, { timeout: 15_000 });
    await expect(broken(page).last()).toContainText(
      '"alice does not hear her own shout" failed: alice heard her own shout',
    );
    for (const check of ["Your tests pass against the lesson's server", ...CAUGHT])
      await expect(ex.check(check)).toHaveClass(/done/);
  });

  test("the starter's test written wrong fails with its assertion's message and line, and nothing is tried against the broken servers", async ({
    page,
  }) => {
    await page.goto('/lessons/testing/');
    const ex = await openExercise(page, TITLE);
    await ex.run.click();
    await expect(results(page)).toHaveCount(3);
    const wrong = results(page).first();
    await expect(wrong).toContainText(
      /^Failed: the server answers a shout with the loud text/,
    );
    const starter = readFileSync(
      'src/lessons/testing/exercises/shout-tests.start.js',
      'utf8',
    ).split('\n');
    const line = starter.findIndex((text) => text.includes("text: 'hello' })")) + 1;
    await expect(wrong).toContainText(
      `Line ${line}: expected {"ok":true,"text":"hello"}, got {"ok":true,"text":"HELLO!"}`,
    );
    await expect(results(page).nth(1)).toContainText(/^Passed:/); // an empty test passes
    await expect(broken(page)).toHaveText([/^Not tried/]);
    await expect(ex.state).toHaveText(
      "1 test of 3 failed against the lesson's server.",
    );
    await expectChecksOpen(page, ex, [
      "Your tests pass against the lesson's server",
      ...CAUGHT,
    ]);
  });

  test('tests that pass but check too little are not caught by the broken servers they miss', async ({
    page,
  }) => {
    await page.goto('/lessons/testing/');
    const ex = await openExercise(page, TITLE);
    const starter = readFileSync(
      'src/lessons/testing/exercises/shout-tests.start.js',
      'utf8',
    );
    // The first test fixed; the other two still empty: only the server that never answers is caught.
    await setCode(
      page,
      starter.replace("text: 'hello' })", "text: 'HELLO!' })"),
      TITLE,
    );
    await ex.run.click();
    await expect(broken(page)).toHaveCount(3, { timeout: 15_000 });
    await expect(broken(page)).toHaveText(
      [/^Caught: a server that never answers/, /^Not caught/, /^Not caught/],
      {
        timeout: 15_000,
      },
    );
    await expect(broken(page).nth(2)).toContainText('every test passed against it');
    await expect(ex.check("Your tests pass against the lesson's server")).toHaveClass(
      /done/,
    );
    await expect(ex.check(CAUGHT[0]!)).toHaveClass(/done/);
    for (const check of CAUGHT.slice(1))
      await expect(ex.check(check)).not.toHaveClass(/done/);
  });
});

test.describe('the server exercise', () => {
  const TITLE = 'Shout to everyone else';
  const CHECKS = [
    'A shout is answered with its loud text',
    'Another client hears the shout',
    'The sender does not hear its own shout',
  ];

  test('the server code the lesson shows, run in the page, passes every check as alice shouts', async ({
    page,
  }) => {
    await openDemo(page, 'testing', ['alice', 'bob']);
    const ex = await runShownServer(page, TITLE);
    const [alice, bob] = [shouter(page, 'alice'), shouter(page, 'bob')];
    await expect(alice.connection).toHaveText('connected');
    await expect(bob.connection).toHaveText('connected');
    await alice.button('Shout').click();
    await expect(alice.answer).toHaveText('You shouted HI FROM ALICE!');
    await expect(bob.heard).toContainText('alice: HI FROM ALICE!');
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given answers nothing and sends nothing: the checks stay open', async ({
    page,
  }) => {
    await openDemo(page, 'testing', ['alice', 'bob']);
    const ex = await runStarterServer(page, TITLE);
    const alice = shouter(page, 'alice');
    await expect(alice.connection).toHaveText('connected');
    await alice.button('Shout').click();
    await expect(alice.answer).toHaveText('No answer within 3 seconds.', {
      timeout: 6000,
    });
    await expectChecksOpen(page, ex, CHECKS);
  });
});
