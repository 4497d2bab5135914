/** THE list of signed-in features, in navigation order: app.routes.ts and the shell's navigation loop over it. */
import type { Feature } from './feature';
import { ACTIVITY_FEATURE } from './activity/activity.feature';
import { ADMINS_FEATURE } from './admins/admins.feature';
import { APPOINTMENTS_FEATURE } from './appointments/appointments.feature';
import { DASHBOARD_FEATURE } from './dashboard/dashboard.feature';
import { DOCTORS_FEATURE, FIND_A_DOCTOR_FEATURE } from './doctors/doctors.feature';
import { PATIENTS_FEATURE } from './patients/patients.feature';
import { TRANSACTIONS_FEATURE } from './transactions/transactions.feature';

export const FEATURES: readonly Feature[] = [
  DASHBOARD_FEATURE,
  DOCTORS_FEATURE,
  FIND_A_DOCTOR_FEATURE,
  APPOINTMENTS_FEATURE,
  PATIENTS_FEATURE,
  ADMINS_FEATURE,
  TRANSACTIONS_FEATURE,
  ACTIVITY_FEATURE,
];
