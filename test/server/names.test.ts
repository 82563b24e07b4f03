import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chat } from '../../src/lessons/chat/contract.ts';
import { IO_CLIENT_JOIN_ROOM, rooms } from '../../src/lessons/rooms/contract.ts';
import { nameKey } from '../../src/server/plumbing/name-key.ts';
import { studentAuth } from '../../src/shared/class-mode.ts';
import { displayName } from '../../src/shared/contract.ts';
import { collect, startApp } from '../harness.ts';

/** What each check says of `text`: the value kept, or the first refusal. */
const checks = {
  'a name': (text: string) => displayName.safeParse(text),
  'a chat room': (text: string) => chat.clientEvents.join.args.safeParse([{ name: 'Ada', room: text }]),
  'a rooms room': (text: string) => rooms.clientEvents[IO_CLIENT_JOIN_ROOM].args.safeParse([text]),
  'a student of a class': (text: string) => studentAuth.safeParse({ name: text, key: 'k'.repeat(20) }),
};
const refusal = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;
/** The name or room name a check kept. */
const kept = (result: { success: boolean; data?: unknown }) => {
  assert.ok(result.success, JSON.stringify(result));
  const data = result.data;
  if (typeof data === 'string') return data;
  if (!Array.isArray(data)) return (data as { name: string }).name;
  const [first] = data as [{ room: string } | string];
  return typeof first === 'string' ? first : first.room;
};

// Each class the issue names, hidden in an honest name.
const HIDDEN: Record<string, string> = {
  'a NUL (Cc)': 'Ada\u0000',
  'a newline (Cc)': 'Ada\nAdmin',
  'a right-to-left override (Cf)': 'evil\u202Egnp.exe',
  'a zero-width space (Cf)': 'A\u200Bda',
  'a byte-order mark (Cf)': 'A\uFEFFda',
  'a soft hyphen (Cf)': 'Ada\u00AD',
  'an Arabic letter mark (Cf)': 'Ada\u061C',
  'a Mongolian vowel separator (Cf)': 'Ada\u180E',
  'a tag character (Cf)': 'Ada\u{E0041}',
  'an interlinear annotation anchor (Cf, not ignorable)': 'Ada\uFFF9',
  'a private-use character (Co)': 'Ada\uE000',
  'an unassigned code point (Cn)': 'Ada\u0378',
  'a line separator (Zl)': 'Ada\u2028Admin',
  'a paragraph separator (Zp)': 'Ada\u2029Admin',
  'a Hangul filler U+3164': 'Ada\u3164',
  'a halfwidth Hangul filler U+FFA0': 'Ada\uFFA0',
  'a Hangul choseong filler U+115F': 'Ada\u115F',
  'a Hangul jungseong filler U+1160': 'Ada\u1160',
  'a Braille blank': 'Ada\u2800',
  'a musical null notehead': 'Ada\u{1D159}',
  'a combining grapheme joiner': 'Ada\u034F',
  'a variation selector VS1': 'Ada\uFE00',
  'a supplementary variation selector': 'Ada\u{E0100}',
  'VS16 after a letter': 'Ada\uFE0F',
  'a ZWJ between letters': 'A\u200Dda',
  'a ZWJ after an emoji, before a letter': '👩\u200Dda',
  'a ZWNJ between Latin letters': 'A\u200Cda',
};

describe('names and room names refuse the invisible', () => {
  for (const [what, check] of Object.entries(checks)) {
    for (const [hidden, text] of Object.entries(HIDDEN)) {
      test(`${what} with ${hidden}`, () => {
        assert.match(refusal(check(text)) ?? 'accepted', /cannot contain invisible or control characters/);
      });
    }
    test(`${what} of blanks alone`, () => {
      assert.match(refusal(check('\u3164\u2800')) ?? 'accepted', /invisible/);
      assert.match(refusal(check('\u0301')) ?? 'accepted', /needs at least one visible character/);
    });
  }
});

describe('NFKC', () => {
  for (const [what, check] of Object.entries(checks)) {
    test(`${what}: fullwidth and compatibility forms are kept as their plain letters`, () => {
      assert.equal(kept(check('Ａｄａ')), 'Ada');
      assert.equal(kept(check('\u3000ﬁ Ⅳ\u3000')), 'fi IV'); // ideographic spaces trimmed, ligature and numeral unfolded
      assert.equal(kept(check('Zoe\u0308')), 'Zoë'); // composed: one character, as typed on most keyboards
    });
  }
  test('the length is counted after NFKC, in code points', () => {
    assert.equal(kept(displayName.safeParse('㍿'.repeat(6))), '株式会社'.repeat(6)); // 6 in, 24 out
    assert.match(refusal(displayName.safeParse('㍿'.repeat(7))) ?? 'accepted', /at most 24/);
    assert.ok(displayName.safeParse('\u{20000}'.repeat(24)).success); // 48 UTF-16 units
    assert.match(refusal(displayName.safeParse('\u{20000}'.repeat(25))) ?? 'accepted', /at most 24/);
    assert.ok(displayName.safeParse('👩‍💻'.repeat(8)).success); // 3 code points each
    assert.match(refusal(displayName.safeParse('👩‍💻'.repeat(9))) ?? 'accepted', /at most 24/);
  });
});

describe('honest names', () => {
  const names = [
    'Zoë',
    'José',
    'Ærøskøbing',
    'Łukasz',
    'Nguyễn',
    '李雷',
    'さくら',
    'Дмитрий',
    'محمد',
    'דוד',
    'अनु',
    "O'Brien",
    'Jean-Luc',
  ];
  const emoji = ['👩‍💻 Ada', '❤️ Bo', '🏳️‍🌈 Cy', '👩🏽‍🔬', '🧑‍🤝‍🧑', '1️⃣ Di'];
  const persian = 'حسین\u200Cزاده'; // ZWNJ between Arabic-script letters: Persian writes it
  for (const [what, check] of Object.entries(checks)) {
    test(`${what} from many scripts, with emoji and joiners that show`, () => {
      for (const name of [...names, ...emoji, persian]) assert.equal(kept(check(name)), name, name);
    });
  }
});

describe('nameKey', () => {
  const same = (a: string, b: string) => assert.equal(nameKey(a), nameKey(b), `${a} / ${b}`);
  const differ = (a: string, b: string) => assert.notEqual(nameKey(a), nameKey(b), `${a} / ${b}`);

  test('look-alikes and case variants share a key', () => {
    for (const alike of ['\u0410da', 'ADA', 'ada', 'Ａｄａ', 'Ada\u00AD', ' Ada ', 'Ad\u0430']) same('Ada', alike);
    same('Bo', '\u0412\u043E'); // Cyrillic Во
    same('Bo', 'B0');
    same('Emma', 'Ernrna'); // m and rn
    same('Zoë', 'Zoe\u0308');
    same('Zoë', 'Zo\u0451'); // Cyrillic ё
    same("O'Brien", 'O’Brien');
    same('Straße', 'STRASSE');
    same('Ada Lovelace', 'Ada  Lovelace'); // a page draws both the same
    same('👩‍💻 Ada', '👩💻 Ada');
  });

  test('l, I, 1 and | share a key, and so does i: case is folded first through capitals', () => {
    for (const alike of ['Ian', 'ian', '1an', '|an']) same('lan', alike);
    same('Ali', 'All'); // the price of that
  });

  test('names that look different keep different keys', () => {
    differ('Ada', 'Adam');
    differ('Ada', 'Ida');
    differ('Bo', 'Bob');
    differ('Zoë', 'Zoe');
    differ('José', 'Jose');
    differ('Дмитрий', 'Дмитрии');
    differ('李雷', '李雪');
    differ('Ada Lovelace', 'AdaLovelace');
  });
});

test('a rooms join with a hidden character is refused with a message, and nobody hears of it', async () => {
  const server = await startApp();
  try {
    const ada = await server.client('/rooms', { name: 'Ada' });
    const heard: string[] = [];
    ada.on('IO_SERVER_HELLO', (text: string) => heard.push(text));
    for (const room of ['red\u202E', 'red\nblue', 'red\u0000', 're\u200Bd']) {
      assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, room), {
        ok: false,
        error: 'A room name cannot contain invisible or control characters.',
      });
    }
    // The three hellos of a join are sent to Ada before its ack: they are all here by now.
    assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'ｒｅｄ'), { ok: true });
    assert.ok(heard.includes('Hello everyone! Ada joined red.'), heard.join(' | '));
    assert.equal(heard.length, 3);
  } finally {
    await server.close();
  }
});

test('a lesson refuses a hidden name in the handshake, with a message', async () => {
  const server = await startApp();
  try {
    await assert.rejects(
      server.client('/rooms', { name: 'Ada\u00AD' }),
      /Your name cannot contain invisible or control characters/,
    );
    await assert.rejects(server.client('/chat', { name: 'Ada\u3164' }), /invisible/);
    const ada = await server.client('/rooms', { name: 'Ａｄａ' });
    const heard = collect<string>(ada, 'IO_SERVER_HELLO');
    await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    assert.ok((await heard).includes('Hello Ada, you are in red now.')); // NFKC: the name is kept as plain letters
  } finally {
    await server.close();
  }
});
