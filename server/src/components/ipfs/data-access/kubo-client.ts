/**
 * A small client for the Kubo RPC API (POST /api/v0/...), which both a real Kubo daemon and the
 * embedded node (ipfs/embedded-node) speak. Today the server only asks who the node is (the health
 * check); a command joins when a feature needs it. Only ciphertext may ever be added: browsers encrypt first.
 */
export interface KuboClient {
  id(): Promise<{ id: string; agentVersion?: string }>;
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

  async function call(command: string): Promise<Response> {
    const url = `${base}/api/v0/${command}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
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
  };
}
