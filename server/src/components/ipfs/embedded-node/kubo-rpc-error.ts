/** An error answered in Kubo's RPC error shape: `{ "Message", "Code", "Type": "error" }`. */
export class KuboRpcError extends Error {
  /**
   * @param status HTTP status (Kubo uses 500 for most failures, 400 for bad arguments)
   * @param code Kubo's error code: 0 = normal error, 1 = client error
   */
  constructor(
    readonly status: number,
    message: string,
    readonly code: 0 | 1 = 0,
  ) {
    super(message);
  }

  toJSON(): { Message: string; Code: number; Type: 'error' } {
    return { Message: this.message, Code: this.code, Type: 'error' };
  }
}
