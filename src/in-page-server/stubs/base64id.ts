// Replaces socket.io/dist/contrib/base64id.js, which needs Node's Buffer: the same kind of id
// (15 random bytes, base64url), from the browser's crypto.
const generateId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\//g, '_')
    .replace(/\+/g, '-');
};

export const base64id = { generateId };
