import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { clientFor } from '../playground/defaults.ts';
import { type LessonNames, withNames } from '../playground/lesson-names.ts';

/** What a lesson's take-home project is made of (read at build time). */
export interface TakeHomeLesson {
  slug: string;
  title: string;
  /** The lesson's shown server code (its server exercise's solution), types removed. */
  server: string;
  /** The names of the lesson's `events.ts` (the code uses some). */
  names: LessonNames;
  /** The code needs connection state recovery on. */
  recovery: boolean;
  /** The namespace the HTML client connects to, where the code serves none on the main one. */
  namespace?: string | undefined;
}

/** The helpers `workshop.js` exports; a project has the file only when its code uses one. */
const HELPERS = ['counter', 'history', 'log', 'nameKey', 'whenSettled'];

/** The helpers the code uses and does not declare itself (a `const log = …` of its own stays its own). */
function helpersUsed(code: string): string[] {
  return HELPERS.filter(
    (name) =>
      new RegExp(`\\b${name}\\b`).test(code) &&
      !new RegExp(`\\b(?:const|let|var|function|class)\\s+${name}\\b`).test(code),
  );
}

/** The root package.json's version of a dependency, so a project installs what the workshop runs. */
function versionOf(name: string): string {
  const root = JSON.parse(readFileSync(resolve(process.cwd(), 'package.json'), 'utf8'));
  const version = root.dependencies?.[name];
  if (!version) throw new Error(`package.json has no dependency ${name}, which take-home projects need`);
  return version;
}

/** `workshop.js`, built from the workshop's own helpers (see workshop-helpers.ts), readable. */
async function workshopHelpers(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(process.cwd(), 'src/components/take-home/workshop-helpers.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  const code = result.outputFiles[0]!.text.replace(/^\/\/ src\/.*\n/gm, '');
  return `// What Socket Workshop's lessons give their server code besides \`io\`, in memory
// (this project is one process). Built from the workshop's own source.
${code}`;
}

function serverJs(lesson: TakeHomeLesson): string {
  const used = helpersUsed(lesson.server);
  const options = lesson.recovery
    ? ', {\n  // Clients that lose their connection for a moment get back what they missed.\n  connectionStateRecovery: {},\n}'
    : '';
  return `// ${lesson.title}: the lesson's server, from Socket Workshop, on a plain Socket.IO server.
import { createServer } from 'node:http';
import express from 'express';
import { Server } from 'socket.io';
${used.length ? `import { ${used.join(', ')} } from './workshop.js';\n` : ''}
const app = express();
app.use(express.static('public')); // index.html, the client
const httpServer = createServer(app);
const io = new Server(httpServer${options});

// As in the workshop: a client may give its name in the handshake, \`io({ auth: { name } })\`;
// the others are "Guest 1", "Guest 2", … (counted in this process).
let guests = 0;
io.use((socket, next) => {
  const name = socket.handshake.auth.name;
  socket.data.name = typeof name === 'string' && name.trim() ? name.trim().slice(0, 24) : \`Guest \${++guests}\`;
  next();
});

// The lesson's code, as the lesson shows it.
${withNames(lesson.server, lesson.names)
  .replace(/\n{3,}/g, '\n\n') // where types were, blank lines
  .trim()}

const port = Number(process.env.PORT) || 3000;
httpServer.listen(port, () => console.log(\`Open http://localhost:\${port} in two windows.\`));
`;
}

/** A plain page: the client of \`clientFor\`, with what it logs shown on the page too. */
function indexHtml(lesson: TakeHomeLesson): string {
  const client = clientFor(lesson.server, lesson.names)
    .replace('io();', lesson.namespace ? `io('${lesson.namespace}');` : 'io();')
    .trim()
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${lesson.title}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
      label, button { display: block; margin: 0.5rem 0; }
      #log { background: #f4f4f4; padding: 0.5rem; min-height: 6rem; white-space: pre-wrap; }
    </style>
  </head>
  <body>
    <h1>${lesson.title}</h1>
    <p>Open this page in two windows. What the client hears shows below (and in the browser's console).</p>
    <div id="controls"></div>
    <h2>Log</h2>
    <div id="log" role="log" aria-label="Log"></div>
    <!-- The Socket.IO server serves its own client here. -->
    <script src="/socket.io/socket.io.js"></script>
    <script type="module">
      // What the client logs shows on the page, and in the browser's console.
      const console = {
        log: (...args) => {
          globalThis.console.log(...args);
          const text = args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
          document.getElementById('log').append(\`\${text}\\n\`);
        },
      };
      // A box and buttons, made on the page.
      const page = {
        input(label, value = '') {
          const field = Object.assign(document.createElement('input'), { value });
          const wrap = document.createElement('label');
          wrap.append(\`\${label} \`, field);
          document.getElementById('controls').append(wrap);
          return field;
        },
        button(label) {
          const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
          document.getElementById('controls').append(button);
          return button;
        },
      };

${client}
    </script>
  </body>
</html>
`;
}

function readme(lesson: TakeHomeLesson): string {
  return `# ${lesson.title}

The server of Socket Workshop's lesson \`${lesson.slug}\` and a plain HTML client.
Run \`npm install && npm start\`, then open http://localhost:3000 in two windows (\`PORT=8080 npm start\` for another port).
The lesson's code is in \`server.js\`; the client is \`public/index.html\`.
`;
}

/**
 * A lesson whose text walks through a real project (`src/lessons/<slug>/project/`, with its
 * `package.json`) takes that home as it is; its files by path, or undefined when it has none.
 */
export function ownProject(slug: string): Record<string, string> | undefined {
  const root = resolve(process.cwd(), `src/lessons/${slug}/project`);
  if (!existsSync(join(root, 'package.json'))) return undefined;
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !join(entry.parentPath, entry.name).includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name));
  return Object.fromEntries(files.sort().map((file) => [relative(root, file), readFileSync(file, 'utf8')]));
}

/** The files of a lesson's take-home project, by path inside the project's folder. */
export async function takeHomeFiles(lesson: TakeHomeLesson): Promise<Record<string, string>> {
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(
      {
        name: `socket-workshop-${lesson.slug}`,
        private: true,
        type: 'module',
        scripts: { start: 'node server.js' },
        dependencies: { express: versionOf('express'), 'socket.io': versionOf('socket.io') },
      },
      null,
      2,
    )}\n`,
    'README.md': readme(lesson),
    'server.js': serverJs(lesson),
    'public/index.html': indexHtml(lesson),
  };
  if (helpersUsed(lesson.server).length) files['workshop.js'] = await workshopHelpers();
  return files;
}
