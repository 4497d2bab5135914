/**
 * A real signing wallet for the browser tests, standing in for the MetaMask extension (which cannot be
 * installed here). The page gets an EIP-1193 `window.ethereum` (isMetaMask: true, also announced through
 * EIP-6963); every request crosses to Node, where an ethers Wallet answers it. Like MetaMask, it holds
 * the key itself and reaches the chain only through the RPC URL the app gives wallets (the app's /rpc):
 * reads pass through, transactions are signed here and sent with eth_sendRawTransaction. Nothing is faked.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { JsonRpcProvider, Wallet, getBytes, isHexString, toUtf8String, type HDNodeWallet } from 'ethers';

interface RpcRequest {
  method: string;
  params?: unknown[];
}
interface RpcError {
  code: number;
  message: string;
}
type RpcReply = { result: unknown } | { error: RpcError };

/** Runs inside the page before any of the app's scripts. */
function pageScript(): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const bridge = (
    window as unknown as {
      __ehrWalletRequest: (r: unknown) => Promise<{ result?: unknown; error?: { code: number; message: string } }>;
    }
  ).__ehrWalletRequest;
  const provider = {
    isMetaMask: true,
    async request({ method, params }: { method: string; params?: unknown[] }) {
      const reply = await bridge({ method, params: params ?? [] });
      if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
      return reply.result;
    },
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return provider;
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };
  (window as unknown as Record<string, unknown>).__ehrWalletEmit = (event: string, payload: unknown) =>
    listeners.get(event)?.forEach((listener) => listener(payload));
  (window as unknown as { ethereum: unknown }).ethereum = provider;
  const info = {
    uuid: '5b7e3a52-6f4c-4d8e-9d59-3f1f4f0a2c11',
    name: 'MetaMask',
    icon: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E',
    rdns: 'io.metamask',
  };
  const announce = () =>
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}

export interface InjectedWalletOptions {
  /** The RPC URL `npm start` prints for MetaMask: the app's /rpc, never the chain node itself. */
  rpcUrl: string;
  /** The chain id behind rpcUrl: the only network this wallet can actually reach. */
  rpcChainId: number;
  /** The chain the wallet is on at first (default rpcChainId); another id exercises the app's network switch. */
  startChainId?: number;
  /** Chains the wallet already knows; switching to an unknown one answers 4902 like MetaMask. */
  knownChainIds?: number[];
}

export class InjectedWallet {
  private readonly provider: JsonRpcProvider;
  private readonly signer: Wallet;
  private chainId: number;
  private readonly knownChainIds: Set<number>;
  private connected = false;
  private readonly pages = new Set<Page>();
  /** Every method the app asked for, in order: lets a test assert how the app used the wallet. */
  readonly requests: string[] = [];

  constructor(
    account: Wallet | HDNodeWallet,
    private readonly options: InjectedWalletOptions,
  ) {
    this.provider = new JsonRpcProvider(options.rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
    this.signer = new Wallet(account.privateKey, this.provider);
    this.chainId = options.startChainId ?? options.rpcChainId;
    this.knownChainIds = new Set(options.knownChainIds ?? [this.chainId]);
  }

  get address(): string {
    return this.signer.address;
  }

  /** Injects the wallet into every page the context opens. */
  async attach(context: BrowserContext): Promise<void> {
    await context.exposeBinding('__ehrWalletRequest', ({ page }, request: RpcRequest) => {
      this.pages.add(page);
      return this.answer(request);
    });
    await context.addInitScript(pageScript);
  }

  close(): void {
    this.provider.destroy();
  }

  private async answer(request: RpcRequest): Promise<RpcReply> {
    this.requests.push(request.method);
    try {
      return { result: await this.handle(request.method, request.params ?? []) };
    } catch (error) {
      const { code, message } = error as Partial<RpcError> & { shortMessage?: string };
      return {
        error: {
          code: typeof code === 'number' ? code : -32603,
          message: (error as { shortMessage?: string }).shortMessage ?? message ?? String(error),
        },
      };
    }
  }

  private async handle(method: string, params: unknown[]): Promise<unknown> {
    switch (method) {
      case 'eth_requestAccounts':
        this.connected = true;
        return [this.address];
      case 'eth_accounts':
        return this.connected ? [this.address] : [];
      case 'eth_chainId':
        return hexChainId(this.chainId);
      case 'net_version':
        return String(this.chainId);
      case 'wallet_switchEthereumChain':
        return this.switchTo(Number((params[0] as { chainId: string }).chainId));
      case 'wallet_addEthereumChain': {
        const chainId = Number((params[0] as { chainId: string }).chainId);
        this.knownChainIds.add(chainId);
        return this.switchTo(chainId);
      }
      case 'personal_sign': {
        const [message, address] = params as [string, string];
        this.assertAccount(address);
        return this.signer.signMessage(isHexString(message) ? toUtf8String(getBytes(message)) : message);
      }
      case 'eth_sendTransaction':
        return this.sendTransaction(params[0] as Record<string, string | undefined>);
      default:
        this.assertOnChain();
        return this.provider.send(method, params);
    }
  }

  private async sendTransaction(tx: Record<string, string | undefined>): Promise<string> {
    this.assertAccount(tx.from);
    this.assertOnChain();
    // Signed here, sent raw: /rpc refuses eth_sendTransaction, as it must (the node holds unlocked keys).
    const sent = await this.signer.sendTransaction({
      to: tx.to,
      data: tx.data,
      value: tx.value ?? 0,
      // A fixed limit when the app gives none: ganache 7.9 can hang on concurrent estimates.
      gasLimit: tx.gas ?? tx.gasLimit ?? 1_000_000,
    });
    return sent.hash;
  }

  private async switchTo(chainId: number): Promise<null> {
    if (!this.knownChainIds.has(chainId)) {
      throw Object.assign(
        new Error(
          `Unrecognized chain ID ${hexChainId(chainId)}. Try adding the chain using wallet_addEthereumChain first.`,
        ),
        { code: 4902 },
      );
    }
    this.chainId = chainId;
    await this.emit('chainChanged', hexChainId(chainId));
    return null;
  }

  private assertAccount(address: string | undefined): void {
    if (address && address.toLowerCase() !== this.address.toLowerCase()) {
      throw Object.assign(new Error(`Unknown account ${address}`), { code: 4100 });
    }
  }

  /** Only the test chain is reachable: a request on any other network fails as a disconnected chain would. */
  private assertOnChain(): void {
    if (this.chainId !== this.options.rpcChainId) {
      throw Object.assign(new Error(`The wallet's network ${this.chainId} is not reachable from the test`), {
        code: 4901,
      });
    }
  }

  private async emit(event: string, payload: unknown): Promise<void> {
    await Promise.all(
      [...this.pages]
        .filter((page) => !page.isClosed())
        .map((page) =>
          page.evaluate(
            ([e, p]) =>
              (window as unknown as { __ehrWalletEmit: (e: string, p: unknown) => void }).__ehrWalletEmit(e, p),
            [event, payload] as const,
          ),
        ),
    );
  }
}

/** EIP-695 form: minimal hex, no zero padding ("0x539", not "0x0539"). */
function hexChainId(chainId: number): string {
  return `0x${chainId.toString(16)}`;
}
