/**
 * Gas used by every write function, on a fresh in-process Ganache with the production wiring.
 * Prints a markdown table. Run with `npm run gas` (after `npm run contracts:build`).
 */
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import type { ContractTransactionReceipt, ContractTransactionResponse } from 'ethers';
import { REVOCATION_REASON, SPECIALITY } from '@test-support/codes';
import { DAY, HOUR, SLOT_LENGTH, UNTIL_REVOKED } from '@test-support/constants';
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
    const [admin, doctor, doctor2, patient, newAdmin, auditAnchorer] = await testSigners(provider);
    const { registry, consent, appointments, records, anchoring, researchSharing, emergencyAccess, erasure } =
      await deploySystem(admin);

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
    await measure('Appointments.setSettlementPeriods', appointments.setSettlementPeriods(7 * DAY, 7 * DAY));
    // Each request an hour after the previous one: a doctor's active appointments never overlap.
    let nextHour = 0;
    const slot = async () => (await latestTimestamp(provider)) + DAY + nextHour++ * HOUR;
    const request = async () =>
      appointments.connect(patient).requestAppointment(doctor.address, await slot(), CID, { value: FEE });
    const asDoctor = appointments.connect(doctor);
    const asPatient = appointments.connect(patient);
    const done = async (tx: Promise<ContractTransactionResponse>) => void (await (await tx).wait());
    await measure('Appointments.requestAppointment (with fee and reason CID)', request());
    await measure('Appointments.accept (grants consent)', asDoctor.accept(1));
    await measure('Appointments.requestAppointment (overlap check meets a held slot)', request());
    await measure('Appointments.reject', asDoctor.reject(2));
    await done(request());
    await measure('Appointments.cancel (requested)', asPatient.cancel(3));
    await done(request());
    await done(asDoctor.accept(4));
    await measure('Appointments.cancel (accepted)', asDoctor.cancel(4));
    await done(request());
    await measure('Appointments.reschedule (requested)', asPatient.reschedule(5, await slot()));
    await done(asDoctor.accept(5));
    await measure(
      'Appointments.reschedule (accepted, moves the consent window)',
      asPatient.reschedule(5, await slot()),
    );
    for (const id of [6, 7, 8]) {
      await done(request());
      await done(asDoctor.accept(id));
    }
    await increaseTime(provider, 2 * DAY);
    await measure('Appointments.complete', asDoctor.complete(1));
    await measure('Appointments.markNoShow (fee held)', asDoctor.markNoShow(5));
    await done(asDoctor.markNoShow(6));
    await done(asDoctor.markNoShow(7));
    await measure('Appointments.withdraw', asDoctor.withdraw());
    await measure('Appointments.disputeNoShow', asPatient.disputeNoShow(5));
    await measure('Appointments.settleDispute (refund the patient)', appointments.settleDispute(5, true));
    await done(asPatient.disputeNoShow(7));
    await measure('Appointments.settleDispute (pay the doctor)', appointments.settleDispute(7, false));

    // While the completed appointment still gives the doctor access.
    await measure(
      'Records.addRecord (patient)',
      records.connect(patient).addRecord(patient.address, 0, CID, CONTENT_HASH),
    );
    await measure(
      'Records.addRecord (doctor with consent)',
      records.connect(doctor).addRecord(patient.address, 2, CID, CONTENT_HASH),
    );
    await measure('Records.amendRecord', records.connect(doctor).amendRecord(2, CID, CONTENT_HASH));

    await increaseTime(provider, 8 * DAY);
    await measure('Appointments.claimNoShowFee', asDoctor.claimNoShowFee(6));
    await measure('Appointments.reclaimFee (expires, refunds)', asPatient.reclaimFee(8));

    const leaves = Array.from({ length: 1000 }, (_, i) => [patient.address, `${CID}${i}`, CONTENT_HASH]);
    const tree = StandardMerkleTree.of(leaves, ['address', 'string', 'bytes32']);
    await measure('Anchoring.anchor (1000 leaves, manifest CID)', anchoring.anchor(tree.root, leaves.length, CID));
    await measure('Anchoring.setAuditAnchorer', anchoring.setAuditAnchorer(auditAnchorer.address));
    const asAnchorer = anchoring.connect(auditAnchorer);
    await measure('Anchoring.anchorAuditHead (first)', asAnchorer.anchorAuditHead(1, CONTENT_HASH));
    await measure('Anchoring.anchorAuditHead (next)', asAnchorer.anchorAuditHead(2, CONTENT_HASH));

    const asPatientResearch = researchSharing.connect(patient);
    await measure('ResearchSharing.optIn (every scope)', asPatientResearch.optIn(7, UNTIL_REVOKED));
    await measure('ResearchSharing.optOut', asPatientResearch.optOut());
    await measure('ResearchSharing.anchorExport', researchSharing.anchorExport(CONTENT_HASH, 1000, 5, 1000));

    await measure('EmergencyAccess.setWindow', emergencyAccess.setWindow(12 * HOUR));
    await measure('EmergencyAccess.setEmergencyKey', emergencyAccess.setEmergencyKey(CONTENT_HASH));
    await measure('EmergencyAccess.setEmergencySharing', emergencyAccess.connect(patient).setEmergencySharing(true));
    await measure(
      "EmergencyAccess.breakGlass (the doctor's first use)",
      emergencyAccess.connect(doctor).breakGlass(patient.address, CONTENT_HASH),
    );
    await measure(
      'EmergencyAccess.endEmergencyAccess',
      emergencyAccess.connect(patient).endEmergencyAccess(patient.address, doctor.address),
    );

    await measure('Erasure.erase', erasure.connect(patient).erase());
    await measure('Erasure.eraseFor (again, on a request)', erasure.eraseFor(patient.address, CONTENT_HASH));

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
