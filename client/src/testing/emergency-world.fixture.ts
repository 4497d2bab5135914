/**
 * What the emergency specs share: one in-process chain with a verified doctor (dev 1), a registered patient
 * (dev 4) and the admin (dev 0), and a TestBed per person: their really signing wallet connected, the app
 * config naming the deployed contracts, and the emergency and key routes answered from memory.
 */
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ZeroHash, type HDNodeWallet } from 'ethers';
import { DEV_ADMIN, devAccount } from '@test-support/dev-chain';
import { licenceCommitment } from '@test-support/licences';
import { appConfigFor } from './app-config.fixture';
import { MemoryKeyServer } from './document-services.fixture';
import { MemoryEmergencyServer } from './emergency-server.fixture';
import { startTestChain, type TestChain } from './test-chain';
import { TestWallet } from './test-wallet';
import type { Role } from '@api';
import { Session } from '../app/auth/session';
import { AppConfigStore } from '../app/chain/app-config';
import { WalletConnection } from '../app/chain/wallet-connection';

export const GAS = { gasLimit: 500_000 };
export const ADMIN = devAccount(DEV_ADMIN);
export const DOCTOR = devAccount(1);
export const PATIENT = devAccount(4);

export async function startEmergencyChain(): Promise<TestChain> {
  const chain = await startTestChain();
  const admin = chain.registry.connect(await chain.provider.getSigner(ADMIN.address));
  const doctor = await chain.provider.getSigner(DOCTOR.address);
  await (await chain.registry.connect(doctor).registerDoctor(licenceCommitment('GMC-1', ZeroHash), 2, GAS)).wait();
  await (await admin.verifyDoctor(DOCTOR.address, GAS)).wait();
  const patient = await chain.provider.getSigner(PATIENT.address);
  await (await chain.registry.connect(patient).registerPatient(GAS)).wait();
  return chain;
}

export interface PersonBed {
  http: HttpTestingController;
  wallet: TestWallet;
  emergency: MemoryEmergencyServer;
  keys: MemoryKeyServer;
  stop(): void;
}

/**
 * A fresh TestBed as `account`, signed-in wallet connected. `state` carries the servers' memory from one person's
 * bed to the next (the same server, seen by another caller).
 */
export async function bedAs(
  chain: TestChain,
  account: HDNodeWallet,
  state?: { emergency?: MemoryEmergencyServer; keys?: MemoryKeyServer },
  providers: unknown[] = [],
): Promise<PersonBed> {
  TestBed.resetTestingModule();
  const wallet = new TestWallet(account, { chain });
  const stopAnnouncing = wallet.announceOn(window);
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ...(providers as never[])],
  });
  const http = TestBed.inject(HttpTestingController);
  const configLoaded = TestBed.inject(AppConfigStore).load();
  const signedIn = TestBed.inject(Session).refresh();
  http.expectOne('/api/config').flush(
    appConfigFor(await chain.registry.getAddress(), {
      EmergencyAccess: await chain.emergencyAccess.getAddress(),
      Records: await chain.records.getAddress(),
    }),
  );
  await configLoaded;
  const role = roleOf(account);
  http
    .expectOne('/api/me')
    .flush({ address: account.address, roles: [role], doctorStatus: role === 'doctor' ? 'verified' : 'none' });
  await signedIn;
  await TestBed.inject(WalletConnection).connect();
  const emergency = carry(new MemoryEmergencyServer(http), state?.emergency);
  emergency.caller = account.address;
  const keys = new MemoryKeyServer(http, () => account.address);
  if (state?.keys) {
    for (const [key, value] of state.keys.published) keys.published.set(key, value);
    for (const [key, value] of state.keys.wrapped) keys.wrapped.set(key, value);
  }
  emergency.start();
  keys.start();
  return {
    http,
    wallet,
    emergency,
    keys,
    stop() {
      emergency.stop();
      keys.stop();
      stopAnnouncing();
    },
  };
}

function roleOf(account: HDNodeWallet): Role {
  if (account.address === ADMIN.address) return 'admin';
  return account.address === DOCTOR.address ? 'doctor' : 'patient';
}

function carry(next: MemoryEmergencyServer, previous?: MemoryEmergencyServer): MemoryEmergencyServer {
  if (!previous) return next;
  next.admins = previous.admins;
  next.clinicKey = previous.clinicKey;
  for (const [key, value] of previous.clinicWraps) next.clinicWraps.set(key, value);
  for (const [key, value] of previous.clinicDocumentKeys) next.clinicDocumentKeys.set(key, value);
  for (const [key, value] of previous.accesses) next.accesses.set(key, value);
  for (const [key, value] of previous.released) next.released.set(key, value);
  return next;
}
