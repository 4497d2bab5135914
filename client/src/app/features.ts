/** THE list of signed-in features, in navigation order: app.routes.ts and the shell's navigation loop over it. */
import type { Feature } from './feature';
import { ACTIVITY_FEATURE } from './activity/activity.feature';
import { ADMINS_FEATURE } from './admins/admins.feature';
import { APPOINTMENTS_FEATURE } from './appointments/appointments.feature';
import { ADMIN_APPOINTMENTS_FEATURE } from './appointments/admin/admin-appointments.feature';
import { QUEUE_FEATURE } from './appointments/queue/queue.feature';
import { DASHBOARD_FEATURE } from './dashboard/dashboard.feature';
import { DOCTORS_FEATURE, FIND_A_DOCTOR_FEATURE } from './doctors/doctors.feature';
import { EMERGENCY_FEATURE, EMERGENCY_REVIEW_FEATURE } from './emergency/emergency.feature';
import { MY_DATA_FEATURE } from './my-data/my-data.feature';
import { PATIENTS_FEATURE } from './patients/patients.feature';
import { PRACTICE_FEATURE } from './practice/practice.feature';
import { RECORDS_FEATURE } from './documents/records.feature';
import { RESEARCH_FEATURE } from './research/research.feature';
import { TRANSACTIONS_FEATURE } from './transactions/transactions.feature';

export const FEATURES: readonly Feature[] = [
  DASHBOARD_FEATURE,
  DOCTORS_FEATURE,
  FIND_A_DOCTOR_FEATURE,
  APPOINTMENTS_FEATURE,
  RECORDS_FEATURE,
  MY_DATA_FEATURE,
  PRACTICE_FEATURE,
  QUEUE_FEATURE,
  PATIENTS_FEATURE,
  ADMINS_FEATURE,
  ADMIN_APPOINTMENTS_FEATURE,
  TRANSACTIONS_FEATURE,
  RESEARCH_FEATURE,
  ACTIVITY_FEATURE,
  EMERGENCY_FEATURE,
  EMERGENCY_REVIEW_FEATURE,
];
