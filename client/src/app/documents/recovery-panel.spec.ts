import { TestBed } from '@angular/core/testing';
import { eventually } from '../../testing/eventually';
import { DocumentRecoveryKey } from './document-recovery-key';
import { RecoveryPanel } from './recovery-panel';

const patient = '0x00000000000000000000000000000000000000aa';

describe('RecoveryPanel (My records)', () => {
  function render(recovery: Partial<DocumentRecoveryKey>): HTMLElement {
    TestBed.configureTestingModule({
      imports: [RecoveryPanel],
      providers: [{ provide: DocumentRecoveryKey, useValue: recovery }],
    });
    const fixture = TestBed.createComponent(RecoveryPanel);
    fixture.componentRef.setInput('patient', patient);
    fixture.autoDetectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('When no recovery code is registered, then it warns that losing the wallet loses the documents', async () => {
    const panel = render({ publicKey: () => Promise.resolve(null) });
    await eventually(() => panel.textContent.includes('If you lose this wallet, your documents are lost'));
    expect(panel.querySelector('button')!.textContent).toContain('Create a recovery code');
  });

  it('When notes were added after the code, then it says how many the code could not restore and wraps them on request', async () => {
    let missing = 2;
    const wrapMissing = jest.fn(() => {
      missing = 0;
      return Promise.resolve(2);
    });
    const panel = render({
      publicKey: (address?: string | null) => Promise.resolve(address === patient ? new Uint8Array(32) : null),
      missingWraps: () => Promise.resolve(missing),
      wrapMissing,
    });

    const warning = await eventually(() => panel.querySelector('[data-testid="recovery-missing"]'));
    expect(warning.textContent).toMatch(/2 documents are not yet wrapped for your\s+recovery code/);
    panel.querySelector<HTMLButtonElement>('button')!.click();

    await eventually(() => panel.textContent.includes('every document key is also wrapped to it'));
    expect(wrapMissing).toHaveBeenCalledWith(patient);
  });
});
