import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { DoctorSort, DoctorView } from '@api';
import { etherText } from '../appointments/fee';
import { shortAddress } from '../auth/account';
import { errorText } from '../shared/error-text';
import { SPECIALITIES, specialityName } from './doctor';
import { DoctorsApi } from './doctors-api';

const PAGE_SIZE = 10;

/** The doctor's on-chain booking terms as the doctors read model indexes them (DoctorTermsSet); absent until set. */
type BookableDoctor = DoctorView & { feeWei?: string | null; slotLength?: number | null };

/**
 * Find a doctor (patients): verified doctors by name, speciality, city and state, sorted and paged.
 * The API lists verified doctors only to non-admins, and sends email and mobile only to patients.
 */
@Component({
  selector: 'ehr-find-a-doctor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink],
  templateUrl: './find-a-doctor.html',
  styleUrl: './find-a-doctor.css',
})
export class FindADoctor implements OnInit {
  private readonly doctorsApi = inject(DoctorsApi);

  protected readonly specialities = SPECIALITIES;
  protected readonly specialityName = specialityName;
  protected readonly shortAddress = shortAddress;
  protected readonly pageSize = PAGE_SIZE;

  protected readonly criteria = { name: '', speciality: 0, city: '', state: '', sort: 'name' as DoctorSort };
  protected readonly offset = signal(0);
  protected readonly doctors = signal<BookableDoctor[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);

  /** "Fee: 0.05 ETH", or null while the doctor has no booking terms (then they cannot be booked). */
  protected feeOf(doctor: BookableDoctor): string | null {
    return doctor.feeWei && doctor.slotLength ? `Fee: ${etherText(doctor.feeWei)}` : null;
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async search(): Promise<void> {
    this.offset.set(0);
    await this.load();
  }

  protected async goToPage(offset: number): Promise<void> {
    this.offset.set(offset);
    await this.load();
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    const { name, speciality, city, state, sort } = this.criteria;
    try {
      const page = await this.doctorsApi.list({
        q: name.trim() || undefined,
        speciality: Number(speciality) || undefined,
        city: city.trim() || undefined,
        state: state.trim() || undefined,
        sort,
        order: 'asc',
        offset: this.offset(),
        limit: PAGE_SIZE,
      });
      this.doctors.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      this.loadError.set(`The doctors could not be loaded: ${errorText(error)}`);
    } finally {
      this.loading.set(false);
    }
  }
}
