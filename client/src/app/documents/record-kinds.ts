/** Record kinds in words, as the timeline and the upload panel show them. */
import type { RecordKind } from '@api';

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  'test-report': 'Test report',
  'consultation-note': 'Consultation note',
  prescription: 'Prescription',
  imaging: 'Imaging',
  other: 'Other document',
};
