/**
 * A small client for the Kubo RPC API (POST /api/v0/...), which both a real Kubo daemon and the
 * embedded node (ipfs/embedded-node) speak. The server asks who the node is (the health check) and,
 * for an erasure, unpins a patient's documents and collects the garbage; a command joins when a feature
 * needs it. Only ciphertext may ever be added: browsers encrypt first.
 */
export interface KuboClient {
  id(): Promise<{ id: string; agentVersion?: string }>;
  /** `pin rm`: unpins `cid`; false when it was not pinned (Kubo answers that with a 500 naming it). */
  unpin(cid: string): Promise<boolean>;
  /** `repo gc`: deletes every block no pin reaches; answers the deleted CIDs. */
  collectGarbage(): Promise<string[]>;
}

export class KuboError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'KuboError';
  }
}

export function createKuboClient(apiUrl: string, options: { timeoutMs?: number } = {}): KuboClient {
  const base = apiUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(command: string, timeout = timeoutMs): Promise<Response> {
    const url = `${base}/api/v0/${command}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(timeout) });
    } catch (error) {
      throw new KuboError(`IPFS API unreachable at ${base}: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw new KuboError(`IPFS ${command} failed (${response.status}): ${text.slice(0, 200)}`, response.status);
    }
    return response;
  }

  const json = async <T>(command: string) => (await (await call(command)).json()) as T;

  return {
    async id() {
      const result = await json<{ ID: string; AgentVersion?: string }>('id');
      return { id: result.ID, agentVersion: result.AgentVersion };
    },
    async unpin(cid) {
      try {
        await call(`pin/rm?arg=${encodeURIComponent(cid)}`);
        return true;
      } catch (error) {
        if (error instanceof KuboError && error.status === 500 && /not pinned/.test(error.message)) return false;
        throw error;
      }
    },
    async collectGarbage() {
      // A collection walks the whole repository: it gets longer than the usual call.
      const text = await (await call('repo/gc', timeoutMs * 6)).text();
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      return lines.flatMap((line) => {
        const entry = JSON.parse(line) as { Key?: { '/': string }; Error?: string };
        if (entry.Error) throw new KuboError(`IPFS repo/gc failed: ${entry.Error}`);
        return entry.Key ? [entry.Key['/']] : [];
      });
    },
  };
}
