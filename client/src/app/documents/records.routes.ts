import type { Routes } from '@angular/router';

/**
 * /records: the patient's own record; /records/recover: a new wallet recovers a lost one's documents with its
 * recovery code (anyone signed in); /records/:patient: a patient's record for a doctor with access (the API enforces).
 */
export const RECORDS_ROUTES: Routes = [
  {
    path: '',
    title: 'My records · EHR Hospital',
    loadComponent: () => import('./my-records').then((m) => m.MyRecords),
  },
  {
    path: 'recover',
    title: 'Recover documents · EHR Hospital',
    loadComponent: () => import('./recover-documents').then((m) => m.RecoverDocuments),
  },
  {
    path: ':patient',
    title: 'Patient record · EHR Hospital',
    loadComponent: () => import('./patient-record').then((m) => m.PatientRecord),
  },
];
