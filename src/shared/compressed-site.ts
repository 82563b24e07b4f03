/**
 * The file that the site's compression writes into `dist/` once every text
 * file has its `.br` and `.gz` copy. The server sends those copies only when
 * it is there: a first `npm start` compresses after it listens, and copies
 * still being written must not be sent.
 */
export const COMPRESSED_MARK = '.compressed';

/** Set by `npm start` for its build: the files are compressed after the server listens. */
export const COMPRESS_LATER_ENV = 'WORKSHOP_COMPRESS_LATER';
