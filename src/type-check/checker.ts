import ts from 'typescript';

/** What the page asks of the checker: the learner's code, and what it is checked against. */
export interface CheckRequest {
  /** `client`: code run in the client sandbox (`io()`, `page`); `server`: code given a typed `io`. */
  kind: 'client' | 'server';
  code: string;
  /** The lesson's files the code may import, by name (`events.ts`): `import type { … } from './events'`. */
  lessonFiles: Record<string, string>;
  /** The lesson's names a server's code is given as globals (its events.ts constants). */
  names: string[];
}

/** One type error in the learner's code: where (offsets into the code, and its line) and TypeScript's own words. */
export interface TypeProblem {
  from: number;
  to: number;
  line: number;
  message: string;
  code: number;
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  // Every file is a module: the code's own `const io` may shadow the global one, as it may when it runs.
  moduleDetection: ts.ModuleDetectionKind.Force,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

const CODE = '/lesson/exercise.ts';
const GLOBALS = '/lesson/globals.d.ts';

/**
 * The learner's code checked as the repo checks its own (strict), against
 * the lesson's maps and Socket.IO's real types, in a file system of
 * `typeFiles` (see type-files.ts). One language service per lesson and kind,
 * so each check after the first re-reads only the code.
 */
export function createChecker(typeFiles: Record<string, string>) {
  const services = new Map<string, { service: ts.LanguageService; files: Map<string, string>; version: number }>();

  function serviceFor(request: CheckRequest) {
    const key = JSON.stringify([request.kind, request.lessonFiles, request.names]);
    const found = services.get(key);
    if (found) return found;
    const files = new Map(Object.entries(typeFiles));
    for (const [name, text] of Object.entries(request.lessonFiles)) files.set(`/lesson/${name}`, text);
    files.set(GLOBALS, globalsFor(request));
    const roots = [
      '/ambient/dom-lite.d.ts',
      '/ambient/node-stubs.d.ts',
      `/ambient/${request.kind}-globals.d.ts`,
      GLOBALS,
      CODE,
    ];
    const state = { files, version: 0, service: undefined as unknown as ts.LanguageService };
    const exists = (path: string) => files.has(path);
    const host: ts.LanguageServiceHost = {
      getCompilationSettings: () => OPTIONS,
      getScriptFileNames: () => roots,
      getScriptVersion: (path) => (path === CODE ? String(state.version) : '0'),
      getScriptSnapshot: (path) => {
        const text = files.get(path);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => '/lesson',
      getDefaultLibFileName: () => '/lib/lib.es2022.d.ts',
      fileExists: exists,
      readFile: (path) => files.get(path),
      directoryExists: (path) => [...files.keys()].some((file) => file.startsWith(`${path.replace(/\/$/, '')}/`)),
      getDirectories: () => [],
    };
    state.service = ts.createLanguageService(host, ts.createDocumentRegistry());
    services.set(key, state);
    return state;
  }

  return {
    check(request: CheckRequest): TypeProblem[] {
      const state = serviceFor(request);
      state.files.set(CODE, request.code);
      state.version++;
      const diagnostics = [
        ...state.service.getSyntacticDiagnostics(CODE),
        ...state.service.getSemanticDiagnostics(CODE),
      ];
      const source = state.service.getProgram()!.getSourceFile(CODE)!;
      return diagnostics
        .filter((d) => d.category === ts.DiagnosticCategory.Error)
        .map((d) => {
          const from = d.start ?? 0;
          return {
            from,
            to: from + (d.length ?? 0),
            line: source.getLineAndCharacterOfPosition(from).line + 1,
            message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
            code: d.code,
          };
        });
    },
  };
}

/**
 * The globals the lesson gives its code: a server's `io` typed by the
 * lesson's four maps, as `new Server<ClientToServerEvents,
 * ServerToClientEvents, InterServerEvents, SocketData>()` types it, and its
 * names (the constants of events.ts).
 */
function globalsFor({ kind, lessonFiles, names }: CheckRequest): string {
  if (kind !== 'server' || !('events.ts' in lessonFiles)) return 'export {};\n';
  const maps = ['ClientToServerEvents', 'ServerToClientEvents', 'InterServerEvents', 'SocketData'];
  const lines = [
    "import type { Server as SocketIoServer } from 'socket.io';",
    "import type * as Lesson from './events.ts';",
    'declare global {',
    `  const io: SocketIoServer<${maps.map((map) => `Lesson.${map}`).join(', ')}>;`,
    ...names.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)).map((name) => `  const ${name}: typeof Lesson.${name};`),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
