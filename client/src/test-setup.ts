/**
 * Jest setup for the Angular client (zoneless, like the app).
 * jsdom brings its own Uint8Array, which ethers rejects as "not bytes" because Node's Buffer and
 * crypto produce the realm's native one; restore Node's so both sides agree.
 */
import { webcrypto } from 'node:crypto';
import { clearImmediate, setImmediate } from 'node:timers';
import { TextDecoder, TextEncoder } from 'node:util';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

const nodeUint8Array = (Object.getPrototypeOf(Buffer.prototype) as Uint8Array).constructor as Uint8ArrayConstructor;
Object.assign(globalThis, { TextEncoder, TextDecoder, Uint8Array: nodeUint8Array });
// The in-process Ganache chain some specs run schedules work with setImmediate, which jsdom hides.
Object.assign(globalThis, { setImmediate, clearImmediate });
// jsdom's crypto has getRandomValues but no subtle; browsers have both. Node's is the same WebCrypto API.
Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

setupZonelessTestEnv();
