/**
 * /api/emergency through HTTP (api/emergency.ts): justifications, the emergency view of a patient, the
 * accesses and their reviews, and the wrapped keys the server relays but never opens.
 */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  ClinicKeyWrap,
  ClinicKeyWraps,
  ClinicKeyWrapsBody,
  ClinicWrappedDocumentKeys,
  EmergencyAccessList,
  EmergencyAccessView,
  EmergencyDocumentKeysBody,
  EmergencyDocumentKeyStatus,
  EmergencyPatientView,
  EmergencyReviewBody,
  EmergencyReviewQueue,
  JustificationCreated,
  RewrappedDocumentKeysBody,
} from '@api';

const at = (path: string) => `/api/emergency/${path}`;

@Injectable({ providedIn: 'root' })
export class EmergencyApi {
  private readonly http = inject(HttpClient);

  /** Stores the doctor's justification; answers the salt and commitment breakGlass must carry. */
  justify(patient: string, justification: string): Promise<JustificationCreated> {
    return firstValueFrom(this.http.post<JustificationCreated>(at('justifications'), { patient, justification }));
  }

  /** The emergency view of `patient`, while the signed-in doctor's window is open. */
  patient(address: string): Promise<EmergencyPatientView> {
    return firstValueFrom(this.http.get<EmergencyPatientView>(at(`patients/${encodeURIComponent(address)}`)));
  }

  /** `patient`'s emergency accesses, newest first (the patient themselves, or admins). */
  async accessesOf(patient: string): Promise<EmergencyAccessView[]> {
    const params = new HttpParams().set('patient', patient);
    return (await firstValueFrom(this.http.get<EmergencyAccessList>(at('accesses'), { params }))).items;
  }

  /** The signed-in doctor's own emergency accesses, newest first. */
  async mine(): Promise<EmergencyAccessView[]> {
    return (await firstValueFrom(this.http.get<EmergencyAccessList>(at('accesses/mine')))).items;
  }

  reviewQueue(): Promise<EmergencyReviewQueue> {
    return firstValueFrom(this.http.get<EmergencyReviewQueue>(at('reviews')));
  }

  review(id: string, body: EmergencyReviewBody): Promise<EmergencyAccessView> {
    return firstValueFrom(this.http.post<EmergencyAccessView>(at(`reviews/${encodeURIComponent(id)}`), body));
  }

  clinicKeyWraps(): Promise<ClinicKeyWraps> {
    return firstValueFrom(this.http.get<ClinicKeyWraps>(at('clinic-key/wraps')));
  }

  storeClinicKeyWraps(body: ClinicKeyWrapsBody): Promise<ClinicKeyWraps> {
    return firstValueFrom(this.http.put<ClinicKeyWraps>(at('clinic-key/wraps'), body));
  }

  /** The signed-in admin's own wrap of the current clinic key. */
  myClinicKeyWrap(): Promise<ClinicKeyWrap> {
    return firstValueFrom(this.http.get<ClinicKeyWrap>(at('clinic-key/wraps/me')));
  }

  documentKeyStatus(patient: string): Promise<EmergencyDocumentKeyStatus> {
    const params = new HttpParams().set('patient', patient);
    return firstValueFrom(this.http.get<EmergencyDocumentKeyStatus>(at('documents/keys'), { params }));
  }

  storeDocumentKeys(body: EmergencyDocumentKeysBody): Promise<void> {
    return firstValueFrom(this.http.put<void>(at('documents/keys'), body));
  }

  clinicWrappedKeys(accessId: string): Promise<ClinicWrappedDocumentKeys> {
    return firstValueFrom(
      this.http.get<ClinicWrappedDocumentKeys>(at(`accesses/${encodeURIComponent(accessId)}/document-keys`)),
    );
  }

  storeDoctorKeys(accessId: string, body: RewrappedDocumentKeysBody): Promise<void> {
    return firstValueFrom(this.http.post<void>(at(`accesses/${encodeURIComponent(accessId)}/document-keys`), body));
  }
}
