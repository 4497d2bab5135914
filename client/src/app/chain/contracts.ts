/**
 * Contract handles for writes, signed by the connected wallet. Addresses come from the server's
 * deployment record (GET /api/config), ABIs from the generated TypeChain bindings: a feature asks for
 * its contract by name and factory (`contracts.connect('Consent', Consent__factory)`), so a new
 * contract needs no edit here.
 */
import { Injectable, inject } from '@angular/core';
import { BrowserProvider, type ContractRunner, type JsonRpcSigner } from 'ethers';
import { AppConfigStore } from './app-config';
import { WalletConnection } from './wallet-connection';

/** Receipts arrive within a block or two on the dev chain; poll faster than ethers' 4 s default. */
const RECEIPT_POLLING_MS = 500;

/** A generated TypeChain factory (`Registry__factory`, …): turns an address into a typed contract. */
export interface ContractFactory<C> {
  connect(address: string, runner?: ContractRunner | null): C;
}

@Injectable({ providedIn: 'root' })
export class ChainContracts {
  private readonly appConfig = inject(AppConfigStore);
  private readonly wallet = inject(WalletConnection);

  /** The deployed contract `name` as the connected wallet, typed by its generated factory. */
  async connect<C>(name: string, factory: ContractFactory<C>): Promise<C> {
    const address = await this.appConfig.contractAddress(name);
    return factory.connect(address, await this.signer());
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
