/**
 * The transactions of the indexer-restart drill, signed up front with explicit nonces and gas (Ganache 7.9
 * cannot estimate gas concurrently) and sent raw one after another, so each is mined in its own block.
 * They touch every read model the chain rebuilds: doctors (registered, verified), patients, consent
 * (grants, revokes) and records.
 */
import { Interface, JsonRpcProvider, Wallet, parseEther, parseUnits, type HDNodeWallet } from 'ethers';
import { readFileSync } from 'node:fs';
import { Consent__factory, Records__factory, Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { licenceHash } from '@test-support/licences';

const GAS_LIMIT = 1_000_000n;
const FEES = { maxFeePerGas: parseUnits('20', 'gwei'), maxPriorityFeePerGas: parseUnits('1', 'gwei') };
/** A well-formed CIDv1; the chain stores any string, and the drill uploads nothing. */
const RECORD_CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const TEST_REPORT = 0;

interface Call {
  from: HDNodeWallet;
  to: string;
  data: string;
  value?: bigint;
}

export interface DrillChain {
  provider: JsonRpcProvider;
  /** Signs `calls` with consecutive nonces per sender, in order. */
  sign(calls: Call[]): Promise<string[]>;
  /** Sends signed transactions one after another; `after(i)` runs once transaction i is mined. */
  sendAll(signed: string[], after?: (sent: number) => Promise<void>): Promise<void>;
  addresses: { registry: string; consent: string; records: string };
  close(): void;
}

export function connectDrillChain(rpcUrl: string, chainId: number, deploymentsFile: string): DrillChain {
  const provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
  const deployed = JSON.parse(readFileSync(deploymentsFile, 'utf8'))[String(chainId)];
  const nonces = new Map<string, number>();
  return {
    provider,
    addresses: {
      registry: deployed.Registry.address,
      consent: deployed.Consent.address,
      records: deployed.Records.address,
    },
    async sign(calls) {
      const signed: string[] = [];
      for (const call of calls) {
        const sender = call.from.address;
        if (!nonces.has(sender)) nonces.set(sender, await provider.getTransactionCount(sender, 'pending'));
        const nonce = nonces.get(sender)!;
        nonces.set(sender, nonce + 1);
        const tx = {
          to: call.to,
          data: call.data,
          value: call.value ?? 0n,
          nonce,
          chainId,
          gasLimit: GAS_LIMIT,
          type: 2,
          ...FEES,
        };
        signed.push(await new Wallet(call.from.privateKey).signTransaction(tx));
      }
      return signed;
    },
    async sendAll(signed, after) {
      for (const [index, raw] of signed.entries()) {
        const hash: string = await provider.send('eth_sendRawTransaction', [raw]);
        const receipt = await provider.waitForTransaction(hash);
        if (receipt?.status !== 1) throw new Error(`transaction ${index} (${hash}) failed`);
        await after?.(index + 1);
      }
    },
    close: () => provider.destroy(),
  };
}

const registry = new Interface(Registry__factory.abi);
const consent = new Interface(Consent__factory.abi);
const records = new Interface(Records__factory.abi);

/** Funding for the drill's patients (accounts past Ganache's funded ones). */
export function fundingCalls(chain: DrillChain, admin: HDNodeWallet, patients: HDNodeWallet[]): Call[] {
  return patients.map((patient) => ({ from: admin, to: patient.address, data: '0x', value: parseEther('1') }));
}

/**
 * The drill's mix: doctors register and two are verified, then each patient registers, grants both
 * verified doctors access, files a test report, and revokes the second doctor.
 */
export function readModelCalls(
  chain: DrillChain,
  people: { admin: HDNodeWallet; doctors: HDNodeWallet[]; patients: HDNodeWallet[] },
  grantUntil: number,
): Call[] {
  const { admin, doctors, patients } = people;
  const { registry: r, consent: c, records: rec } = chain.addresses;
  const [first, second] = doctors;
  return [
    ...doctors.map((doctor, i) => ({
      from: doctor,
      to: r,
      data: registry.encodeFunctionData('registerDoctor', [licenceHash(`INDEXER-DRILL-${i}`), 1 + i]),
    })),
    { from: admin, to: r, data: registry.encodeFunctionData('verifyDoctor', [first.address]) },
    { from: admin, to: r, data: registry.encodeFunctionData('verifyDoctor', [second.address]) },
    ...patients.flatMap((patient, i) => [
      { from: patient, to: r, data: registry.encodeFunctionData('registerPatient', []) },
      { from: patient, to: c, data: consent.encodeFunctionData('grantAccess', [first.address, grantUntil]) },
      { from: patient, to: c, data: consent.encodeFunctionData('grantAccess', [second.address, grantUntil]) },
      {
        from: patient,
        to: rec,
        data: records.encodeFunctionData('addRecord', [
          patient.address,
          TEST_REPORT,
          RECORD_CID,
          licenceHash(`report-${i}`),
        ]),
      },
      { from: patient, to: c, data: consent.encodeFunctionData('revokeAccess', [second.address]) },
    ]),
  ];
}

export const drillAccounts = (from: number, count: number): HDNodeWallet[] =>
  Array.from({ length: count }, (_, i) => devAccount(from + i));
