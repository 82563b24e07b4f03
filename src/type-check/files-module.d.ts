// The declaration files the worker's bundle carries (type-files.ts, at build time).
declare module 'type-check:files' {
  const files: Record<string, string>;
  export default files;
}
