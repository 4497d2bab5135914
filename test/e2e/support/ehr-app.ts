/**
 * Page object for the EHR Hospital SPA: what a person does, in the words the screen uses
 * (role + accessible name locators only, so the test breaks when a user would be lost).
 */
import type { Locator, Page } from 'playwright-core';

const UI_TIMEOUT = 30_000;

export interface DoctorProfileForm {
  firstName?: string;
  lastName?: string;
  dateOfJoining?: string;
  email?: string;
  mobile?: string;
  city?: string;
  state?: string;
  bio?: string;
}
const DOCTOR_PROFILE_LABELS: Record<string, keyof DoctorProfileForm> = {
  'First name': 'firstName',
  'Last name': 'lastName',
  'Date of joining': 'dateOfJoining',
  Email: 'email',
  Mobile: 'mobile',
  City: 'city',
  State: 'state',
  'Short bio (optional)': 'bio',
};

export class EhrApp {
  constructor(readonly page: Page) {}

  async open(appUrl: string): Promise<void> {
    await this.page.goto(appUrl);
    await this.page.getByRole('heading', { name: 'EHR Hospital' }).first().waitFor({ timeout: UI_TIMEOUT });
  }

  /** Connect the wallet, move it to the app's network if needed, and sign in with Ethereum. */
  async connectAndSignIn(): Promise<void> {
    await this.button('Connect MetaMask').click();
    const switchNetwork = this.button('Switch to EHR Hospital network');
    const signIn = this.button('Sign in with Ethereum');
    await switchNetwork.or(signIn).first().waitFor({ timeout: UI_TIMEOUT });
    if (await switchNetwork.isVisible()) await switchNetwork.click();
    await signIn.click();
    await this.button('Sign out').waitFor({ timeout: UI_TIMEOUT });
  }

  async goTo(section: 'Dashboard' | 'Doctors' | 'Find a doctor' | 'Patients' | 'Admins'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: section, exact: true }).click();
  }

  /** On the dashboard of an unregistered account, beside the patient registration card (same field labels). */
  async registerAsDoctor(form: { licence: string; speciality: string } & DoctorProfileForm): Promise<void> {
    const card = this.page.getByRole('region', { name: 'Doctor registration' });
    await card.getByLabel('Licence number', { exact: true }).fill(form.licence);
    await card.getByLabel('Speciality', { exact: true }).selectOption({ label: form.speciality });
    await this.fillDoctorProfile(form, card);
    await this.button('Register as doctor').click();
    await this.waitForTransaction();
  }

  /** The paper's doctor profile fields (registration, Add Doctor, Edit Doctor); fields left out keep their value. */
  async fillDoctorProfile(form: DoctorProfileForm, within: Page | Locator = this.page): Promise<void> {
    for (const [label, value] of Object.entries(DOCTOR_PROFILE_LABELS)) {
      const text = form[value];
      if (text !== undefined) await within.getByLabel(label, { exact: true }).fill(text);
    }
  }

  /** The admin's verification table: the row of one doctor, found by what the admin reads in it. */
  doctorRow(text: string): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  async checkLicence(rowText: string): Promise<void> {
    await this.doctorRow(rowText)
      .getByRole('button', { name: /^Check licence/ })
      .click();
  }

  async verifyDoctor(rowText: string): Promise<void> {
    await this.doctorRow(rowText)
      .getByRole('button', { name: /^Verify/ })
      .click();
    await this.waitForTransaction();
  }

  /** Registration needs a profile (labels → values); the defaults are a complete, valid one. */
  async registerAsPatient(profile: Record<string, string> = {}): Promise<void> {
    const values: Record<string, string> = {
      'First name': 'Ada',
      'Last name': 'Byron',
      'Date of birth': '1990-12-10',
      Email: 'ada@example.org',
      Mobile: '+447700900123',
      City: 'London',
      State: 'Greater London',
      'Contact name': 'Mary Somerville',
      'Contact phone': '+447700900456',
      Allergies: 'Penicillin',
      ...profile,
    };
    // Typed into right after the lazy page renders, a field was seen to come back empty under load (the form
    // rendered again): fill until every value has stuck, as a person would retype it.
    // The dashboard shows the doctor registration card beside it, with the same labels: stay in this card.
    const card = this.page.getByRole('region', { name: 'Patient registration' });
    for (let attempt = 0; attempt < 3; attempt++) {
      for (const [label, value] of Object.entries(values)) {
        const field = card.getByLabel(label, { exact: true });
        if ((await field.inputValue()) !== value) await field.fill(value);
      }
    }
    await card.getByLabel('Sex', { exact: true }).selectOption({ label: profile['Sex'] ?? 'Female' });
    await this.button('Register as patient').click();
    await this.waitForTransaction();
  }

  /** On the Patients page: give one doctor (by the name the patient reads) access to the patient's records. */
  async grantAccess(doctorName: string, duration: '1 day' | '7 days' | '30 days' | 'Until revoked'): Promise<void> {
    await this.page.getByLabel(`Access duration for ${doctorName}`).selectOption({ label: duration });
    await this.page.getByRole('button', { name: `Grant access to ${doctorName}` }).click();
    await this.waitForTransaction();
  }

  /**
   * Waits until a transaction other than the last one this page saw confirmed is confirmed (an earlier
   * "Confirmed" can still be on screen right after a click). Every transaction the page sends goes through the
   * shell's one status region, so every action that sends one waits here.
   */
  async waitForTransaction(): Promise<void> {
    const handle = await this.page.waitForFunction(
      (previous) => {
        const status = document.querySelector<HTMLElement>('[role="status"][data-phase]');
        const hash = status?.dataset['txHash'];
        return status?.dataset['phase'] === 'confirmed' && hash && hash !== previous ? hash : false;
      },
      this.lastConfirmedHash,
      { timeout: UI_TIMEOUT },
    );
    this.lastConfirmedHash = (await handle.jsonValue()) as string;
  }

  /** The hash of the last transaction waitForTransaction saw confirmed on this page. */
  private lastConfirmedHash: string | undefined;

  async waitForText(scope: Locator | Page, text: string | RegExp): Promise<void> {
    const root = 'getByText' in scope ? scope : this.page;
    await root.getByText(text).first().waitFor({ timeout: UI_TIMEOUT });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  // Appointments (patients): Find a doctor → Book → My appointments.

  /** On Find a doctor: open the booking page of the doctor the patient reads by name. */
  async openBooking(doctorName: string): Promise<void> {
    await this.page.getByRole('link', { name: `Book ${doctorName}`, exact: true }).click();
    await this.page.getByRole('heading', { name: 'Book an appointment' }).waitFor({ timeout: UI_TIMEOUT });
  }

  /** The free slots the booking (or reschedule) page offers, each as "Monday 7 December, 09:00–09:30". */
  async freeSlots(): Promise<string[]> {
    const slots = this.page.getByRole('radio');
    await slots.first().waitFor({ timeout: UI_TIMEOUT });
    return Promise.all((await slots.all()).map(async (slot) => (await slot.getAttribute('aria-label')) ?? ''));
  }

  /**
   * Books the first free slot (or the one named, as freeSlots() names it) with `reason`, pays the fee and waits
   * until the reason is saved; answers the new appointment's id and the slot booked.
   */
  async bookFreeSlot(reason: string, slotLabel?: string): Promise<{ id: string; slot: string }> {
    const slot = slotLabel ?? (await this.freeSlots())[0];
    await this.page.getByRole('radio', { name: slot, exact: true }).check();
    await this.page.getByLabel('Reason for the visit', { exact: true }).fill(reason);
    await this.button('Review booking').click();
    await this.page.getByRole('button', { name: /^Confirm and pay / }).click();
    await this.waitForTransaction();
    const booked = this.page.getByText(/^\s*Booked: appointment #\d+/);
    await booked.waitFor({ timeout: UI_TIMEOUT });
    const id = /#(\d+)/.exec((await booked.textContent()) ?? '')![1];
    return { id, slot };
  }

  async openMyAppointments(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Appointments', exact: true }).click();
    await this.page.getByRole('heading', { name: 'My appointments' }).waitFor({ timeout: UI_TIMEOUT });
  }

  /** My appointments: the row of appointment #id (in Upcoming or Past). */
  myAppointmentRow(id: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByText(`#${id}`, { exact: true }) });
  }

  /** Waits until the row of appointment #id shows `status` (e.g. "Accepted": live, without a reload). */
  async waitForAppointmentStatus(id: string, status: string): Promise<void> {
    await this.myAppointmentRow(id).getByText(status, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
  }

  async cancelAppointment(id: string): Promise<void> {
    await this.button(`Cancel appointment #${id}`).click();
    await this.waitForTransaction();
  }

  // The doctor's practice and queue, the admin's disputes (issue 9).

  /** Pages whose heading is their navigation label (the patient's "Appointments" is theirs alone too). */
  async goToPage(label: 'My practice' | 'Appointments' | 'Activity'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: label }).waitFor({ timeout: UI_TIMEOUT });
  }

  /** My practice: publish the fee (ETH) and slot length (minutes) on chain. */
  async setTerms(feeEth: string, slotMinutes: number): Promise<void> {
    await this.goToPage('My practice');
    const form = this.page.getByRole('form', { name: 'Fee and slot length' });
    await form.getByLabel('Fee (ETH)', { exact: true }).fill(feeEth);
    await form.getByLabel('Slot length (minutes)', { exact: true }).fill(String(slotMinutes));
    await this.button('Publish fee and slot length').click();
    await this.waitForTransaction();
  }

  /**
   * My practice: the doctor sets up document encryption (the injected wallet signs twice: the key derivation
   * and the published key), so patients can encrypt booking reasons and documents for them.
   */
  async setUpDocumentEncryption(): Promise<void> {
    await this.goToPage('My practice');
    const card = this.page.getByTestId('encryption-setup');
    await card.getByRole('button', { name: 'Set up document encryption' }).click();
    await card.getByText(/^\s*Set up: patients can share/).waitFor({ timeout: UI_TIMEOUT });
  }

  /** The doctor's queue: opens an appointment's encrypted reason (the wallet unlocks the key the first time). */
  async showReason(item: Locator): Promise<void> {
    const show = item.getByRole('button', { name: 'Show the reason' });
    if (await show.isVisible()) await show.click();
  }

  /** My practice: replace the consulting hours with `sessions` (weekday by name, times as HH:MM) in `timeZone`. */
  async saveHours(timeZone: string, sessions: { weekday: string; start: string; end: string }[]): Promise<void> {
    await this.goToPage('My practice');
    const form = this.page.getByRole('form', { name: 'Consulting hours' });
    await form.getByLabel('Time zone', { exact: true }).selectOption(timeZone);
    const remove = form.getByRole('button', { name: /^Remove session/ });
    while ((await remove.count()) > 0) await remove.first().click();
    for (const [index, session] of sessions.entries()) {
      await this.button('Add a session').click();
      await form.getByLabel(`Day of session ${index + 1}`, { exact: true }).selectOption({ label: session.weekday });
      await form.getByLabel(`Start of session ${index + 1}`, { exact: true }).fill(session.start);
      await form.getByLabel(`End of session ${index + 1}`, { exact: true }).fill(session.end);
    }
    await this.button('Save consulting hours').click();
    await this.waitForText(form, 'Consulting hours saved.');
  }

  /** The doctor's queue: one section ("Requested", "Upcoming", "Past, to close", "No-shows, fee held", "History"). */
  queueSection(title: string): Locator {
    // The heading carries a count ("Requested (2)"): a name given as a string matches a part of it.
    return this.page.getByRole('region', { name: title });
  }

  /** One appointment in a section of the queue, by what the doctor reads in it (patient's name, reason). */
  queueItem(section: string, text: string): Locator {
    return this.queueSection(section).getByRole('listitem').filter({ hasText: text });
  }

  /**
   * Waits until the appointment shows in `section`. The live stream brings new requests and decisions; a move
   * in time alone (evm_increaseTime, a mined block) sends no event, so the doctor presses Refresh meanwhile.
   */
  async waitForQueueItem(section: string, text: string): Promise<Locator> {
    const item = this.queueItem(section, text);
    const deadline = Date.now() + UI_TIMEOUT;
    while (!(await item.isVisible())) {
      if (Date.now() > deadline) throw new Error(`"${text}" did not appear in the queue's ${section}`);
      await item.waitFor({ timeout: 2_000 }).catch(() => this.button('Refresh').click());
    }
    return item;
  }

  async acceptRequest(text: string): Promise<void> {
    const item = await this.waitForQueueItem('Requested', text);
    await item.getByRole('button', { name: 'Accept', exact: true }).click();
    await this.waitForTransaction();
  }

  async rejectRequest(text: string, reason: string): Promise<void> {
    const item = await this.waitForQueueItem('Requested', text);
    await item.getByLabel(/^Reason if you reject/).fill(reason);
    await item.getByRole('button', { name: 'Reject', exact: true }).click();
    await this.waitForTransaction();
  }

  /** After the slot has begun on chain: the doctor completes the appointment (the fee becomes theirs). */
  async completeAppointment(text: string): Promise<void> {
    const item = await this.waitForQueueItem('Past, to close', text);
    await item.getByRole('button', { name: 'Complete', exact: true }).click();
    await this.waitForTransaction();
  }

  async markNoShow(text: string): Promise<void> {
    const item = await this.waitForQueueItem('Past, to close', text);
    await item.getByRole('button', { name: 'Mark no-show', exact: true }).click();
    await this.waitForTransaction();
  }

  /** After the dispute period has passed on chain: the doctor takes a no-show's held fee. */
  async claimNoShowFee(text: string): Promise<void> {
    const item = await this.waitForQueueItem('No-shows, fee held', text);
    await item.getByRole('button', { name: 'Claim the fee', exact: true }).click();
    await this.waitForTransaction();
  }

  /** The payments panel (doctor's queue or patient's appointments): what is ready to withdraw, e.g. "0.01 ETH". */
  async pendingBalance(): Promise<string> {
    const balance = this.page.getByTestId('pending-balance');
    await balance.waitFor({ timeout: UI_TIMEOUT });
    return (await balance.textContent())?.trim() ?? '';
  }

  /** Withdraws everything released to the signed-in account (fees earned, refunds). */
  async withdraw(): Promise<void> {
    await this.page.getByRole('region', { name: 'Payments' }).getByRole('button', { name: 'Withdraw' }).click();
    await this.waitForTransaction();
  }

  /** Admin: settle the disputed no-show whose row reads `rowText`. */
  async settleDispute(rowText: string, outcome: 'Refund the patient' | 'Pay the doctor'): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Disputes' })
      .getByRole('row')
      .filter({ hasText: rowText })
      .getByRole('button', { name: outcome, exact: true })
      .click();
    await this.waitForTransaction();
  }
}
