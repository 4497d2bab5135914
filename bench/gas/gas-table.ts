/**
 * Gas used by every write function, on a fresh in-process Ganache with the production wiring.
 * Prints a markdown table. Run with `npm run gas` (after `npm run contracts:build`).
 */
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import type { ContractTransactionReceipt, ContractTransactionResponse } from 'ethers';
import { REVOCATION_REASON, SPECIALITY } from '@test-support/codes';
import { DAY, SLOT_LENGTH, UNTIL_REVOKED } from '@test-support/constants';
import { deploySystem } from '@test-support/deploy';
import { startGanache } from '@test-support/ganache';
import { licenceHash } from '@test-support/licences';
import { connect, increaseTime, latestTimestamp, testSigners } from '../../test/contracts/helpers/chain';
import { CID, CONTENT_HASH, FEE } from '../../test/contracts/helpers/scenarios';

async function main(): Promise<void> {
  const chain = await startGanache();
  const provider = connect(chain.url);
  try {
    const rows: [string, bigint][] = [];
    const measure = async (name: string, tx: Promise<ContractTransactionResponse>) => {
      const receipt = (await (await tx).wait()) as ContractTransactionReceipt;
      rows.push([name, receipt.gasUsed]);
    };
    const [admin, doctor, doctor2, patient, newAdmin] = await testSigners(provider);
    const { registry, consent, appointments, records, anchoring } = await deploySystem(admin);
    const slot = async () => (await latestTimestamp(provider)) + DAY;

    await measure(
      'Registry.registerDoctor',
      registry.connect(doctor).registerDoctor(licenceHash('G-1'), SPECIALITY.dermatology),
    );
    await measure(
      'Registry.registerDoctorFor',
      registry.registerDoctorFor(doctor2.address, licenceHash('G-2'), SPECIALITY.dermatology),
    );
    await measure('Registry.verifyDoctor', registry.verifyDoctor(doctor.address));
    await measure('Registry.revokeDoctor', registry.revokeDoctor(doctor2.address, REVOCATION_REASON.licenceExpired));
    await (await registry.verifyDoctor(doctor2.address)).wait();
    await measure('Registry.registerPatient', registry.connect(patient).registerPatient());
    await measure('Registry.addAdmin', registry.addAdmin(newAdmin.address));
    await measure('Registry.removeAdmin', registry.removeAdmin(newAdmin.address));

    await measure('Consent.grantAccess', consent.connect(patient).grantAccess(doctor2.address, UNTIL_REVOKED));
    await measure('Consent.revokeAccess', consent.connect(patient).revokeAccess(doctor2.address));
    await measure('Consent.setAppointmentWindow', consent.setAppointmentWindow(3 * DAY));

    await measure('Appointments.setTerms', appointments.connect(doctor).setTerms(FEE, SLOT_LENGTH));
    const request = async () =>
      appointments.connect(patient).requestAppointment(doctor.address, await slot(), CID, { value: FEE });
    await measure('Appointments.requestAppointment (with fee and reason CID)', request());
    await measure('Appointments.accept (grants consent)', appointments.connect(doctor).accept(1));
    await (await request()).wait();
    await measure('Appointments.reject', appointments.connect(doctor).reject(2));
    await (await request()).wait();
    await measure('Appointments.cancel (requested)', appointments.connect(patient).cancel(3));
    await (await request()).wait();
    await (await appointments.connect(doctor).accept(4)).wait();
    await measure('Appointments.cancel (accepted)', appointments.connect(doctor).cancel(4));
    await (await request()).wait();
    await (await appointments.connect(doctor).accept(5)).wait();
    await increaseTime(provider, DAY + 1);
    await measure('Appointments.complete', appointments.connect(doctor).complete(1));
    await measure('Appointments.markNoShow', appointments.connect(doctor).markNoShow(5));
    await measure('Appointments.withdraw', appointments.connect(doctor).withdraw());

    await measure(
      'Records.addRecord (patient)',
      records.connect(patient).addRecord(patient.address, 0, CID, CONTENT_HASH),
    );
    await measure(
      'Records.addRecord (doctor with consent)',
      records.connect(doctor).addRecord(patient.address, 2, CID, CONTENT_HASH),
    );
    await measure('Records.amendRecord', records.connect(doctor).amendRecord(2, CID, CONTENT_HASH));

    const leaves = Array.from({ length: 1000 }, (_, i) => [patient.address, `${CID}${i}`, CONTENT_HASH]);
    const tree = StandardMerkleTree.of(leaves, ['address', 'string', 'bytes32']);
    await measure('Anchoring.anchor (1000 leaves, manifest CID)', anchoring.anchor(tree.root, leaves.length, CID));

    console.log('| Function | Gas used |\n| --- | ---: |');
    for (const [name, gas] of rows) console.log(`| ${name} | ${gas.toLocaleString('en-US')} |`);
  } finally {
    provider.destroy();
    await chain.close();
  }
}

main().catch((error: Error) => {
  console.error(`gas-table: ${error.message}`);
  process.exit(1);
});
