import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { client, expect, openDemo, test } from '../../../e2e/demo.ts';
import {
  expectChecksOpen,
  runShownServer,
  runSolution,
  runStarterServer,
} from '../../../e2e/exercise.ts';

const SLUG = 'what-you-can-send';

/** A PNG of random pixels: far over 10 KB, as a photo would be, so the page must shrink it. */
function noisePng(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Buffer.alloc(side * (1 + side * 3));
  for (let i = 0; i < rows.length; i++)
    rows[i] = i % (1 + side * 3) === 0 ? 0 : Math.floor(Math.random() * 256);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function carrier(page: Page, name: string) {
  const base = client(page, name);
  return {
    ...base,
    value: base.panel.getByRole('combobox', { name: 'Value to send' }),
    listen: base.panel.getByRole('combobox', { name: 'Listen for values' }),
    file: base.panel.getByLabel('Image or file to send'),
    valueStatus: base.panel.getByRole('status', { name: 'Value status' }),
    fileStatus: base.panel.getByRole('status', { name: 'File status' }),
    arrived: base.panel.getByRole('log', { name: 'Arrived' }),
  };
}

const sendValue = async (page: Page, from: string, code: string) => {
  const sender = carrier(page, from);
  await sender.value.selectOption({ label: code });
  await sender.button('Send value').click();
};

test('a Map and a Date sent by Ada arrive at Bo as JSON made them, next to the code that made them', async ({
  page,
}) => {
  await openDemo(page, SLUG, ['Ada', 'Bo']);
  await sendValue(page, 'Ada', 'new Map([["Ada", 3], ["Bo", 5]])');
  const bo = carrier(page, 'Bo');
  await expect(bo.arrived).toContainText(
    'Ada sentnew Map([["Ada", 3], ["Bo", 5]])arrived as{}a plain object',
  );
  await sendValue(page, 'Ada', 'new Date("2026-01-01T12:00:00Z")');
  await expect(bo.arrived).toContainText(
    'arrived as"2026-01-01T12:00:00.000Z"a string',
  );
  // The sender does not get its own back: the server broadcasts to the others.
  await expect(carrier(page, 'Ada').arrived).not.toContainText('Ada sent');
});

test('an image picked in Ada arrives in Bo as a thumbnail, its bytes a binary frame of their own', async ({
  page,
}) => {
  await openDemo(page, SLUG, ['Ada', 'Bo']);
  // The server sends files volatile: one sent while Bo is still upgrading to WebSocket is dropped.
  for (const name of ['Ada', 'Bo']) {
    await expect(
      carrier(page, name).panel.getByRole('status', { name: 'Transport' }),
    ).toHaveText('websocket');
  }
  const ada = carrier(page, 'Ada');
  await ada.file.setInputFiles({
    name: 'noise.png',
    mimeType: 'image/png',
    buffer: noisePng(120),
  });
  await expect(ada.fileStatus).toContainText(
    /^Sent noise\.png as [\d.]+ KB of image\/jpeg\.$/,
  );
  const picture = carrier(page, 'Bo').arrived.getByRole('img', {
    name: 'Image from Ada: noise.png',
  });
  await expect(picture).toBeVisible();
  expect(
    await picture.evaluate((img: HTMLImageElement) =>
      Math.max(img.naturalWidth, img.naturalHeight),
    ),
  ).toBeLessThanOrEqual(120); // noise shrinks further than a photo would, to fit in 10 KB
  await ada.button('Raw frames').click();
  await expect(ada.frames).toContainText(
    /451-\/what-you-can-send,\d*\["file:send",\{"name":"noise\.png"/,
  );
  await expect(ada.frames).toContainText(/<binary frame, \d+ bytes>/);
});

test('a file over 10 KB and a BigInt are refused in the page with a sentence, and nothing reaches Bo', async ({
  page,
}) => {
  await openDemo(page, SLUG, ['Ada', 'Bo']);
  const ada = carrier(page, 'Ada');
  await ada.file.setInputFiles({
    name: 'big.txt',
    mimeType: 'text/plain',
    buffer: Buffer.alloc(40 * 1024, 'a'),
  });
  await expect(ada.fileStatus).toHaveText(
    /^big\.txt is 40 KB: this demo sends at most 10 KB/,
  );
  await sendValue(page, 'Ada', '10n (a BigInt)');
  await expect(ada.valueStatus).toHaveText(/^Not sent: .*BigInt/);
  await sendValue(page, 'Ada', '"héllo 🙂"'); // the next one goes through: nothing broke
  const bo = carrier(page, 'Bo');
  await expect(bo.arrived).toContainText('héllo 🙂');
  await expect(bo.arrived).not.toContainText('big.txt');
  await expect(ada.connection).toHaveText('connected');
});

test('with once() Bo shows the next value only, then nothing, while its wire still shows them arriving', async ({
  page,
}) => {
  await openDemo(page, SLUG, ['Ada', 'Bo']);
  const bo = carrier(page, 'Bo');
  await bo.listen.selectOption({ label: 'the next one only: once()' });
  await sendValue(page, 'Ada', '[1, undefined, 3]');
  await expect(bo.arrived).toContainText('arrived as[1,null,3]an array');
  await expect(bo.listen).toHaveValue('off');
  await sendValue(page, 'Ada', '{ a: 1, b: undefined }');
  await expect(bo.events).toContainText('value:new{"a":1}');
  await expect(bo.arrived.getByRole('listitem')).toHaveCount(1);
});

test("the client exercise's solution sends the Map's entries and the date's milliseconds, and shows what arrives", async ({
  page,
}) => {
  await openDemo(page, SLUG, ['Ada', 'Bo']);
  const ex = await runSolution(
    page,
    'src/lessons/what-you-can-send/exercises/survive.solution.js',
  );
  await ex.frame.getByRole('button', { name: 'Send the scores' }).click();
  await expect(carrier(page, 'Bo').arrived).toContainText('[["Ada",3],["Bo",5]]');
  await ex.frame.getByRole('button', { name: 'Send the date' }).click();
  await sendValue(page, 'Bo', '{ name: "Ada", tags: ["x"], nested: { ok: true } }');
  await expect(ex.frame.getByRole('list', { name: 'Arrived' })).toContainText(
    'Bo sent',
  );
  for (const check of ['as their entries', 'as its milliseconds', 'shows a value'])
    await expect(ex.check(check)).toHaveClass(/done/);
});

test.describe('the server exercise', () => {
  const TITLE = 'Pass values and files on';
  const CHECKS = [
    'A value reaches the other clients',
    'does not come back',
    'A file reaches the other clients',
  ];

  test('the server code the lesson shows, run in the page, passes every check with the demo on it', async ({
    page,
  }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runShownServer(page, TITLE);
    await expect(client(page, 'Bo').connection).toHaveText('connected');
    await sendValue(page, 'Ada', 'new Set(["red", "blue"])');
    await expect(carrier(page, 'Bo').arrived).toContainText('arrived as{}');
    await carrier(page, 'Ada').file.setInputFiles({
      name: 'noise.png',
      mimeType: 'image/png',
      buffer: noisePng(60),
    });
    await expect(
      carrier(page, 'Bo').arrived.getByRole('img', {
        name: 'Image from Ada: noise.png',
      }),
    ).toBeVisible();
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given leaves the checks open', async ({ page }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runStarterServer(page, TITLE);
    await expect(client(page, 'Bo').connection).toHaveText('connected');
    await sendValue(page, 'Ada', '"héllo 🙂"');
    await carrier(page, 'Ada').file.setInputFiles({
      name: 'a.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hi'),
    });
    await expect(carrier(page, 'Ada').fileStatus).toHaveText(/^Sent a\.txt/);
    await expectChecksOpen(page, ex, CHECKS);
  });
});
