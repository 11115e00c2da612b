/**
 * <cw-chart>: Apache ECharts wrapped as a Lit element (the TypeScript half of Clearway's chart add-on).
 * Java sets `option` (a complete ECharts option as JSON), `table` (the accessible data-table fallback),
 * `label`, `theme`, `locale` and `showTable`; clicks come back as the `cw-chart-click` event.
 * The host gets the `rendered` attribute whenever ECharts has finished drawing the current option.
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, SankeyChart, TreemapChart, GaugeChart } from 'echarts/charts';
import {
  TitleComponent, TooltipComponent, LegendComponent, GridComponent, DatasetComponent, AriaComponent, ToolboxComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, PieChart, SankeyChart, TreemapChart, GaugeChart,
  TitleComponent, TooltipComponent, LegendComponent, GridComponent, DatasetComponent, AriaComponent, ToolboxComponent,
  CanvasRenderer, // canvas (not SVG), so getDataURL gives a PNG
]);

export interface ChartTable { caption: string; columns: string[]; rows: (string | number | null)[][] }

export interface ChartClickDetail {
  seriesName: string | null; seriesIndex: number | null; name: string | null; dataIndex: number | null;
  value: number | string | null; id: string | null;
}

/** The fields of an ECharts click event (or of a data item, for clickData) that the event detail is built from. */
interface ClickSource {
  seriesName?: string; seriesIndex?: number; name?: string | null; dataIndex?: number; data?: unknown; value?: unknown;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);

const PALETTE = ['#1f5fa8', '#e4572e', '#4c9a6a', '#f0ad4e', '#7b5ea7', '#17a2b8', '#9e9e9e', '#c2185b'];

/** A data value as the event reports it: arrays give their last element, `{ value }` objects their value. */
function scalar(v: unknown): number | string | null {
  if (Array.isArray(v)) return scalar(v[v.length - 1]);
  if (isRec(v) && 'value' in v) return scalar(v.value);
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

/** Leaves of a treemap data tree. */
function countLeaves(items: unknown): number {
  return asArray(items).reduce<number>((n, it) =>
    n + (isRec(it) && Array.isArray(it.children) && it.children.length ? countLeaves(it.children) : 1), 0);
}

@customElement('cw-chart')
export class CwChart extends LitElement {
  static styles = css`
    :host { display: block; position: relative; width: 100%; height: 320px; }
    :host([hidden]) { display: none; }
    .frame { display: flex; flex-direction: column; width: 100%; height: 100%; }
    #chart { position: relative; width: 100%; height: 100%; flex: 1 1 auto; min-height: 0; }
    #ec { position: absolute; inset: 0; }
    .visually-hidden {
      position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
      overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
    }
    .table-wrap.shown { flex: 0 0 auto; max-height: 50%; overflow: auto; margin-top: 0.5em; }
    table { border-collapse: collapse; font-size: 0.875em; }
    caption { text-align: start; font-weight: 600; padding-bottom: 0.25em; }
    th, td { border: 1px solid #c8c8c8; padding: 0.2em 0.5em; text-align: start; }
    td.num { text-align: end; font-variant-numeric: tabular-nums; }
  `;

  /** A complete ECharts option; replaces the previous one (notMerge). */
  @property({ attribute: false }) option: object | null = null;
  /** Accessible data table (hidden visually unless showTable). */
  @property({ attribute: false }) table: ChartTable | null = null;
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;
  /** Accessible name of the chart. */
  @property() label = '';
  @property() theme: 'light' | 'dark' = 'light';
  /** BCP 47 tag used to format numbers in tooltips and the table ('' = browser default). */
  @property() locale = '';

  private chart?: echarts.ECharts;
  private chartTheme?: string;
  private applied?: { option: object | null; locale: string };
  private resizeObserver?: ResizeObserver;

  render() {
    const t = this.table;
    const name = this.label || t?.caption || '';
    // role="img" + our label on #chart; ECharts writes its own generated aria-label on the inner #ec,
    // which (with the table) becomes the description.
    return html`<div class="frame">
      <div id="chart" role=${name ? 'img' : nothing} aria-label=${name || nothing}
        aria-describedby=${name ? (t ? 'ec table' : 'ec') : nothing}><div id="ec"></div></div>
      ${t ? html`<div class="table-wrap ${this.showTable ? 'shown' : 'visually-hidden'}"
          role=${this.showTable ? 'region' : nothing} aria-label=${this.showTable ? t.caption : nothing}
          tabindex=${this.showTable ? '0' : nothing}>
        <table id="table">
          <caption>${t.caption}</caption>
          <thead><tr>${t.columns.map(c => html`<th scope="col">${c}</th>`)}</tr></thead>
          <tbody>${t.rows.map(r => html`<tr>${r.map(c => typeof c === 'number'
            ? html`<td class="num">${this.formatNumber(c)}</td>` : html`<td>${c ?? ''}</td>`)}</tr>`)}</tbody>
        </table></div>` : nothing}
    </div>`;
  }

  protected firstUpdated(): void {
    this.initChart();
  }

  protected updated(): void {
    if (!this.chart) return;
    if (this.chartTheme !== this.theme) this.initChart(); // ECharts themes apply at init only
    else if (this.applied?.option !== this.option || this.applied?.locale !== this.locale) this.applyOption();
  }

  connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) this.initChart(); // re-attached after a disconnect
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.disposeChart();
  }

  /** Downloads the chart as a PNG (2x, white background). */
  saveAsImage(filename = 'chart.png'): void {
    if (!this.chart) return;
    const a = document.createElement('a');
    a.href = this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    a.download = filename;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  /** The option as ECharts holds it (normalised), or null before init. For tests. */
  getOption(): object | null {
    return this.chart ? this.chart.getOption() : null;
  }

  /** Data items across all series of the rendered option (treemap: leaves; sankey: nodes; dataset: rows). */
  seriesDataCount(): number {
    const opt: Rec = this.chart ? (this.chart.getOption() as Rec) : {};
    return asArray(opt.series).reduce<number>((n, s) => {
      if (!isRec(s)) return n;
      if (s.type === 'treemap') return n + countLeaves(s.data);
      const data = s.data ?? (s.type === 'sankey' ? s.nodes : undefined);
      if (Array.isArray(data)) return n + data.length;
      // No inline data: the series reads a dataset (its source rows, less a header row of strings).
      const ds = asArray(opt.dataset)[typeof s.datasetIndex === 'number' ? s.datasetIndex : 0];
      const src = isRec(ds) ? ds.source : undefined;
      if (Array.isArray(src)) {
        const header = !(isRec(ds) && ds.dimensions) && Array.isArray(src[0]) && src[0].every(c => typeof c === 'string');
        return n + src.length - (header ? 1 : 0);
      }
      if (isRec(src)) return n + asArray(Object.values(src)[0]).length; // column-oriented source
      return n;
    }, 0);
  }

  /**
   * For tests: fires `cw-chart-click` as a real click on data item `dataIndex` of series `seriesIndex` would.
   * Returns false (and fires nothing) when there is no such series.
   */
  clickData(seriesIndex: number, dataIndex: number): boolean {
    const opt: Rec = this.chart ? (this.chart.getOption() as Rec) : {};
    const s = asArray(opt.series)[seriesIndex];
    if (!isRec(s)) return false;
    const item = asArray(s.data)[dataIndex];
    // Cartesian series take their item name from a category axis with data, as ECharts does.
    let name: string | null = null;
    if (s.type === 'bar' || s.type === 'line') {
      for (const axis of ['xAxis', 'yAxis'] as const) {
        const idx = s[`${axis}Index`];
        const ax = asArray(opt[axis])[typeof idx === 'number' ? idx : 0];
        if (isRec(ax) && ax.type === 'category' && Array.isArray(ax.data)) {
          const cat = ax.data[dataIndex];
          name = cat == null ? null : String(isRec(cat) ? cat.value : cat);
          break;
        }
      }
    }
    if (name === null && isRec(item) && item.name != null) name = String(item.name);
    this.emitClick({
      seriesName: typeof s.name === 'string' ? s.name : undefined, seriesIndex, name, dataIndex,
      data: item, value: isRec(item) && 'value' in item ? item.value : item,
    });
    return true;
  }

  private emitClick(p: ClickSource): void {
    const detail: ChartClickDetail = {
      seriesName: p.seriesName ?? null, seriesIndex: p.seriesIndex ?? null, name: p.name ?? null,
      dataIndex: p.dataIndex ?? null, value: scalar(p.value),
      id: isRec(p.data) && 'id' in p.data ? String(p.data.id) : null,
    };
    this.dispatchEvent(new CustomEvent<ChartClickDetail>('cw-chart-click', { detail, bubbles: true, composed: true }));
  }

  private initChart(): void {
    this.disposeChart();
    const el = this.renderRoot.querySelector<HTMLDivElement>('#ec');
    const box = this.renderRoot.querySelector<HTMLDivElement>('#chart');
    if (!el || !box) return;
    this.chartTheme = this.theme;
    // 'dark' is built into ECharts; anything else is the default (light) look.
    const chart = echarts.init(el, this.theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    this.chart = chart;
    chart.on('click', p => this.emitClick(p));
    chart.on('finished', () => this.setAttribute('rendered', ''));
    // #chart follows the host's size (and shrinks when the table is shown below it).
    this.resizeObserver = new ResizeObserver(() => chart.resize());
    this.resizeObserver.observe(box);
    this.applyOption();
  }

  private disposeChart(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.chart?.dispose();
    this.chart = undefined;
    this.applied = undefined;
    this.removeAttribute('rendered');
  }

  private applyOption(): void {
    if (!this.chart) return;
    this.applied = { option: this.option, locale: this.locale };
    this.removeAttribute('rendered');
    if (!this.option) {
      this.chart.clear();
      return;
    }
    try {
      this.chart.setOption(this.withDefaults(this.option as Rec), { notMerge: true });
    } catch (e) {
      console.error('cw-chart: invalid ECharts option', e);
    }
  }

  /** A shallow copy of the option with Clearway's defaults (aria, animation, palette, font, number format). */
  private withDefaults(option: Rec): Rec {
    const o: Rec = { ...option };
    if (!('aria' in o)) o.aria = { enabled: true };
    if (!('animation' in o) && !('animationDuration' in o)) o.animationDuration = 300;
    if (!('color' in o)) o.color = PALETTE;
    const textStyle = isRec(o.textStyle) ? o.textStyle : {};
    if (!textStyle.fontFamily) o.textStyle = { ...textStyle, fontFamily: getComputedStyle(this).fontFamily || 'sans-serif' };
    if (isRec(o.tooltip) && !o.tooltip.valueFormatter) {
      const fmt = (v: unknown): string => (typeof v === 'number' ? this.formatNumber(v) : String(v ?? '-'));
      o.tooltip = { ...o.tooltip, valueFormatter: (v: unknown) => (Array.isArray(v) ? v.map(fmt).join(', ') : fmt(v)) };
    }
    return o;
  }

  /** toLocaleString in `locale`, tolerating Java-style tags ('fr_FR') and unknown ones. */
  private formatNumber(n: number): string {
    try {
      return n.toLocaleString(this.locale ? this.locale.replace(/_/g, '-') : undefined);
    } catch {
      return n.toLocaleString();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'cw-chart': CwChart }
}
