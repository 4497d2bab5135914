/**
 * GET /api/fhir/Patient/:address/$everything for a populated patient (appointments in four statuses, a
 * patient's report, a doctor's note and its amendment, grants running, expiring and revoked): the Bundle
 * validates against the FHIR R4 JSON schema, holds every resource type expected with the right codes, and no
 * health data but the Patient's demographics. The patient, an admin and a doctor with a grant may export it
 * (the last two logged); other doctors and patients get FHIR_NO_ACCESS, logged too. Then the code tables,
 * row by row.
 */
import type { Appointment, Bundle, Consent, DocumentReference, Provenance, Resource } from '@medplum/fhirtypes';
import { Records__factory } from '@contracts/types';
import {
  DOCUMENT_ENVELOPE_CONTENT_TYPE,
  FHIR_URIS,
  LISTED_APPOINTMENT_STATUSES,
  PATIENT_SEXES,
  type AuditPage,
} from '@api';
import { DAY, UNTIL_REVOKED } from '@test-support/constants';
import { fhirValidator, type FhirValidator } from '@test-support/fhir-schema';
import {
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import {
  buildAppointmentsWorld,
  mined,
  patientProfile,
  type AppointmentsWorld,
} from '../../appointments/test/appointments-world';
import { fakeUpload, kindOnChain, verifiedDoctor } from '../../records/test/records-world';
import { APPOINTMENT_STATUS_TO_FHIR, SEX_TO_ADMINISTRATIVE_GENDER } from '..';
import { toAppointment, toPatient } from '../domain/fhir-resources';

// Accounts used only by this file (funded here): 1200 verified doctor (granted until revoked), 1201 pending doctor,
// 1202 and 1203 patients, 1204 unregistered; 1205 a verified doctor without a grant, 1206 one granted for 30 days,
// 1207 one whose grant is revoked; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 1200, pendingDoctor: 1201, patient: 1202, otherPatient: 1203, unregistered: 1204 };
const OTHER_DOCTORS = { withoutGrant: 1205, expiring: 1206, revoked: 1207 };
/** Health data the profile and an appointment hold: none of it may reach the Bundle. */
const SECRETS = {
  allergy: 'Fhirexport peanut allergy',
  condition: 'Fhirexport asthma',
  rejection: 'Fhirexport see a cardiologist',
};
const REASON_CID = 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o';

let testApp: TestApp;
let chain: TestChain;
let world: AppointmentsWorld;
let validate: FhirValidator;
let withoutGrant: Awaited<ReturnType<typeof verifiedDoctor>>;
let expiringDoctor: string;
const appointmentIds = {} as Record<'requested' | 'accepted' | 'rejected' | 'cancelled', bigint>;
const entries = {} as Record<'report' | 'note' | 'amendment', { id: number; txHash: string; blockNumber: number }>;
const uploads = {
  report: fakeUpload('fhir report'),
  note: fakeUpload('fhir note'),
  amendment: fakeUpload('fhir note v2'),
};

async function addEntry(sent: ReturnType<ReturnType<typeof Records__factory.connect>['addRecord']>) {
  const receipt = await mined(sent);
  const records = Records__factory.createInterface();
  const added = receipt.logs.map((log) => records.parseLog(log)).find((parsed) => parsed?.name === 'RecordAdded');
  return { id: Number(added!.args.id), txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

beforeAll(async () => {
  testApp = await openTestApp('fhir-export');
  chain = await testChain();
  world = await buildAppointmentsWorld(testApp, chain, ACCOUNTS, {
    doctor: ['Ada', 'Fhir'],
    patient: ['Peter', 'Fhir'],
    otherPatient: ['Olive', 'Fhir'],
  });
  const { address, agent } = world.callers;
  await agent.patient
    .put('/api/patients/me')
    .send({ ...patientProfile('Peter', 'Fhir'), allergies: [SECRETS.allergy], chronicConditions: [SECRETS.condition] })
    .expect(200);

  appointmentIds.requested = await world.book('patient', world.slot(1), REASON_CID);
  appointmentIds.accepted = await world.book('patient', world.slot(2));
  await mined(world.as.verifiedDoctor.accept(appointmentIds.accepted, GAS));
  appointmentIds.rejected = await world.book('patient', world.slot(3));
  await mined(world.as.verifiedDoctor.reject(appointmentIds.rejected, GAS));
  await agent.verifiedDoctor
    .put(`/api/appointments/${appointmentIds.rejected}/rejection-reason`)
    .send({ text: SECRETS.rejection })
    .expect(204);
  appointmentIds.cancelled = await world.book('patient', world.slot(4));
  await mined(world.as.patient.cancel(appointmentIds.cancelled, GAS));

  const wallets = {
    patient: await fundedWallet(ACCOUNTS.patient, chain.provider),
    doctor: await fundedWallet(ACCOUNTS.verifiedDoctor, chain.provider),
  };
  const consent = chain.consentFor(wallets.patient);
  await mined(consent.grantAccess(address.verifiedDoctor, UNTIL_REVOKED, GAS));
  withoutGrant = await verifiedDoctor(testApp, chain, OTHER_DOCTORS.withoutGrant);
  const expiring = await verifiedDoctor(testApp, chain, OTHER_DOCTORS.expiring);
  const revoked = await verifiedDoctor(testApp, chain, OTHER_DOCTORS.revoked);
  expiringDoctor = expiring.wallet.address;
  const now = (await chain.provider.getBlock('latest'))!.timestamp;
  await mined(consent.grantAccess(expiring.wallet.address, now + 30 * DAY, GAS));
  await mined(consent.grantAccess(revoked.wallet.address, UNTIL_REVOKED, GAS));
  await mined(consent.revokeAccess(revoked.wallet.address, GAS));

  const recordsAddress = testApp.runtime.chain.deployments.Records.address;
  const asPatient = Records__factory.connect(recordsAddress, wallets.patient);
  const asDoctor = Records__factory.connect(recordsAddress, wallets.doctor);
  const { report, note, amendment } = uploads;
  entries.report = await addEntry(
    asPatient.addRecord(address.patient, kindOnChain('test-report'), report.cid, report.contentHash, GAS),
  );
  entries.note = await addEntry(
    asDoctor.addRecord(address.patient, kindOnChain('consultation-note'), note.cid, note.contentHash, GAS),
  );
  entries.amendment = await addEntry(asDoctor.amendRecord(entries.note.id, amendment.cid, amendment.contentHash, GAS));
  await testApp.runtime.indexer.syncNow();
  validate = fhirValidator();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const everythingPath = (patient: string) => `/api/fhir/Patient/${patient}/$everything`;
const exportAs = (who: 'patient' | 'admin' | 'verifiedDoctor') =>
  world.callers.agent[who].get(everythingPath(world.callers.address.patient));
const latestAudit = async () => {
  const { body } = await world.callers.agent.patient.get('/api/audit/me').expect(200);
  return (body as AuditPage).items[0];
};
const resourcesOf = <T extends Resource>(bundle: Bundle, type: T['resourceType']) =>
  (bundle.entry ?? [])
    .map((entry) => entry.resource!)
    .filter((resource): resource is T => resource.resourceType === type);

describe('GET /api/fhir/Patient/:address/$everything: the Bundle', () => {
  let bundle: Bundle;
  beforeAll(async () => {
    const response = await exportAs('patient').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(response.headers['cache-control']).toBe('no-store');
    bundle = JSON.parse(response.text) as Bundle;
  });

  test('When the patient exports, then the Bundle is a collection valid against the FHIR R4 JSON schema', () => {
    expect(validate(bundle)).toEqual({ valid: true, errors: [] });
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  });

  test('When the patient exports, then every resource type is there: Patient, Practitioners, Appointments, DocumentReferences, Consents, Provenance', () => {
    const count = (type: string) =>
      (bundle.entry ?? []).filter((entry) => entry.resource?.resourceType === type).length;
    const { address } = world.callers;
    expect({
      Patient: count('Patient'),
      Appointment: count('Appointment'),
      DocumentReference: count('DocumentReference'),
      Consent: count('Consent'),
      Provenance: count('Provenance'),
    }).toEqual({ Patient: 1, Appointment: 4, DocumentReference: 3, Consent: 2, Provenance: 3 });
    const practitioners = resourcesOf(bundle, 'Practitioner').map((practitioner) => practitioner.id);
    expect(practitioners.sort()).toEqual([address.verifiedDoctor, expiringDoctor].sort());
    expect(resourcesOf(bundle, 'Patient')[0]).toMatchObject({
      id: address.patient,
      identifier: [{ system: FHIR_URIS.account, value: `eip155:${testApp.runtime.chain.chainId}:${address.patient}` }],
      name: [{ family: 'Fhir', given: ['Peter'] }],
      gender: 'female',
      birthDate: '1990-12-10',
      address: [{ city: 'London', state: 'Greater London' }],
    });
  });

  test('When an appointment is in the Bundle, then its status is the FHIR code for the app status, which travels beside it', () => {
    const byId = new Map(
      resourcesOf<Appointment>(bundle, 'Appointment').map((appointment) => [appointment.id, appointment]),
    );
    const statusOf = (id: bigint) => {
      const appointment = byId.get(`appointment-${id}`)!;
      return [appointment.status, appointment.extension?.[0].valueCode, appointment.participant[1].status];
    };
    expect(statusOf(appointmentIds.requested)).toEqual(['pending', 'requested', 'needs-action']);
    expect(statusOf(appointmentIds.accepted)).toEqual(['booked', 'accepted', 'accepted']);
    expect(statusOf(appointmentIds.rejected)).toEqual(['cancelled', 'rejected', 'declined']);
    expect(statusOf(appointmentIds.cancelled)).toEqual(['cancelled', 'cancelled', 'accepted']);
  });

  test('When a record is in the Bundle, then its DocumentReference points at the ciphertext (ipfs://, anchored sha-256, envelope type) and an amendment replaces the version it corrects', () => {
    const byId = new Map(resourcesOf<DocumentReference>(bundle, 'DocumentReference').map((doc) => [doc.id, doc]));
    const summary = (entry: keyof typeof entries) => {
      const doc = byId.get(`record-${entries[entry].id}`)!;
      const attachment = doc.content[0].attachment;
      return {
        status: doc.status,
        url: attachment.url,
        contentType: attachment.contentType,
        sha256: attachment.extension?.find((extension) => extension.url === FHIR_URIS.contentSha256)?.valueString,
        hash: attachment.hash,
        relatesTo: doc.relatesTo,
      };
    };
    const expected = (entry: keyof typeof entries, status: string) => ({
      status,
      url: `ipfs://${uploads[entry].cid}`,
      contentType: DOCUMENT_ENVELOPE_CONTENT_TYPE,
      sha256: uploads[entry].contentHash,
      hash: undefined,
      relatesTo: undefined,
    });
    expect(summary('report')).toEqual(expected('report', 'current'));
    expect(summary('note')).toEqual(expected('note', 'superseded'));
    expect(summary('amendment')).toEqual({
      ...expected('amendment', 'current'),
      relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/record-${entries.note.id}` } }],
    });
  });

  test('When a record is in the Bundle, then a Provenance names its anchoring transaction, block and block time', async () => {
    const provenance = resourcesOf<Provenance>(bundle, 'Provenance').find(
      (resource) => resource.target[0].reference === `DocumentReference/record-${entries.amendment.id}`,
    )!;
    const block = await chain.provider.getBlock(entries.amendment.blockNumber);
    expect(provenance.recorded).toBe(new Date(block!.timestamp * 1000).toISOString());
    expect(provenance.extension).toEqual(
      expect.arrayContaining([
        { url: FHIR_URIS.transactionHash, valueString: entries.amendment.txHash },
        { url: FHIR_URIS.blockNumber, valueUnsignedInt: entries.amendment.blockNumber },
      ]),
    );
    expect(provenance.agent[0].who).toEqual({ reference: `Practitioner/${world.callers.address.verifiedDoctor}` });
  });

  test('When grants are in the Bundle, then only the running ones are, each with its period and the doctor as actor', () => {
    const consents = resourcesOf<Consent>(bundle, 'Consent').map((consent) => ({
      actor: consent.provision?.actor?.[0].reference.reference,
      start: consent.provision?.period?.start,
      end: consent.provision?.period?.end,
    }));
    expect(consents).toHaveLength(2);
    expect(consents).toEqual(
      expect.arrayContaining([
        { actor: `Practitioner/${world.callers.address.verifiedDoctor}`, start: expect.any(String), end: undefined },
        {
          actor: `Practitioner/${expiringDoctor}`,
          start: expect.any(String),
          end: expect.any(String),
        },
      ]),
    );
  });

  test('When the Bundle is read as text, then no health data is in it: no allergy, condition, rejection reason or reason note', () => {
    const text = JSON.stringify(bundle);
    expect(Object.values(SECRETS).filter((secret) => text.includes(secret))).toEqual([]);
    expect(text).not.toContain(REASON_CID);
    expect(text).not.toContain('emergencyContact');
  });
});

describe('GET /api/fhir/Patient/:address/$everything: who may export', () => {
  test('When the patient exports their own record, then it is served without an access-log entry', async () => {
    const before = await latestAudit();
    await exportAs('patient').expect(200);
    expect(await latestAudit()).toEqual(before);
  });

  test.each([
    ['admin', 'admin'],
    ['verifiedDoctor', 'consent grant'],
  ] as const)('When %s exports the record, then it is served and logged as allowed (%s)', async (who, why) => {
    const response = await exportAs(who).expect(200);
    expect(validate(JSON.parse(response.text))).toEqual({ valid: true, errors: [] });
    expect(await latestAudit()).toMatchObject({
      actor: world.callers.address[who],
      patient: world.callers.address.patient,
      what: 'fhir.everything',
      outcome: 'allowed',
      why,
    });
  });

  test.each(['withoutGrant', 'pendingDoctor', 'otherPatient', 'unregistered'] as const)(
    'When %s asks for the record, then 403 FHIR_NO_ACCESS and the refusal is in the access log',
    async (who) => {
      const agent = who === 'withoutGrant' ? withoutGrant.agent : world.callers.agent[who];
      const actor = who === 'withoutGrant' ? withoutGrant.wallet.address : world.callers.address[who];

      const response = await agent.get(everythingPath(world.callers.address.patient)).expect(403);

      expect(response.body.error.code).toBe('FHIR_NO_ACCESS');
      expect(await latestAudit()).toMatchObject({ actor, what: 'fhir.everything', outcome: 'denied' });
    },
  );

  test('When no one is signed in, then 401; when the address is not one, then 400 naming it', async () => {
    await world.callers.agent.anonymous.get(everythingPath(world.callers.address.patient)).expect(401);
    const { body } = await world.callers.agent.admin.get(everythingPath('0x1234')).expect(400);
    expect(body.error.message).toMatch(/address/);
  });

  test('When an admin asks for an address that is no registered patient, then 404 FHIR_PATIENT_NOT_FOUND', async () => {
    const { body } = await world.callers.agent.admin
      .get(everythingPath(world.callers.address.unregistered))
      .expect(404);
    expect(body.error.code).toBe('FHIR_PATIENT_NOT_FOUND');
  });
});

describe('FHIR code tables, row by row', () => {
  const EXPECTED_STATUS = {
    requested: 'pending',
    accepted: 'booked',
    rejected: 'cancelled',
    cancelled: 'cancelled',
    completed: 'fulfilled',
    'no-show': 'noshow',
    disputed: 'noshow',
    expired: 'cancelled',
    refunded: 'cancelled',
  } as const;
  const slot = new Date('2030-01-01T10:00:00Z');

  test.each(LISTED_APPOINTMENT_STATUSES.map((status) => [status, EXPECTED_STATUS[status]] as const))(
    'When an appointment is %s, then its FHIR status is %s and the Appointment is valid FHIR',
    (status, fhirStatus) => {
      const appointment = toAppointment({
        id: '7',
        patient: world.callers.address.patient,
        doctor: world.callers.address.verifiedDoctor,
        status,
        slot,
        slotEnd: new Date(slot.getTime() + 30 * 60_000),
        duration: 1800,
        feeWei: '0',
        feeSettled: true,
        requestedAt: slot,
        updatedAt: slot,
        history: [],
        payments: [],
        requestedPosition: 1,
        eventPosition: 1,
      });
      expect(appointment.status).toBe(fhirStatus);
      expect(APPOINTMENT_STATUS_TO_FHIR[status].status).toBe(fhirStatus);
      expect(validate({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: appointment }] })).toEqual({
        valid: true,
        errors: [],
      });
    },
  );

  const EXPECTED_GENDER = { female: 'female', male: 'male', other: 'other', undisclosed: 'unknown' } as const;
  test.each(PATIENT_SEXES.map((sex) => [sex, EXPECTED_GENDER[sex]] as const))(
    'When a patient says %s, then Patient.gender is %s',
    (sex, gender) => {
      expect(SEX_TO_ADMINISTRATIVE_GENDER[sex]).toBe(gender);
      const patient = toPatient(world.callers.address.patient, 1337, {
        address: world.callers.address.patient,
        ...patientProfile('Sam', 'Row'),
        sex,
        health: { allergies: [], chronicConditions: [] },
        updatedAt: slot,
      });
      expect(patient.gender).toBe(gender);
    },
  );
});
