import type { JsonRpcProvider } from 'ethers';
import { revertTo, snapshot } from './chain';

/** A chain state to come back to repeatedly (Ganache consumes a snapshot when reverting to it). */
export class Checkpoint {
  private id = '';

  private constructor(private readonly provider: JsonRpcProvider) {}

  static async save(provider: JsonRpcProvider): Promise<Checkpoint> {
    const checkpoint = new Checkpoint(provider);
    checkpoint.id = await snapshot(provider);
    return checkpoint;
  }

  async restore(): Promise<void> {
    await revertTo(this.provider, this.id);
    this.id = await snapshot(this.provider);
  }
}
