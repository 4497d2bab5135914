/**
 * The patient's My data page: one section per panel of MY_DATA_PANELS, each panel's code loaded when the
 * page opens (the panels own their API and chain calls; this page only lays them out).
 */
import { ChangeDetectionStrategy, Component, signal, type Type } from '@angular/core';
import { NgComponentOutlet } from '@angular/common';
import { MY_DATA_PANELS } from './my-data-panels';

interface LoadedPanel {
  title: string;
  id: string;
  component: Type<unknown> | null;
  /** How many times the page opened this panel: part of its identity, so reopening creates it anew. */
  opening: number;
}

@Component({
  selector: 'ehr-my-data',
  imports: [NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The event named MY_DATA_CHANGED (a host binding's key must be a literal for the compiler).
  host: { '(ehr-my-data-changed)': 'reopenPanels()' },
  template: `
    <h1>My data</h1>
    <p class="lead">
      Your record is yours: take it to another provider, share it for research, decide who may open it in an emergency,
      or erase it.
    </p>
    @for (panel of panels(); track panel.id + '@' + panel.opening) {
      <section class="my-data-panel" [id]="panel.id" [attr.aria-labelledby]="panel.id + '-title'">
        <h2 [id]="panel.id + '-title'">{{ panel.title }}</h2>
        @if (panel.component; as component) {
          <ng-container *ngComponentOutlet="component" />
        } @else {
          <p>Loading…</p>
        }
      </section>
    }
  `,
  styles: `
    .my-data-panel {
      margin-block: 1.5rem;
      padding: 1rem 1.25rem;
      border: 1px solid var(--border, #d0d7de);
      border-radius: 8px;
    }
    .lead {
      max-width: 60ch;
    }
  `,
})
export class MyData {
  protected readonly panels = signal<LoadedPanel[]>(
    MY_DATA_PANELS.map(({ title, id }) => ({ title, id, component: null, opening: 0 })),
  );

  /** A panel said the data changed: every panel is created anew and reads its state again. */
  protected reopenPanels(): void {
    this.panels.update((panels) => panels.map((panel) => ({ ...panel, opening: panel.opening + 1 })));
  }

  constructor() {
    MY_DATA_PANELS.forEach((panel, index) => {
      void panel
        .load()
        .then((component) =>
          this.panels.update((loaded) => loaded.map((entry, at) => (at === index ? { ...entry, component } : entry))),
        );
    });
  }
}
