/**
 * GET /api/appointments latency with 10,000 appointments in the read model: starts the real stack (Ganache
 * with the contracts, the embedded MongoDB), signs in an admin, a doctor and a patient, inserts the read-model
 * documents directly (booking 10,000 on chain would measure Ganache, not the list) and times sequential
 * requests through the real app. Prints p50/p95 per caller.
 *
 *   npx tsx bench/appointments/list-latency.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Wallet } from 'ethers';
import { startChain } from '../../scripts/dev/chain';
import { startMongo } from '../../scripts/dev/mongo';
import { deployContracts } from '../../scripts/dev/contracts';
import { openTestApp, testChain } from '../../server/src/test-support/test-app';
import { signInCallers } from '../../server/src/test-support/authorization-matrix';
import {
  AppointmentModel,
  type AppointmentRecord,
} from '../../server/src/components/appointments/data-access/appointment-store';
import { LISTED_APPOINTMENT_STATUSES } from '../../api/chain-values';

const APPOINTMENTS = 10_000;
const REQUESTS = 300;
const HOUR_MS = 3_600_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-bench-appointments-'));
  const quiet = () => {};
  const [chainNode, mongo] = await Promise.all([
    startChain({ port: 0, log: quiet }),
    startMongo({ dataDir, log: quiet }),
  ]);
  const { deploymentsFile } = await deployContracts({ rpcUrl: chainNode.rpcUrl, dataDir, log: quiet });
  Object.assign(process.env, {
    TEST_RPC_URL: chainNode.rpcUrl,
    TEST_MONGODB_URI: mongo.uri,
    TEST_IPFS_API_URL: 'http://127.0.0.1:1',
    TEST_DEPLOYMENTS_FILE: deploymentsFile,
  });
  const testApp = await openTestApp('bench-appointments');
  const chain = await testChain();
  try {
    const callers = await signInCallers(testApp.app, chain, {
      verifiedDoctor: 900,
      pendingDoctor: 901,
      patient: 902,
      otherPatient: 903,
      unregistered: 904,
    });
    // 10,000 appointments: 50 doctors (the signed-in one among them), 2,000 patients (the signed-in one too).
    const doctors = [
      callers.address.verifiedDoctor,
      ...Array.from({ length: 49 }, () => Wallet.createRandom().address),
    ];
    const patients = [callers.address.patient, ...Array.from({ length: 1999 }, () => Wallet.createRandom().address)];
    const start = Date.UTC(2030, 0, 1);
    const documents: AppointmentRecord[] = Array.from({ length: APPOINTMENTS }, (_, index) => {
      const slot = new Date(start + index * HOUR_MS);
      const requestedAt = new Date(start - (index % 30) * 24 * HOUR_MS);
      return {
        id: String(index + 1),
        patient: patients[index % patients.length],
        doctor: doctors[index % doctors.length],
        status: LISTED_APPOINTMENT_STATUSES[index % LISTED_APPOINTMENT_STATUSES.length],
        slot,
        slotEnd: new Date(slot.getTime() + 1_800_000),
        duration: 1800,
        feeWei: '10000000000000000',
        feeSettled: false,
        requestedAt,
        updatedAt: requestedAt,
        history: [
          { kind: 'requested', status: 'requested', by: patients[0], at: requestedAt, txHash: '0x' + '1'.repeat(64) },
        ],
        payments: [
          { kind: 'escrowed', amountWei: '10000000000000000', at: requestedAt, txHash: '0x' + '1'.repeat(64) },
        ],
        requestedPosition: index,
        eventPosition: index,
      };
    });
    await AppointmentModel.insertMany(documents, { lean: true });

    const cases = [
      ['admin, every appointment', 'admin', {}],
      ['admin, status=requested,accepted', 'admin', { status: 'requested,accepted' }],
      ['doctor, own queue', 'verifiedDoctor', {}],
      ['patient, own bookings', 'patient', {}],
    ] as const;
    for (const [label, caller, query] of cases) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const began = performance.now();
        const response = await callers.agent[caller].get('/api/appointments').query({ ...query, limit: 20 });
        times.push(performance.now() - began);
        if (response.status !== 200) throw new Error(`${label}: ${response.status} ${JSON.stringify(response.body)}`);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${REQUESTS} requests, ${APPOINTMENTS} appointments)`,
      );
    }
  } finally {
    await testApp.close();
    chain.close();
    await mongo.stop();
    await chainNode.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
