/**
 * A small client for the Kubo RPC API (POST /api/v0/...), which both a real Kubo daemon and the
 * embedded node (ipfs/embedded-node) speak. Only ciphertext is ever added: browsers encrypt first.
 */
export interface KuboClient {
  id(): Promise<{ id: string; agentVersion?: string }>;
  add(content: Uint8Array, options?: { fileName?: string; pin?: boolean }): Promise<{ cid: string; size: number }>;
  cat(cid: string): Promise<Uint8Array>;
  pinAdd(cid: string): Promise<void>;
  pinLs(cid?: string): Promise<string[]>;
}

export class KuboError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'KuboError';
  }
}

export function createKuboClient(apiUrl: string, options: { timeoutMs?: number } = {}): KuboClient {
  const base = apiUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(command: string, params: Record<string, string> = {}, body?: FormData): Promise<Response> {
    const url = `${base}/api/v0/${command}?${new URLSearchParams(params)}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new KuboError(`IPFS API unreachable at ${base}: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw new KuboError(`IPFS ${command} failed (${response.status}): ${text.slice(0, 200)}`, response.status);
    }
    return response;
  }

  const json = async <T>(command: string, params?: Record<string, string>, body?: FormData) =>
    (await (await call(command, params, body)).json()) as T;

  return {
    async id() {
      const result = await json<{ ID: string; AgentVersion?: string }>('id');
      return { id: result.ID, agentVersion: result.AgentVersion };
    },
    async add(content, addOptions = {}) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)]), addOptions.fileName ?? 'blob');
      const result = await json<{ Hash: string; Size: string }>('add', { pin: String(addOptions.pin ?? true), 'cid-version': '1' }, form);
      return { cid: result.Hash, size: Number(result.Size) };
    },
    async cat(cid) {
      return new Uint8Array(await (await call('cat', { arg: cid })).arrayBuffer());
    },
    async pinAdd(cid) {
      await call('pin/add', { arg: cid });
    },
    async pinLs(cid) {
      const result = await json<{ Keys?: Record<string, unknown> }>('pin/ls', cid ? { arg: cid } : { type: 'recursive' });
      return Object.keys(result.Keys ?? {});
    },
  };
}
