/** The deployment the server runs against (GET /api/config): chain, RPC for the wallet, contract addresses. */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { ClientConfig } from '@api';

@Injectable({ providedIn: 'root' })
export class AppConfigStore {
  private readonly http = inject(HttpClient);
  private readonly current = signal<ClientConfig | null>(null);
  private pending?: Promise<ClientConfig>;

  readonly config = this.current.asReadonly();

  /** Loads once; a failed load is retried on the next call. */
  load(): Promise<ClientConfig> {
    this.pending ??= firstValueFrom(this.http.get<ClientConfig>('/api/config')).then(
      (config) => {
        this.current.set(config);
        return config;
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  async contractAddress(name: string): Promise<string> {
    const deployed = (await this.load()).contracts[name];
    if (!deployed) throw new Error(`${name} is not deployed on this network`);
    return deployed.address;
  }
}
