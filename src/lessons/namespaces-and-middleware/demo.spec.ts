import type { Page } from '@playwright/test';
import { client, expect, openDemo, test } from '../../../e2e/demo.ts';
import { runShownServer, runStarterServer } from '../../../e2e/exercise.ts';

const SLUG = 'namespaces-and-middleware';
/** A team name of this test's own (small letters only), so tests sharing the server do not meet. */
const teamTag = () =>
  Array.from({ length: 8 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('');

function member(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    note: c.panel.getByRole('textbox', { name: 'Note' }),
    token: c.panel.getByRole('textbox', { name: /^Token/ }),
    team: c.panel.getByRole('textbox', { name: 'Team name' }),
    staffRoom: c.panel.getByRole('status', { name: 'Staff room' }),
    teamStatus: c.panel.getByRole('status', { name: 'Team' }),
    error: c.panel.getByRole('alert'),
    notes: c.panel.getByRole('log', { name: 'Notes' }),
  };
}

test('the staff room refuses a knock without the right token and says why; with it, a note reaches only the staff room', async ({
  student,
}) => {
  const first = await student();
  await openDemo(first, SLUG, ['Ada', 'Bo']);
  const ada = member(first, 'Ada');
  await ada.button('Enter the staff room').click();
  await expect(ada.staffRoom).toHaveText(
    'Refused: The staff room needs a token: connect with auth: { token }.',
  );
  await ada.token.fill('open-sesame');
  await ada.button('Enter the staff room').click();
  await expect(ada.staffRoom).toHaveText(
    'Refused: That token does not open the staff room.',
  );
  await ada.token.fill('let-me-in');
  await ada.button('Enter the staff room').click();
  await expect(ada.staffRoom).toHaveText(/^In the staff room/);
  // The staff room travels on the lobby's connection: its frames carry its name.
  await ada.button('Raw frames').click();
  await expect(ada.frames).toContainText('40/namespaces-and-middleware/staff,');
  const tryIt = first.getByRole('region', { name: 'Try it' });
  await expect(
    tryIt
      .getByRole('listitem')
      .filter({ hasText: 'Knock on the staff room without a token' }),
  ).toContainText('(done)');

  // Another student enters as a visitor: reads, cannot post.
  const second = await student();
  await openDemo(second, SLUG, ['Ada', 'Bo']);
  const visitor = member(second, 'Bo');
  await visitor.token.fill('just-looking');
  await visitor.button('Enter the staff room').click();
  await expect(visitor.staffRoom).toHaveText(/^In the staff room/);
  await visitor.button('Post in the staff room').click();
  await expect(visitor.error).toHaveText(
    'Visitors can read the staff room, not post in it.',
  );

  const text = `staff ${teamTag()}`;
  await ada.note.fill(text);
  await ada.button('Post in the staff room').click();
  await expect(visitor.notes).toContainText(`Staff room · Ada: ${text}`);
  await expect(ada.notes).toContainText(`Staff room · Ada: ${text}`);
  // The lobby-only clients heard nothing of it.
  await ada.note.fill(`lobby ${text}`);
  await ada.button('Post in the lobby').click();
  const lobbyOnly = member(second, 'Ada');
  await expect(lobbyOnly.notes).toContainText(`Lobby · Ada: lobby ${text}`);
  await expect(lobbyOnly.notes).not.toContainText(`Staff room · Ada: ${text}`);
  await expect(member(first, 'Bo').notes).not.toContainText(
    `Staff room · Ada: ${text}`,
  );
});

test('each team is a namespace of its own: a note reaches the team in another browser, and not another team', async ({
  student,
}) => {
  const [red, blue] = [teamTag(), teamTag()];
  const first = await student();
  await openDemo(first, SLUG, ['Ada', 'Bo']);
  const second = await student();
  await openDemo(second, SLUG, ['Ada', 'Bo']);
  const joins = [
    [member(first, 'Ada'), red],
    [member(second, 'Ada'), red],
    [member(second, 'Bo'), blue],
  ] as const;
  for (const [who, team] of joins) {
    await who.team.fill(team);
    await who.button('Join the team').click();
    await expect(who.teamStatus).toHaveText(new RegExp(`^In the team ${team}`));
  }
  const sender = member(first, 'Ada');
  await sender.note.fill(`go ${red}`);
  await sender.button('Post in the team').click();
  await expect(member(second, 'Ada').notes).toContainText(
    `Team ${red} · Ada: go ${red}`,
  );
  await expect(sender.notes).toContainText(`Team ${red} · Ada: go ${red}`);
  await expect(member(second, 'Bo').notes).not.toContainText(`go ${red}`);

  // A name that is not a team's is refused on the page, before any connection.
  await sender.team.fill('Red!');
  await sender.button('Join the team').click();
  await expect(sender.error).toHaveText(
    'A team name is 1 to 12 small letters, a to z.',
  );
  await expect(sender.teamStatus).toHaveText(new RegExp(`^In the team ${red}`));
});

test.describe('the server exercise', () => {
  const TITLE = 'Guard the staff room';
  const CHECKS = [
    'The staff room turns a knock away',
    "A visitor's note is stopped",
    'A note posted in the staff room reaches the staff room',
  ];

  /** Ada knocks with no token, then enters with the staff token and posts; Bo enters as a visitor and posts. */
  async function knockAndPost(page: Page) {
    const [ada, bo] = [member(page, 'Ada'), member(page, 'Bo')];
    for (const one of [ada, bo]) await expect(one.connection).toHaveText('connected');
    await ada.button('Enter the staff room').click();
    await expect(ada.staffRoom).toHaveText(/^(Refused: |In the staff room)/);
    await ada.token.fill('let-me-in');
    await ada.button('Enter the staff room').click();
    await expect(ada.staffRoom).toHaveText(/^In the staff room/);
    await bo.token.fill('just-looking');
    await bo.button('Enter the staff room').click();
    await expect(bo.staffRoom).toHaveText(/^In the staff room/);
    await ada.button('Post in the staff room').click();
    await bo.button('Post in the staff room').click();
    return { ada, bo };
  }

  test('the server code the lesson shows, run in the page, passes every check as a learner uses the demo', async ({
    page,
  }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runShownServer(page, TITLE);
    const ada = member(page, 'Ada');
    await ada.token.fill('open-sesame');
    await ada.button('Enter the staff room').click();
    await expect(ada.staffRoom).toHaveText(
      'Refused: That token does not open the staff room.',
    );
    await ada.token.fill('');
    const { bo } = await knockAndPost(page);
    await expect(bo.notes).toContainText('Staff room · Ada: Hello from Ada');
    await expect(bo.error).toHaveText(
      'Visitors can read the staff room, not post in it.',
    );
    await expect(ada.notes).not.toContainText('Staff room · Bo');
    // A team is a namespace made on demand, on the learner's server too.
    await ada.button('Join the team').click();
    await expect(ada.teamStatus).toHaveText(/^In the team red/);
    await ada.button('Post in the team').click();
    await expect(ada.notes).toContainText('Team red · Ada: Hello from Ada');
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given lets everyone in and lets a visitor post: the checks of the guards stay open', async ({
    page,
  }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runStarterServer(page, TITLE);
    const { ada } = await knockAndPost(page);
    await expect(ada.notes).toContainText('Staff room · Bo: Hello from Bo');
    await expect(ex.check(CHECKS[2]!)).toHaveClass(/done/);
    for (const check of CHECKS.slice(0, 2))
      await expect(ex.check(check)).not.toHaveClass(/done/);
  });
});
