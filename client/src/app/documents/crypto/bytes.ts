/**
 * The one byte helper the noble libraries do not offer. WebCrypto's typings (TypeScript 5.9) accept only
 * views over a plain ArrayBuffer, while noble returns `Uint8Array<ArrayBufferLike>`; the bytes are the same.
 */

/**
 * `bytes` typed for WebCrypto, copied only when it does not sit on a plain ArrayBuffer (a SharedArrayBuffer,
 * which WebCrypto refuses). The tag check works across realms (test runners mix them), unlike instanceof.
 */
export function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return Object.prototype.toString.call(bytes.buffer) === '[object ArrayBuffer]'
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}
