import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DoctorView } from '@api';
import { eventually } from '../../testing/eventually';
import { FindADoctor } from './find-a-doctor';

const doctor = (overrides: Partial<DoctorView>): DoctorView => ({
  address: '0x0000000000000000000000000000000000000a11',
  status: 'verified',
  licenceHash: `0x${'11'.repeat(32)}`,
  speciality: 2,
  registeredAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  displayName: 'Dr. Amara Okafor',
  firstName: 'Amara',
  lastName: 'Okafor',
  city: 'Leeds',
  state: 'West Yorkshire',
  ...overrides,
});

describe('FindADoctor', () => {
  let http: HttpTestingController;

  function render(): HTMLElement {
    TestBed.configureTestingModule({
      imports: [FindADoctor],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(FindADoctor);
    fixture.autoDetectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const nextSearch = () => eventually(() => http.match((request) => request.url === '/api/doctors')[0]);
  const answer = (request: TestRequest, items: DoctorView[], total = items.length) => request.flush({ items, total });
  const control = <T extends HTMLElement>(page: HTMLElement, label: string): T => {
    const found = [...page.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === label)!;
    return page.querySelector<T>(`#${found.htmlFor}`)!;
  };

  it('When a patient searches by name, speciality, city and state, then the API is asked for exactly those, sorted by name from the first page', async () => {
    const page = render();
    answer(await nextSearch(), []);

    const name = control<HTMLInputElement>(page, 'Name');
    name.value = ' Okafor ';
    name.dispatchEvent(new Event('input'));
    const speciality = control<HTMLSelectElement>(page, 'Speciality');
    speciality.selectedIndex = [...speciality.options].findIndex((option) => option.text.trim() === 'Cardiology');
    speciality.dispatchEvent(new Event('change'));
    for (const [label, value] of [
      ['City', 'Leeds'],
      ['State', 'West Yorkshire'],
    ] as const) {
      const input = control<HTMLInputElement>(page, label);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Search')!.click();

    const search = await nextSearch();
    const params = Object.fromEntries(search.request.params.keys().map((key) => [key, search.request.params.get(key)]));
    expect(params).toEqual({
      q: 'Okafor',
      speciality: '2',
      city: 'Leeds',
      state: 'West Yorkshire',
      sort: 'name',
      order: 'asc',
      offset: '0',
      limit: '10',
    });
    expect(params).not.toHaveProperty('status'); // the API shows non-admins verified doctors only
  });

  it('When doctors are found, then each shows name, speciality, place and bio, and contact details only when the API sent them', async () => {
    const page = render();
    answer(await nextSearch(), [
      doctor({ bio: 'Heart failure clinic.', email: 'amara@example.org', mobile: '+447700900123' }),
      doctor({ address: '0x0000000000000000000000000000000000000b22', displayName: 'Dr. Chen Li', speciality: 7 }),
    ]);

    const cards = await eventually(() => {
      const found = [...page.querySelectorAll('li.doctor-card')];
      return found.length === 2 && found;
    });
    expect(cards[0].textContent).toContain('Dr. Amara Okafor');
    expect(cards[0].textContent).toContain('Cardiology');
    expect(cards[0].textContent).toContain('Leeds, West Yorkshire');
    expect(cards[0].textContent).toContain('Heart failure clinic.');
    expect(cards[0].querySelector('a[href="mailto:amara@example.org"]')).not.toBeNull();
    expect(cards[0].querySelector('a[href="tel:+447700900123"]')).not.toBeNull();
    expect(cards[1].textContent).toContain('Neurology');
    expect(cards[1].querySelectorAll('a')).toHaveLength(0);
    expect(page.textContent).toContain('2 doctors found');
  });

  it('When there are more doctors than a page, then Next asks for the next page with the same search', async () => {
    const page = render();
    answer(
      await nextSearch(),
      Array.from({ length: 10 }, (_, i) => doctor({ address: `0x${String(i + 1).padStart(40, '0')}` })),
      12,
    );
    const next = await eventually(() =>
      [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Next'),
    );

    next.click();

    const second = await nextSearch();
    expect(second.request.params.get('offset')).toBe('10');
    expect(second.request.params.get('sort')).toBe('name');
  });

  it('When a doctor has published booking terms, then the card shows the fee in ETH and a Book link to their free slots; without terms it says so', async () => {
    const page = render();
    // The doctors read model adds the on-chain terms (DoctorTermsSet) to each doctor.
    const bookable = { ...doctor({}), feeWei: '50000000000000000', slotLength: 1800 } as DoctorView;
    answer(await nextSearch(), [bookable, doctor({ address: '0x0000000000000000000000000000000000000b22' })]);

    const cards = await eventually(() => {
      const found = [...page.querySelectorAll('li.doctor-card')];
      return found.length === 2 && found;
    });
    expect(cards[0].textContent).toContain('Fee: 0.05 ETH');
    const book = cards[0].querySelector('a[aria-label="Book Dr. Amara Okafor"]');
    expect(book?.getAttribute('href')).toBe(`/appointments/book/${bookable.address}`);
    expect(cards[1].textContent).toContain('No booking terms yet');
    expect(cards[1].querySelector('a')).toBeNull();
  });
});
