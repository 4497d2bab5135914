import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { eventually } from '../../testing/eventually';
import { TransactionRunner, type TransactionProgress } from '../chain/transaction-runner';
import { AppointmentsContract } from './appointments-contract';
import { PaymentsPanel } from './payments-panel';

const account = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('PaymentsPanel', () => {
  test('When a transaction elsewhere on the page is confirmed (e.g. the doctor completes an appointment), then the balance is read again from the chain', async () => {
    const status = signal<TransactionProgress>({ phase: 'idle', message: '' });
    const balances = [0n, 50_000_000_000_000_000n];
    let reads = 0;
    const pendingWithdrawal = jest.fn((_account: string) => Promise.resolve(balances[Math.min(reads++, 1)]));
    TestBed.configureTestingModule({
      providers: [
        { provide: AppointmentsContract, useValue: { pendingWithdrawal, withdraw: jest.fn() } },
        { provide: TransactionRunner, useValue: { status, busy: signal(false) } },
      ],
    });
    const fixture = TestBed.createComponent(PaymentsPanel);
    fixture.componentRef.setInput('account', account);
    fixture.detectChanges();
    const shown = () =>
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="pending-balance"]')?.textContent;
    await eventually(() => {
      fixture.detectChanges();
      return shown() === '0.0 ETH';
    });
    expect((fixture.nativeElement as HTMLElement).querySelector('button')!.disabled).toBe(true);

    status.set({ phase: 'confirmed', message: 'Confirmed', hash: `0x${'1'.repeat(64)}` });
    await eventually(() => {
      fixture.detectChanges();
      return shown() === '0.05 ETH';
    });
    expect(pendingWithdrawal).toHaveBeenLastCalledWith(account);
    expect((fixture.nativeElement as HTMLElement).querySelector('button')!.disabled).toBe(false);
  });
});
