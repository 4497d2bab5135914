import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type OnDestroy,
  type OnInit,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { AppointmentStats } from '@api';
import { LISTED_APPOINTMENT_STATUSES } from '@api/chain-values';
import { AppointmentsApi } from '../appointments/appointments-api';
import { errorText } from '../shared/error-text';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

type ListedStatus = (typeof LISTED_APPOINTMENT_STATUSES)[number];

/** How each status reads, and its colour in the doughnut (dark enough for white borders, told apart by label too). */
const STATUS_LOOK: Record<ListedStatus, { label: string; colour: string }> = {
  requested: { label: 'Requested', colour: '#1d4ed8' },
  accepted: { label: 'Accepted', colour: '#0f766e' },
  rejected: { label: 'Rejected', colour: '#9f1239' },
  cancelled: { label: 'Cancelled', colour: '#64748b' },
  completed: { label: 'Completed', colour: '#166534' },
  'no-show': { label: 'No-show', colour: '#c2410c' },
  disputed: { label: 'Disputed', colour: '#b91c1c' },
  expired: { label: 'Expired', colour: '#a16207' },
  refunded: { label: 'Refunded', colour: '#7c3aed' },
};

/**
 * The admin dashboard's appointment charts: appointments requested per day over the last 30 days (by block
 * time) and every appointment by its status now, from the appointments read model. Each chart has its
 * numbers as text beside it (a table for the days) for screen readers and printing.
 */
@Component({
  selector: 'ehr-appointment-charts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './appointment-charts.html',
  styleUrl: './charts.css',
})
export class AppointmentCharts implements OnInit, OnDestroy {
  private readonly api = inject(AppointmentsApi);
  private readonly charts: Chart[] = [];
  private readonly perDayCanvas = viewChild<ElementRef<HTMLCanvasElement>>('perDay');
  private readonly byStatusCanvas = viewChild<ElementRef<HTMLCanvasElement>>('byStatus');

  protected readonly stats = signal<AppointmentStats | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly statuses = computed(() => {
    const stats = this.stats();
    return LISTED_APPOINTMENT_STATUSES.map((status) => ({
      status,
      label: STATUS_LOOK[status].label,
      count: stats?.byStatus[status] ?? 0,
    }));
  });

  constructor() {
    // Chart.js draws on canvases outside Angular's templates: redraw whenever the numbers change.
    effect(() => {
      const stats = this.stats();
      const perDay = this.perDayCanvas()?.nativeElement;
      const byStatus = this.byStatusCanvas()?.nativeElement;
      if (stats && perDay && byStatus) this.draw(stats, perDay, byStatus);
    });
  }

  ngOnInit(): void {
    void this.load();
  }

  ngOnDestroy(): void {
    this.destroyCharts();
  }

  /** `27 Nov` for the UTC day `2026-11-27` (the days are UTC days of block time). */
  protected dayLabel(day: string): string {
    return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
  }

  private async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.stats.set(await this.api.stats());
    } catch (error) {
      this.loadError.set(errorText(error));
    }
  }

  private draw(stats: AppointmentStats, perDay: HTMLCanvasElement, byStatus: HTMLCanvasElement): void {
    this.destroyCharts();
    const statuses = this.statuses();
    const configs: [HTMLCanvasElement, ChartConfiguration][] = [
      [
        perDay,
        {
          type: 'bar',
          data: {
            labels: stats.perDay.map((day) => this.dayLabel(day.day)),
            datasets: [
              { label: 'Appointments', data: stats.perDay.map((day) => day.count), backgroundColor: '#1d4ed8' },
            ],
          },
          options: {
            animation: false,
            plugins: { legend: { display: false } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          },
        },
      ],
      [
        byStatus,
        {
          type: 'doughnut',
          data: {
            labels: statuses.map((entry) => entry.label),
            datasets: [
              {
                data: statuses.map((entry) => entry.count),
                backgroundColor: statuses.map((entry) => STATUS_LOOK[entry.status].colour),
              },
            ],
          },
          options: { animation: false, plugins: { legend: { position: 'bottom' } } },
        },
      ],
    ];
    for (const [canvas, config] of configs) {
      // A canvas without a 2D context (a test DOM, a browser without canvas) keeps the text figures only.
      if (canvas.getContext('2d')) this.charts.push(new Chart(canvas, config));
    }
  }

  private destroyCharts(): void {
    for (const chart of this.charts.splice(0)) chart.destroy();
  }
}
