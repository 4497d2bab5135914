import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { errorText } from '../shared/error-text';
import type { DoctorView } from '@api';
import { DoctorsApi } from './doctors-api';

interface StatusCount {
  status: DoctorView['status'];
  label: string;
  count: number;
}

/** Worded as the Doctors page's status filter, where the admin goes next. */
const COUNTED_STATUSES: readonly Omit<StatusCount, 'count'>[] = [
  { status: 'pending', label: 'Pending verification' },
  { status: 'verified', label: 'Verified' },
  { status: 'revoked', label: 'Revoked' },
];

/** Admin card: how many doctors wait for verification, are verified or revoked, and the way to review them. */
@Component({
  selector: 'ehr-doctor-verification-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './doctor-verification-summary.html',
  styleUrl: './doctor-verification-summary.css',
})
export class DoctorVerificationSummary implements OnInit {
  private readonly doctorsApi = inject(DoctorsApi);
  protected readonly counts = signal<StatusCount[] | null>(null);
  protected readonly loadError = signal<string | null>(null);

  ngOnInit(): void {
    void this.loadCounts();
  }

  private async loadCounts(): Promise<void> {
    try {
      const counts = await Promise.all(COUNTED_STATUSES.map(({ status }) => this.doctorsApi.count(status)));
      this.counts.set(COUNTED_STATUSES.map((entry, index) => ({ ...entry, count: counts[index] })));
    } catch (error) {
      this.loadError.set(`The doctor counts could not be loaded: ${errorText(error)}`);
    }
  }
}
