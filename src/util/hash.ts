/** SHA-1 digests (hex), the one way the project takes them of a whole text or byte string. */
import cryptoModule, { createHash } from 'node:crypto';

type OneShot = (alg: string, data: string | Uint8Array) => string;
const oneShot = (cryptoModule as unknown as { hash?: OneShot }).hash;

/**
 * SHA-1 (hex) of a text (as UTF-8) or bytes: `crypto.hash` where this Node has it (20.12+: about a
 * third of `createHash`'s cost per call, which counts where it is asked once per statement or page),
 * else `createHash`. The same digest either way.
 */
export const sha1Hex: (data: string | Uint8Array) => string = typeof oneShot === 'function'
  ? (data) => oneShot('sha1', data)
  : (data) => createHash('sha1').update(data).digest('hex');
