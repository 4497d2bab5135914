/**
 * THE list of panels on the patient's My data page, in page order. A domain adds its panel (a standalone
 * component in its own folder, loaded lazily) with one entry here and edits nothing else.
 */
import type { Type } from '@angular/core';

/**
 * A panel that changed what the others show (an erasure) dispatches this DOM event, bubbling, from its host
 * element; the page then opens every panel afresh so none keeps showing what no longer holds.
 */
export const MY_DATA_CHANGED = 'ehr-my-data-changed';

export interface MyDataPanel {
  /** The panel's heading (an h2 the page renders) and its anchor id. */
  title: string;
  id: string;
  load: () => Promise<Type<unknown>>;
}

export const MY_DATA_PANELS: readonly MyDataPanel[] = [
  {
    title: 'Take your record to another provider (FHIR)',
    id: 'fhir-export',
    load: () => import('../fhir/fhir-export-panel').then((module) => module.FhirExportPanel),
  },
  {
    title: 'Research sharing',
    id: 'research-sharing',
    load: () => import('../research/research-participation').then((m) => m.ResearchParticipationPanel),
  },
  {
    title: 'Emergency sharing',
    id: 'emergency-sharing',
    load: () => import('../emergency/emergency-sharing-panel').then((m) => m.EmergencySharingPanel),
  },
  {
    title: 'Erase my data',
    id: 'erase-my-data',
    load: () => import('../erasure/erase-my-data').then((panel) => panel.EraseMyData),
  },
];
