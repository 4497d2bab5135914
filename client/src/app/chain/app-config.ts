/** The deployment the server runs against (GET /api/config): chain, RPC for the wallet, contract addresses. */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

export interface AppConfig {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  currency: { name: string; symbol: string; decimals: number };
  contracts: Record<string, { address: string; blockNumber: number }>;
  /** When the server ends a session: after `idleSeconds` without a request, and `maxSeconds` after sign-in. */
  session: { idleSeconds: number; maxSeconds: number };
}

@Injectable({ providedIn: 'root' })
export class AppConfigStore {
  private readonly http = inject(HttpClient);
  private readonly current = signal<AppConfig | null>(null);
  private pending?: Promise<AppConfig>;

  readonly config = this.current.asReadonly();

  /** Loads once; a failed load is retried on the next call. */
  load(): Promise<AppConfig> {
    this.pending ??= firstValueFrom(this.http.get<AppConfig>('/api/config')).then(
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
