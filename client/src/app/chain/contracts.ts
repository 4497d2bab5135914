/**
 * Contract handles for writes, signed by the connected wallet. Addresses come from the server's
 * deployment record (GET /api/config), ABIs from the generated TypeChain bindings.
 */
import { Injectable, inject } from '@angular/core';
import { BrowserProvider, type JsonRpcSigner } from 'ethers';
import { Consent__factory, Registry__factory, type Consent, type Registry } from '@contracts/types';
import { AppConfigStore } from './app-config';
import { WalletConnection } from './wallet-connection';

/** Receipts arrive within a block or two on the dev chain; poll faster than ethers' 4 s default. */
const RECEIPT_POLLING_MS = 500;

@Injectable({ providedIn: 'root' })
export class ChainContracts {
  private readonly appConfig = inject(AppConfigStore);
  private readonly wallet = inject(WalletConnection);

  async registry(): Promise<Registry> {
    const address = await this.appConfig.contractAddress('Registry');
    return Registry__factory.connect(address, await this.signer());
  }

  async consent(): Promise<Consent> {
    const address = await this.appConfig.contractAddress('Consent');
    return Consent__factory.connect(address, await this.signer());
  }

  private async signer(): Promise<JsonRpcSigner> {
    const { chainId } = await this.appConfig.load();
    if (this.wallet.state() !== 'connected' && !(await this.wallet.connect())) {
      throw new Error(this.wallet.error() ?? 'Connect your wallet first.');
    }
    if (this.wallet.chainId() !== chainId) throw new Error('Switch to EHR Hospital network first.');
    const provider = new BrowserProvider(this.wallet.requireProvider(), chainId, {
      staticNetwork: true,
      pollingInterval: RECEIPT_POLLING_MS,
    });
    return provider.getSigner(this.wallet.account() ?? undefined);
  }
}
