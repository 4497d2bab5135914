import type { Routes } from '@angular/router';

/** /records: the patient's own record; /records/:patient: a patient's record for a doctor with access (the API enforces). */
export const RECORDS_ROUTES: Routes = [
  {
    path: '',
    title: 'My records · EHR Hospital',
    loadComponent: () => import('./my-records').then((m) => m.MyRecords),
  },
  {
    path: ':patient',
    title: 'Patient record · EHR Hospital',
    loadComponent: () => import('./patient-record').then((m) => m.PatientRecord),
  },
];
