/** THE list of signed-in features, in navigation order: app.routes.ts and the shell's navigation loop over it. */
import type { Feature } from './feature';
import { ADMINS_FEATURE } from './admins/admins.feature';
import { DASHBOARD_FEATURE } from './dashboard/dashboard.feature';
import { DOCTORS_FEATURE } from './doctors/doctors.feature';
import { PATIENTS_FEATURE } from './patients/patients.feature';

export const FEATURES: readonly Feature[] = [DASHBOARD_FEATURE, DOCTORS_FEATURE, PATIENTS_FEATURE, ADMINS_FEATURE];
