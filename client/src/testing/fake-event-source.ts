/**
 * jsdom has no EventSource: this stand-in records the streams a page opens and lets a spec push a
 * server-sent event into them, as the API's stream would when the indexer applies a change.
 */
export class FakeEventSource {
  static readonly opened: FakeEventSource[] = [];
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;

  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  /** Delivers one event named `type` with `data` as its JSON payload. */
  emit(type: string, data: unknown): void {
    const event = new MessageEvent<string>(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  /** Installs the stand-in as the global EventSource; answers a function that forgets the streams opened. */
  static install(): () => void {
    Object.assign(globalThis, { EventSource: FakeEventSource });
    return () => FakeEventSource.opened.splice(0);
  }
}
