import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { Session } from '../auth/session';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { AdminRegistry } from './admin-registry';
import { AdminsApi } from './admins-api';

/**
 * The admins, read from the Registry, and adding or removing one through the admin's own wallet.
 * The contract never lets the last admin go (RegistryLastAdmin); the screen says so before anyone tries.
 */
@Component({
  selector: 'ehr-admin-management',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './admin-management.html',
  styleUrl: './admin-management.css',
})
export class AdminManagement implements OnInit {
  private readonly adminsApi = inject(AdminsApi);
  private readonly registry = inject(AdminRegistry);
  private readonly session = inject(Session);
  protected readonly busy = inject(TransactionRunner).busy;

  protected readonly admins = signal<string[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly lastAdmin = computed(() => this.admins().length === 1);

  protected readonly addForm = inject(NonNullableFormBuilder).group({
    account: [
      '',
      [(control: AbstractControl) => Validators.required(control), Validators.pattern(/^\s*0x[0-9a-fA-F]{40}\s*$/)],
    ],
  });

  ngOnInit(): void {
    void this.load();
  }

  protected isYou(address: string): boolean {
    return address.toLowerCase() === this.session.account()?.address.toLowerCase();
  }

  protected showAddError(): boolean {
    const field = this.addForm.controls.account;
    return field.invalid && field.touched;
  }

  protected async add(): Promise<void> {
    if (this.addForm.invalid) {
      this.addForm.markAllAsTouched();
      return;
    }
    if (await this.registry.add(this.addForm.getRawValue().account.trim())) {
      this.addForm.reset();
      await this.load();
    }
  }

  protected async remove(address: string): Promise<void> {
    if (this.lastAdmin()) return;
    if (!(await this.registry.remove(address))) return;
    // Removing oneself ends one's admin rights at once: the session's roles come from the chain.
    if (this.isYou(address)) await this.session.refresh();
    await this.load();
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.admins.set((await this.adminsApi.list()).admins);
    } catch (error) {
      this.loadError.set(`The admins could not be loaded: ${errorText(error)}`);
    } finally {
      this.loading.set(false);
    }
  }
}
