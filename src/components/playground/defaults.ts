/**
 * The playground's example: a server that greets each client and passes on
 * what one shouts to all the others, and a client with a box and a button.
 * Plain Socket.IO, as in an app of your own.
 */
export const DEFAULT_SERVER = `// \`io\` is a real Socket.IO Server, running in this page.
io.on('connection', (socket) => {
  // The playground names its clients in their handshake: "Client 1", "Client 2", …
  const name = socket.handshake.auth.name;
  console.log(\`\${name} connected (\${socket.id})\`);
  socket.emit('welcome', \`Hello, \${name}!\`); // to this client only

  socket.on('shout', (text) => {
    console.log(\`\${name} shouts: \${text}\`);
    socket.broadcast.emit('shout', { from: name, text }); // to every client but this one
  });

  socket.on('disconnect', (reason) => {
    console.log(\`\${name} left (\${reason})\`);
  });
});
`;

export const DEFAULT_CLIENT = `// Each client runs this in a page of its own; \`io()\` connects to the server code.
const socket = io();

socket.on('welcome', (text) => console.log(text));
socket.on('shout', ({ from, text }) => console.log(\`\${from} shouts: \${text}\`));

const message = page.input('Message', 'hi!');
page.button('Shout').addEventListener('click', () => {
  socket.emit('shout', message.value);
});
`;

export const DEFAULT_CLIENTS = 2;

const RESERVED = new Set(['connect', 'connection', 'disconnect', 'disconnecting', 'error', 'newListener']);

/**
 * The event names `pattern` finds in the code: written out (`'chat:message'`),
 * or a name of the lesson's (`IO_CLIENT_HELLO`) whose value `names` holds.
 */
function eventsIn(code: string, pattern: RegExp, names: Record<string, unknown>) {
  const found = [...code.matchAll(pattern)].map(([, quote, quoted, constant]) => (quote ? quoted : names[constant!]));
  return [
    ...new Set(
      found.filter(
        (event): event is string => typeof event === 'string' && /^[\w:-]{1,40}$/.test(event) && !RESERVED.has(event),
      ),
    ),
  ].slice(0, 6);
}

/**
 * A small client for a lesson's server code: it logs each event the code
 * emits, and has a button for each event the code listens to, which sends
 * what the Data box holds (JSON, or text) and logs the server's answer.
 */
export function clientFor(serverCode: string, names: Record<string, unknown> = {}): string {
  const heard = eventsIn(serverCode, /\.emit\(\s*(?:(['"])([\w:-]{1,40})\1|([A-Z][A-Z0-9_]*)\b)/g, names);
  const handled = eventsIn(serverCode, /socket\.on\(\s*(?:(['"])([\w:-]{1,40})\1|([A-Z][A-Z0-9_]*)\b)/g, names);
  const lines = [
    "// A small client for the lesson's server code: change it as you like.",
    'const socket = io();',
    "socket.on('connect', () => console.log('connected as', socket.id));",
    ...heard.map((event) => `socket.on('${event}', (...data) => console.log('${event}', ...data));`),
  ];
  if (handled.length)
    lines.push(
      '',
      '// The events the server listens to: a button each, sending what the Data box holds:',
      '// JSON values (several, separated by commas, are several arguments), or text.',
      "const data = page.input('Data to send (JSON, or text)');",
      'const payload = () => {',
      '  const text = data.value.trim();',
      '  if (!text) return [];',
      '  try {',
      "    return JSON.parse('[' + text + ']');",
      '  } catch {',
      '    return [text];',
      '  }',
      '};',
    );
  for (const event of handled)
    lines.push(
      `page.button('${event}').addEventListener('click', () =>`,
      `  socket.emit('${event}', ...payload(), (...answer) => console.log('${event} answered', ...answer)),`,
      ');',
    );
  return `${lines.join('\n')}\n`;
}

/**
 * Whether a lesson's region runs on its own in the playground: it handles
 * connections at its top level (`io.on(…)`, `nsp.on('connection', …)`), not
 * only inside a function that the rest of its file calls, nor inside a handler.
 * Braces in strings and comments are skipped; the code is the lesson's own.
 */
export function runsAlone(code: string): boolean {
  const connection = /^(?:io\.on\(|\.on\(\s*(['"])connection\1)/;
  const upTo = (found: number) => (found === -1 ? code.length : found);
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const char = code[i]!;
    if (char === '/' && code[i + 1] === '/') i = upTo(code.indexOf('\n', i));
    else if (char === '/' && code[i + 1] === '*') i = upTo(code.indexOf('*/', i + 2)) + 1;
    else if (char === "'" || char === '"' || char === '`') {
      for (i++; i < code.length && code[i] !== char; i++) if (code[i] === '\\') i++;
    } else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (
      depth === 0 &&
      (char === '.' || !/[\w$]/.test(code[i - 1] ?? ' ')) &&
      connection.test(code.slice(i, i + 30))
    )
      return true;
  }
  return false;
}
