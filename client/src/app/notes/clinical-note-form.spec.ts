/**
 * The note form as the doctor uses it: rows of medications added and removed, and an incomplete note
 * refused with the problems named before anything is encrypted or sent.
 */
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { eventually } from '../../testing/eventually';
import { clickButton, fillFields } from '../../testing/form-filling';
import { ClinicalNoteForm } from './clinical-note-form';

describe('ClinicalNoteForm', () => {
  function render(): { page: HTMLElement; http: HttpTestingController } {
    TestBed.configureTestingModule({
      imports: [ClinicalNoteForm],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(ClinicalNoteForm);
    fixture.componentRef.setInput('patient', '0x00000000000000000000000000000000000000aa');
    fixture.autoDetectChanges();
    return { page: fixture.nativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
  }

  const medicationRows = (page: HTMLElement) => page.querySelectorAll('.medication').length;
  /** The input a wrapping label names (the medication rows' fields). */
  const typeInto = (page: HTMLElement, labelText: string, value: string) => {
    const field = [...page.querySelectorAll('.medication label')]
      .find((label) => label.textContent?.trim() === labelText)!
      .querySelector('input')!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };

  it('When the doctor adds and removes medication rows, then the form keeps at least one row', async () => {
    const { page } = render();
    expect(medicationRows(page)).toBe(1);

    clickButton(page, 'Add medication');
    clickButton(page, 'Add medication');
    await eventually(() => medicationRows(page) === 3);
    (page.querySelector('button[aria-label="Remove medication 2"]') as HTMLButtonElement).click();
    await eventually(() => medicationRows(page) === 2);
    (page.querySelector('button[aria-label="Remove medication 1"]') as HTMLButtonElement).click();
    (page.querySelector('button[aria-label="Remove medication 1"]') as HTMLButtonElement).click();

    await eventually(() => medicationRows(page) === 1);
  });

  it('When a prescription is saved without a diagnosis and with a half-filled medication, then both problems are named and nothing is sent', async () => {
    const { page, http } = render();
    const prescription = [...page.querySelectorAll('.kinds label')]
      .find((label) => label.textContent?.trim() === 'Prescription')!
      .querySelector('input')!;
    prescription.click();
    await eventually(() => prescription.checked);
    fillFields(page, { Notes: 'Review in 3 months.' });
    typeInto(page, 'Medication 1', 'Amlodipine');

    clickButton(page, 'Save the note');

    const errors = await eventually(() => page.querySelector('[data-testid="note-errors"]'));
    expect(errors.textContent).toContain('Write the diagnosis.');
    expect(errors.textContent).toContain('Medication 1: give its dose, duration.');
    http.expectNone(() => true);
    expect(page.querySelector('progress')).toBeNull();
  });
});
