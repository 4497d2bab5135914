import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type OnDestroy,
  type OnInit,
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
import type { StatsBucket, TransactionStats } from '@api';
import { errorText } from '../shared/error-text';
import { TransactionsApi, shortEth } from '../transactions/transactions-api';

// Only what these charts draw: chart.js tree-shakes the rest (this file is in the admin dashboard's lazy chunk).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

const STATUS_COLOURS = { pending: '#1d4ed8', mined: '#166534', reverted: '#b91c1c' };
const ROLE_COLOURS = { admin: '#7c3aed', doctor: '#0f766e', patient: '#c2410c', unregistered: '#64748b' };

/**
 * The admin dashboard's charts (the paper's figs. 22–23) and its Table 4 computed live: transactions
 * per hour or day, submission-to-mined latency, and counts by status and by the sender's role.
 * Every chart has its numbers in text beside it for screen readers and printing.
 */
@Component({
  selector: 'ehr-transaction-charts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './transaction-charts.html',
  styleUrl: './charts.css',
})
export class TransactionCharts implements OnInit, OnDestroy {
  private readonly api = inject(TransactionsApi);
  private readonly charts: Chart[] = [];
  private readonly timeline = viewChild<ElementRef<HTMLCanvasElement>>('timeline');
  private readonly byStatus = viewChild<ElementRef<HTMLCanvasElement>>('byStatus');
  private readonly byRole = viewChild<ElementRef<HTMLCanvasElement>>('byRole');

  protected readonly bucket = signal<StatsBucket>('hour');
  protected readonly stats = signal<TransactionStats | null>(null);
  protected readonly loadError = signal<string | null>(null);

  constructor() {
    // Chart.js draws on canvases outside Angular's templates: redraw whenever the numbers change.
    effect(() => {
      const stats = this.stats();
      const canvases = [this.timeline(), this.byStatus(), this.byRole()];
      if (!stats || canvases.some((canvas) => !canvas)) return;
      this.draw(
        stats,
        canvases.map((canvas) => canvas!.nativeElement),
      );
    });
  }

  ngOnInit(): void {
    void this.load();
  }

  ngOnDestroy(): void {
    this.destroyCharts();
  }

  protected async showBy(bucket: StatsBucket): Promise<void> {
    this.bucket.set(bucket);
    await this.load();
  }

  protected readonly eth = shortEth;

  protected milliseconds(value: number | null): string {
    if (value === null) return '—';
    return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
  }

  protected bucketLabel(start: string): string {
    const date = new Date(start);
    return this.bucket() === 'hour'
      ? date.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
      : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  }

  private async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.stats.set(await this.api.stats(this.bucket()));
    } catch (error) {
      this.loadError.set(errorText(error));
    }
  }

  private draw(stats: TransactionStats, [timeline, byStatus, byRole]: HTMLCanvasElement[]): void {
    this.destroyCharts();
    const configs: [HTMLCanvasElement, ChartConfiguration][] = [
      [
        timeline,
        {
          type: 'bar',
          data: {
            labels: stats.perBucket.map((bucket) => this.bucketLabel(bucket.start)),
            datasets: [
              {
                label: 'Transactions',
                data: stats.perBucket.map((bucket) => bucket.count),
                backgroundColor: '#0f766e',
              },
            ],
          },
          options: {
            animation: false,
            plugins: { legend: { display: false } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          },
        },
      ],
      [byStatus, doughnut(stats.byStatus, STATUS_COLOURS)],
      [byRole, doughnut(stats.byRole, ROLE_COLOURS)],
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

function doughnut(counts: Record<string, number>, colours: Record<string, string>): ChartConfiguration {
  const keys = Object.keys(counts);
  return {
    type: 'doughnut',
    data: {
      labels: keys,
      datasets: [{ data: keys.map((key) => counts[key]), backgroundColor: keys.map((key) => colours[key]) }],
    },
    options: { animation: false, plugins: { legend: { position: 'bottom' } } },
  };
}
