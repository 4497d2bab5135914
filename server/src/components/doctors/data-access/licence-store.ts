/**
 * Licence numbers and the salts of their on-chain commitments, one per doctor. The chain holds only
 * keccak256(abi.encode(licenceNumber, salt)); without the salt kept here nobody, the clinic included,
 * could check it, and without it being secret anyone could brute-force a short licence number from the
 * chain. Kept apart from doctor_profiles, which every signed-in person reads: only an admin's licence
 * check reads this collection.
 */
import mongoose, { Schema } from 'mongoose';

export interface DoctorLicence {
  address: string;
  licenceNumber: string;
  /** 32 random bytes, 0x-hex, made in the doctor's browser. */
  salt: string;
  updatedAt: Date;
}

const licenceSchema = new Schema<DoctorLicence>(
  {
    address: { type: String, required: true, unique: true },
    licenceNumber: { type: String, required: true, maxlength: 64 },
    salt: { type: String, required: true, match: /^0x[0-9a-fA-F]{64}$/ },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const LicenceModel = mongoose.model<DoctorLicence>('DoctorLicence', licenceSchema, 'doctor_licences');

/** Journaled (j: true): once the doctor's browser is told "stored", the salt survives a crash, because the chain commitment it sends next is useless without it. */
export async function saveLicence(licence: DoctorLicence): Promise<void> {
  const { address, ...rest } = licence;
  await LicenceModel.updateOne(
    { address },
    { $set: rest },
    { upsert: true, runValidators: true, writeConcern: { w: 1, j: true } },
  );
}

export async function findLicence(address: string): Promise<DoctorLicence | null> {
  return LicenceModel.findOne({ address }, { _id: 0 }).lean<DoctorLicence>();
}
