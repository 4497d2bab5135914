/**
 * The people of a records test file and what they do on chain: the matrix's callers (the verified doctor
 * holding the patient's consent grant, a pending doctor, two patients, an unregistered account, the shared
 * admin), the Records contract as each of them, and fake uploads (a CID and the sha256 of "encrypted" bytes,
 * no IPFS needed: the chain and the API only carry them). Each test file passes its own accounts.
 */
import request, { type Agent } from 'supertest';
import { encodeBase58, sha256, toUtf8Bytes, type ContractTransactionReceipt, type HDNodeWallet } from 'ethers';
import { Records__factory, type Records } from '@contracts/types';
import { RECORD_KINDS, type RecordKind } from '@api';
import { UNTIL_REVOKED } from '@test-support/constants';
import { licenceCommitment } from '@test-support/licences';
import { signInCallers, type MatrixAccounts, type MatrixCallers } from '../../../test-support/authorization-matrix';
import { signIn } from '../../../test-support/siwe-client';
import { fundedWallet, GAS, type TestApp, type TestChain } from '../../../test-support/test-app';

export interface Upload {
  cid: string;
  contentHash: string;
}

/** A distinct CIDv0 and content hash for `label`, as a pinned upload would have. */
export function fakeUpload(label: string): Upload {
  const contentHash = sha256(toUtf8Bytes(`encrypted bytes of ${label}`));
  return { cid: encodeBase58(`0x1220${sha256(toUtf8Bytes(label)).slice(2)}`), contentHash };
}

export const kindOnChain = (kind: RecordKind) => RECORD_KINDS.indexOf(kind);

export interface RecordsWorld {
  callers: MatrixCallers;
  /** The Records contract as the verified doctor, the patients and the admin. */
  as: Record<'verifiedDoctor' | 'patient' | 'otherPatient', Records>;
  /** `who` adds `upload` of `kind` to `patient`'s record; answers the new entry id. */
  add(who: keyof RecordsWorld['as'], patient: string, kind: RecordKind, upload: Upload): Promise<number>;
  /** `who` amends entry `id` with `upload`; answers the new entry id. */
  amend(who: keyof RecordsWorld['as'], id: number, upload: Upload): Promise<number>;
}

export const mined = async (sent: Promise<{ wait(): Promise<ContractTransactionReceipt | null> }>) =>
  (await (await sent).wait())!;

/** Signs in the matrix callers; the patient grants the verified doctor access until revoked. */
export async function buildRecordsWorld(
  testApp: TestApp,
  chain: TestChain,
  accounts: MatrixAccounts,
): Promise<RecordsWorld> {
  const callers = await signInCallers(testApp.app, chain, accounts);
  const address = testApp.runtime.chain.deployments.Records.address;
  const wallets = {
    verifiedDoctor: await fundedWallet(accounts.verifiedDoctor, chain.provider),
    patient: await fundedWallet(accounts.patient, chain.provider),
    otherPatient: await fundedWallet(accounts.otherPatient, chain.provider),
  };
  await mined(chain.consentFor(wallets.patient).grantAccess(wallets.verifiedDoctor.address, UNTIL_REVOKED, GAS));
  const as = Object.fromEntries(
    Object.entries(wallets).map(([who, wallet]) => [who, Records__factory.connect(address, wallet)]),
  ) as RecordsWorld['as'];

  const newId = (contract: Records, receipt: ContractTransactionReceipt) => {
    const added = receipt.logs
      .map((log) => contract.interface.parseLog(log))
      .find((parsed) => parsed?.name === 'RecordAdded');
    return Number(added!.args.id);
  };
  return {
    callers,
    as,
    async add(who, patient, kind, upload) {
      const receipt = await mined(as[who].addRecord(patient, kindOnChain(kind), upload.cid, upload.contentHash, GAS));
      return newId(as[who], receipt);
    },
    async amend(who, id, upload) {
      const receipt = await mined(as[who].amendRecord(id, upload.cid, upload.contentHash, GAS));
      return newId(as[who], receipt);
    },
  };
}

/** Another verified doctor, registered and verified here and signed in (for grants that end). */
export async function verifiedDoctor(
  testApp: TestApp,
  chain: TestChain,
  index: number,
): Promise<{ wallet: HDNodeWallet; agent: Agent }> {
  const wallet = await fundedWallet(index, chain.provider);
  await mined(chain.registryFor(wallet).registerDoctor(licenceCommitment(`RECORDS-${index}`), 1, GAS));
  await mined(chain.registryAs(0).verifyDoctor(wallet.address, GAS));
  const agent = request.agent(testApp.app);
  await signIn(agent, wallet);
  return { wallet, agent };
}
