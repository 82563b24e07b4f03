import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractRegion, languageOf, RegionError } from '../src/components/code/regions.ts';

const source = `import x from 'x';

export function register(io) {
  // #region server
  io.on('connection', (socket) => {
    // #region welcome
    socket.emit('welcome');
    // #endregion

    socket.on('bye', () => {});
  });
  // #endregion
}
`;

test('a region is cut without its markers, dedented, inner markers dropped', () => {
  assert.equal(
    extractRegion(source, 'server'),
    "io.on('connection', (socket) => {\n  socket.emit('welcome');\n\n  socket.on('bye', () => {});\n});",
  );
});

test('an inner region can be cut on its own', () => {
  assert.equal(extractRegion(source, 'welcome'), "socket.emit('welcome');");
});

test('a missing region fails with a message naming the file and the fix', () => {
  assert.throws(() => extractRegion(source, 'counter', 'src/server/lessons/x.ts'), {
    name: 'RegionError',
    message:
      'Region "counter" was not found in src/server/lessons/x.ts. Mark it with "// #region counter" and "// #endregion".',
  });
  assert.throws(() => extractRegion(source, 'counter'), RegionError);
});

test('a region that is never closed fails clearly', () => {
  assert.throws(() => extractRegion('// #region open\nconst a = 1;\n', 'open', 'a.ts'), {
    message: 'Region "open" in a.ts is never closed: add "// #endregion" after it.',
  });
});

test('a region name must match whole, not as a prefix', () => {
  assert.throws(() => extractRegion('// #region server-side\nx\n// #endregion\n', 'server'), RegionError);
});

test('an HTML file marks its regions in comments, and they are cut the same way', () => {
  const page =
    '<body>\n  <!-- #region scripts -->\n  <script src="/socket.io/socket.io.js"></script>\n  <!-- #endregion -->\n</body>\n';
  assert.equal(extractRegion(page, 'scripts'), '<script src="/socket.io/socket.io.js"></script>');
});

test('a region of a .tsx file is highlighted as tsx, any other as ts', () => {
  assert.equal(languageOf('src/lessons/react/Counter.tsx'), 'tsx');
  assert.equal(languageOf('src/lessons/react/server.ts'), 'ts');
});

test('a region can be cut from a React component, its JSX kept whole', () => {
  const tsx =
    'export function A() {\n  // #region view\n  return (\n    <p role="status">{count}</p>\n  );\n  // #endregion\n}\n';
  assert.equal(extractRegion(tsx, 'view', 'A.tsx'), 'return (\n  <p role="status">{count}</p>\n);');
});
