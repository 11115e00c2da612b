/**
 * <cw-map>: OpenLayers map showing the app's Mapbox Vector Tiles ({tileBase}/{layer}/{z}/{x}/{y}.mvt).
 * All state (layers, filters, selection, view) comes in as properties set from Java; the map talks
 * back through the `cw-map-click` and `cw-map-moveend` events. Geometry is only ever loaded as tiles.
 */
import { LitElement, html, css, unsafeCSS, render, nothing, type PropertyValues, type CSSResultGroup } from 'lit';
import { customElement, property } from 'lit/decorators.js';
// @ts-ignore -- Vite `?inline` import: the CSS file as a string.
import olCss from 'ol/ol.css?inline';
import OlMap from 'ol/Map.js'; // renamed: must not shadow the global Map
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import MVT from 'ol/format/MVT.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Draw from 'ol/interaction/Draw.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { Style, Fill, Stroke, Circle as CircleStyle, Text } from 'ol/style.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { Pixel } from 'ol/pixel.js';
import type { Coordinate } from 'ol/coordinate.js';

export interface StyleSpec {
  kind: 'fill' | 'line' | 'point';
  fill?: string; stroke?: string; strokeWidth?: number; radius?: number;
  by?: string; colors?: Record<string, string>; // colour by attribute value (exact String() match)
  classes?: { attribute: string; breaks: number[]; colors: string[] }; // colors[i] for value < breaks[i]
  label?: string; clusterCountAttribute?: string;
}

export interface LayerSpec {
  id: string; visible: boolean; opacity?: number; zIndex?: number;
  minZoom?: number; maxZoom?: number; // both inclusive
  query?: Record<string, string>; style: StyleSpec; clickable?: boolean;
}

export interface MapSelection { layer: string; ids: (string | number)[] }

export interface MapClickDetail {
  layer: string | null; id: string | number | null; properties: Record<string, unknown>; lon: number; lat: number;
}

/** One OL layer per LayerSpec, plus a style cache that is reset whenever the spec's style changes. */
interface Entry {
  spec: LayerSpec; layer: VectorTileLayer; source: VectorTileSource;
  url: string; styleKey: string; cache: Map<string, Style>;
}

const DEFAULT_ATTRIBUTION = 'Boundaries: Natural Earth (public domain); synthetic demo admin-1 areas';
const HIGHLIGHT = '#d35400';
const LABEL_MIN_ZOOM = 4;
// NO_DECLUTTER: OL 10 VectorTile hit detection skips point symbols of non-decluttered layers unless
// their style says declutterMode 'none' (declutter is off anyway), so all image styles set it.

/** A feature's id: an `id` attribute, else the MVT feature id (ST_AsMVT's feature_id_name). */
function featureId(f: FeatureLike): string | number | null {
  return (f.get('id') ?? f.getId() ?? null) as string | number | null;
}

@customElement('cw-map')
export class CwMap extends LitElement {
  static styles = [
    // Vaadin's Vite setup types `?inline` CSS as a CSSResultGroup; plain Vite gives a string: accept both.
    (typeof (olCss as unknown) === 'string' ? unsafeCSS(olCss as unknown as string) : (olCss as unknown as CSSResultGroup)),
    css`
      :host { display: block; position: relative; width: 100%; height: 100%; min-height: 300px; }
      /* OL lays out canvases and overlays for LTR; the popup gets the page's direction back (openPopup). */
      #map { position: absolute; inset: 0; direction: ltr; }
      #map:focus-visible { outline: 2px solid #1a73e8; outline-offset: -2px; }
      .popup {
        position: relative; min-inline-size: 12rem; max-inline-size: 20rem;
        background: #fff; color: #222; border: 1px solid #999; border-radius: 6px;
        box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); padding-block: 0.5rem; padding-inline: 0.75rem 2rem;
        font: 13px/1.4 system-ui, sans-serif; text-align: start;
      }
      .popup[hidden] { display: none; }
      .popup h2 { font-size: 14px; margin-block: 0 0.25rem; margin-inline: 0; }
      .popup dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.5rem; margin: 0; }
      .popup dt { font-weight: 600; }
      .popup dd { margin-inline: 0; overflow-wrap: anywhere; }
      .popup a { display: inline-block; margin-block-start: 0.4rem; }
      .popup .close { position: absolute; inset-block-start: 0.25rem; inset-inline-end: 0.25rem; border: none;
        background: none; font-size: 16px; line-height: 1; cursor: pointer; padding-inline: 0.25rem; }
      .popup::after { /* arrow pointing at the clicked location */ content: ''; position: absolute;
        inset-block-start: 100%; inset-inline-start: calc(50% - 8px); border: 8px solid transparent; border-block-start-color: #fff; }
    `,
  ];

  @property({ attribute: 'tile-base' }) tileBase = '/tiles';
  @property({ attribute: false }) layers: LayerSpec[] = [];
  @property({ attribute: false }) center: [number, number] = [30, 20];
  @property({ type: Number }) zoom = 3;
  @property({ attribute: false }) selection: MapSelection | null = null;
  @property({ attribute: false }) xyzUrl: string | null = null;
  @property({ attribute: false }) labels: Record<string, string> = {};
  @property({ attribute: false }) detailUrls: Record<string, string> = {};
  @property({ attribute: false }) popupFields: Record<string, string[]> = {};
  @property({ type: Number }) version = 0;
  @property() attribution = DEFAULT_ATTRIBUTION;
  /** Whether a click opens the feature's popup (off where clicks pick features instead). */
  @property({ type: Boolean }) popups = true;
  /** Lets the user draw one polygon; each finished polygon replaces the last and fires `cw-map-draw`. */
  @property({ type: Boolean, attribute: 'draw-enabled' }) drawEnabled = false;
  /** A user's own polygon (GeoJSON geometry in lon/lat) shown above the tiles: the one being entered, not a data layer. */
  @property({ attribute: false }) drawn: object | null = null;

  private map?: OlMap;
  private entries = new Map<string, Entry>();
  private xyzLayer?: TileLayer<XYZ>;
  private overlay?: Overlay;
  private popupEl?: HTMLElement;
  private selected = new Set<string>();
  private loading = 0;
  private resizeObserver = new ResizeObserver(() => this.map?.updateSize());
  private drawSource = new VectorSource();
  private pendingExtent?: [number, number, number, number];
  private draw?: Draw;
  private geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

  render() {
    return html`<div id="map" tabindex="0" role="region" aria-label=${this.labels['map'] ?? 'Map'}
      @keydown=${this.onMapKey}></div>`;
  }

  connectedCallback() { super.connectedCallback(); this.resizeObserver.observe(this); }
  disconnectedCallback() { this.resizeObserver.disconnect(); super.disconnectedCallback(); }

  protected firstUpdated() {
    const target = this.renderRoot.querySelector<HTMLElement>('#map')!;
    // Popup element is created imperatively: OL moves it into its overlay container.
    const popup = (this.popupEl = Object.assign(document.createElement('div'), { className: 'popup', hidden: true, tabIndex: -1 }));
    popup.setAttribute('role', 'dialog');
    popup.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.closePopup(true); });
    this.overlay = new Overlay({
      element: popup, positioning: 'bottom-center', offset: [0, -12],
      autoPan: { animation: { duration: 200 }, margin: 20 },
    });
    this.map = new OlMap({
      target, keyboardEventTarget: target,
      controls: defaultControls({ rotate: false }).extend([new ScaleLine({ units: 'metric' })]),
      overlays: [this.overlay],
      view: new View({ center: fromLonLat(this.center), zoom: this.zoom }),
    });
    this.map.addLayer(new VectorLayer({
      source: this.drawSource, zIndex: 1000,
      style: new Style({ fill: new Fill({ color: 'rgba(211,84,0,0.2)' }), stroke: new Stroke({ color: HIGHLIGHT, width: 2.5 }) }),
    }));
    if (this.pendingExtent) { const e = this.pendingExtent; this.pendingExtent = undefined; this.fitExtent(e); }
    this.map.on('singleclick', (e) => { if (!this.drawEnabled) this.handleClick(e.pixel, e.coordinate); });
    this.map.on('moveend', () => this.onMoveEnd());
    // A complete render means no tile is loading any more (also resets the counter if tiles were aborted).
    this.map.on('rendercomplete', () => { this.loading = 0; this.toggleAttribute('tiles-loaded', true); });
  }

  protected updated(changed: PropertyValues<this>) {
    if (!this.map) return;
    if (changed.has('layers') || changed.has('tileBase') || changed.has('version') || changed.has('attribution')) {
      this.syncLayers();
    }
    if (changed.has('xyzUrl') || changed.has('attribution')) this.syncXyz();
    if (changed.has('selection')) {
      const old = changed.get('selection') as MapSelection | null | undefined;
      this.selected = new Set((this.selection?.ids ?? []).map(String));
      for (const id of new Set([old?.layer, this.selection?.layer])) {
        if (id) this.entries.get(id)?.layer.changed();
      }
    }
    if (changed.has('center') || changed.has('zoom')) this.syncView();
    if (changed.has('drawn')) this.syncDrawn();
    if (changed.has('drawEnabled')) this.syncDraw();
  }

  // ---------------------------------------------------------------- drawing

  private syncDrawn() {
    this.drawSource.clear();
    if (this.drawn) this.drawSource.addFeature(this.geojson.readFeature({ type: 'Feature', geometry: this.drawn, properties: {} }) as any);
  }

  private syncDraw() {
    if (this.draw) { this.map!.removeInteraction(this.draw); this.draw = undefined; }
    if (!this.drawEnabled) return;
    this.draw = new Draw({ source: this.drawSource, type: 'Polygon' });
    this.draw.on('drawstart', () => this.drawSource.clear());
    this.draw.on('drawend', (e) => {
      const geometry = this.geojson.writeGeometryObject(e.feature.getGeometry()!, { decimals: 6 });
      this.dispatchEvent(new CustomEvent('cw-map-draw', { detail: { geojson: JSON.stringify(geometry) }, bubbles: true, composed: true }));
    });
    this.map!.addInteraction(this.draw);
  }

  // ---------------------------------------------------------------- public API

  /** Fits the view to a lon/lat bounding box [minLon, minLat, maxLon, maxLat]. */
  fitExtent(extent: [number, number, number, number]) {
    if (!this.map) { this.pendingExtent = extent; return; } // called before the first render: applied then
    this.map.getView().fit(transformExtent(extent, 'EPSG:4326', 'EPSG:3857'),
      { padding: [40, 40, 40, 40], maxZoom: 12, duration: 250 });
  }

  /** Renders all layer canvases into one PNG and downloads it (standard OL export recipe). */
  exportPng(filename = 'clearway-map.png'): Promise<void> {
    const map = this.map;
    if (!map) return Promise.resolve();
    return new Promise((resolve, reject) => {
      map.once('rendercomplete', () => {
        try {
          const [w, h] = map.getSize() ?? [0, 0];
          const out = Object.assign(document.createElement('canvas'), { width: w, height: h });
          const ctx = out.getContext('2d')!;
          this.renderRoot.querySelectorAll<HTMLCanvasElement>('.ol-layer canvas, canvas.ol-layer').forEach((c) => {
            if (c.width === 0) return;
            const parent = c.parentElement as HTMLElement;
            const opacity = parent.style.opacity || c.style.opacity;
            ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
            const m = c.style.transform.match(/^matrix\(([^(]*)\)$/);
            const [a, b, cc, d, e, f] = m ? m[1].split(',').map(Number)
              : [parseFloat(c.style.width) / c.width, 0, 0, parseFloat(c.style.height) / c.height, 0, 0];
            ctx.setTransform(a, b, cc, d, e, f);
            if (parent.style.backgroundColor) {
              ctx.fillStyle = parent.style.backgroundColor;
              ctx.fillRect(0, 0, c.width, c.height);
            }
            ctx.drawImage(c, 0, 0);
          });
          Object.assign(document.createElement('a'), { download: filename, href: out.toDataURL('image/png') }).click();
          resolve();
        } catch (e) {
          reject(e); // e.g. a tainted canvas from a raster base map without CORS
        }
      });
      map.render();
    });
  }

  /** Number of distinct features (by `id`, else raw count) of a layer rendered in the current view. */
  renderedFeatureCount(layerId: string): number {
    const entry = this.entries.get(layerId);
    const map = this.map;
    if (!entry || !map || !entry.layer.getVisible()) return 0;
    const features = entry.layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize()));
    // Features are repeated in every tile they touch: count distinct ids (features without id count singly).
    const anonymous = features.filter((f) => featureId(f) == null).length;
    return new Set(features.map(featureId).filter((id) => id != null)).size + anonymous;
  }

  /** Simulates a click at a lon/lat (for tests); returns the dispatched event detail. */
  clickAt(lon: number, lat: number): MapClickDetail | null {
    if (!this.map) return null;
    const coordinate = fromLonLat([lon, lat]);
    const pixel = this.map.getPixelFromCoordinate(coordinate);
    return pixel ? this.handleClick(pixel, coordinate) : null;
  }

  // ---------------------------------------------------------------- layers

  private tileUrl(spec: LayerSpec): string {
    const params = Object.entries(spec.query ?? {})
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    if (this.version) params.push(`v=${encodeURIComponent(String(this.version))}`);
    const base = this.tileBase.replace(/\/+$/, '');
    return `${base}/${encodeURIComponent(spec.id)}/{z}/{x}/{y}.mvt${params.length ? '?' + params.join('&') : ''}`;
  }

  /** Creates, updates in place, or removes OL layers so they match `layers`. */
  private syncLayers() {
    const map = this.map!;
    const wanted = new Set(this.layers.map((l) => l.id));
    for (const [id, entry] of this.entries) {
      if (wanted.has(id)) continue;
      map.removeLayer(entry.layer);
      entry.source.dispose();
      this.entries.delete(id);
    }
    this.layers.forEach((spec, index) => {
      let entry = this.entries.get(spec.id);
      const url = this.tileUrl(spec);
      if (!entry) {
        const source = new VectorTileSource({ format: new MVT(), url, maxZoom: 16 });
        this.trackLoading(source);
        const layer = new VectorTileLayer({ source, renderMode: 'hybrid', declutter: false });
        layer.setStyle((feature, resolution) => this.styleFor(spec.id, feature, resolution));
        entry = { spec, layer, source, url, styleKey: '', cache: new Map() };
        this.entries.set(spec.id, entry);
        map.addLayer(layer);
      } else if (entry.url !== url) {
        entry.source.setUrl(url); // new key -> tiles reload
        entry.url = url;
      }
      entry.spec = spec;
      entry.source.setAttributions(this.attribution || undefined);
      const styleKey = JSON.stringify(spec.style);
      if (styleKey !== entry.styleKey) {
        entry.styleKey = styleKey;
        entry.cache.clear();
        entry.layer.changed();
      }
      const { layer } = entry;
      layer.setProperties({ visible: spec.visible, opacity: spec.opacity ?? 1, zIndex: spec.zIndex ?? index });
      // OL's minZoom is exclusive; make it inclusive as the spec reads "visible from minZoom".
      layer.setMinZoom(spec.minZoom !== undefined ? spec.minZoom - 1e-6 : -Infinity);
      layer.setMaxZoom(spec.maxZoom ?? Infinity);
    });
  }

  /** Optional raster base map below everything; recreated when its URL changes. */
  private syncXyz() {
    const old = this.xyzLayer;
    if (old && old.get('cwUrl') === this.xyzUrl) {
      old.getSource()?.setAttributions(this.attribution || undefined);
      return;
    }
    if (old) { this.map!.removeLayer(old); old.getSource()?.dispose(); this.xyzLayer = undefined; }
    if (!this.xyzUrl) return;
    const source = new XYZ({ url: this.xyzUrl, crossOrigin: 'anonymous', attributions: this.attribution || undefined });
    this.trackLoading(source);
    this.xyzLayer = new TileLayer({ source, zIndex: -100, properties: { cwUrl: this.xyzUrl } });
    this.map!.addLayer(this.xyzLayer);
  }

  /** Maintains the `tiles-loaded` host attribute from tile load events. */
  private trackLoading(source: VectorTileSource | XYZ) {
    source.on('tileloadstart', () => { this.loading++; this.toggleAttribute('tiles-loaded', false); });
    // The attribute itself is set on the next 'rendercomplete', once the loaded tiles are drawn.
    const done = () => { if ((this.loading = Math.max(0, this.loading - 1)) === 0) this.map?.render(); };
    source.on('tileloadend', done);
    source.on('tileloaderror', done);
  }

  private syncView() {
    const view = this.map!.getView();
    const center = fromLonLat(this.center);
    const current = view.getCenter();
    const moved = !current || Math.abs(current[0] - center[0]) > 1 || Math.abs(current[1] - center[1]) > 1;
    const zoomed = Math.abs((view.getZoom() ?? 0) - this.zoom) > 1e-3;
    if (moved || zoomed) view.animate({ center, zoom: this.zoom, duration: 250 });
  }

  // ---------------------------------------------------------------- styling

  /** Colour for a feature: numeric classes, else value->colour map, else the default fill. */
  private colorFor(s: StyleSpec, feature: FeatureLike, fallback: string): string {
    if (s.classes && s.classes.colors.length) {
      const v = Number(feature.get(s.classes.attribute));
      if (!Number.isNaN(v)) {
        const i = s.classes.breaks.findIndex((b) => v < b);
        return s.classes.colors[i < 0 ? s.classes.colors.length - 1 : i] ?? fallback;
      }
    }
    if (s.by && s.colors) {
      const c = s.colors[String(feature.get(s.by))];
      if (c) return c;
    }
    return s.fill ?? fallback;
  }

  private cached(entry: Entry, key: string, make: () => Style): Style {
    let style = entry.cache.get(key);
    if (!style) entry.cache.set(key, (style = make()));
    return style;
  }

  private styleFor(layerId: string, feature: FeatureLike, resolution: number): Style[] | undefined {
    const entry = this.entries.get(layerId);
    if (!entry) return undefined;
    const s = entry.spec.style;
    const width = s.strokeWidth ?? 1;
    const styles: Style[] = [];
    const highlighted = this.selection?.layer === layerId && this.selected.has(String(featureId(feature)));

    // Dense polygon layers arrive as cluster points at low zoom: draw any point geometry as a point.
    const geomType = (feature.getGeometry() as { getType?: () => string } | undefined)?.getType?.();
    if (s.kind === 'point' || geomType === 'Point' || geomType === 'MultiPoint') {
      const color = this.colorFor(s, feature, '#3366cc');
      const count = s.clusterCountAttribute ? Number(feature.get(s.clusterCountAttribute)) : 1;
      const isCluster = count > 1;
      const radius = (s.radius ?? 5) * (isCluster ? 1 + Math.log10(count) : 1);
      styles.push(this.cached(entry, `p|${color}|${radius}`, () => new Style({
        image: new CircleStyle({
          radius, fill: new Fill({ color }), declutterMode: 'none', // see NO_DECLUTTER note
          stroke: new Stroke({ color: s.stroke ?? '#fff', width }),
        }),
      })));
      if (isCluster) {
        const text = count.toLocaleString(document.documentElement.lang || undefined);
        styles.push(this.cached(entry, `c|${text}`, () => new Style({
          text: new Text({ text, font: 'bold 11px sans-serif', fill: new Fill({ color: '#fff' }),
            stroke: new Stroke({ color: 'rgba(0,0,0,0.6)', width: 2 }) }),
        })));
      }
      if (highlighted) {
        styles.push(this.cached(entry, `h|${radius}`, () => new Style({
          zIndex: 1000,
          image: new CircleStyle({ radius: radius + 3, declutterMode: 'none', stroke: new Stroke({ color: HIGHLIGHT, width: 3 }) }),
        })));
      }
    } else if (s.kind === 'line') {
      const color = s.classes || s.by ? this.colorFor(s, feature, s.stroke ?? '#333') : (s.stroke ?? s.fill ?? '#333');
      styles.push(this.cached(entry, `l|${color}`, () => new Style({ stroke: new Stroke({ color, width }) })));
      if (highlighted) {
        styles.push(this.cached(entry, 'h', () => new Style({
          zIndex: 1000, stroke: new Stroke({ color: HIGHLIGHT, width: Math.max(3, width + 2) }),
        })));
      }
    } else {
      // Polygons always get a fill (transparent if none) so that clicks inside them hit the feature.
      const color = this.colorFor(s, feature, 'rgba(0,0,0,0)');
      styles.push(this.cached(entry, `f|${color}`, () => new Style({
        fill: new Fill({ color }),
        stroke: s.stroke ? new Stroke({ color: s.stroke, width }) : undefined,
      })));
      if (highlighted) {
        styles.push(this.cached(entry, 'h', () => new Style({ zIndex: 1000, stroke: new Stroke({ color: HIGHLIGHT, width: 3 }) })));
      }
    }

    const text = s.label ? feature.get(s.label) : undefined;
    if (text != null && text !== '' && (this.map?.getView().getZoomForResolution(resolution) ?? 0) >= LABEL_MIN_ZOOM) {
      styles.push(this.cached(entry, `t|${text}`, () => new Style({
        zIndex: 500,
        text: new Text({ text: String(text), font: '12px sans-serif', overflow: false,
          fill: new Fill({ color: '#333' }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
      })));
    }
    return styles;
  }

  // ---------------------------------------------------------------- interaction

  /** Shared by real clicks and clickAt(): popup + `cw-map-click` event. */
  private handleClick(pixel: Pixel, coordinate: Coordinate): MapClickDetail {
    // Ask layer by layer, top-most first: OL's multi-layer hit test would let a polygon hit exactly
    // under the pixel win over a point of a higher layer that is only within the hit tolerance.
    const order = (e: Entry) => [e.layer.getZIndex() ?? 0, this.layers.indexOf(e.spec)];
    const candidates = [...this.entries.values()]
      .filter((e) => e.spec.visible && e.spec.clickable !== false)
      .sort((a, b) => order(b)[0] - order(a)[0] || order(b)[1] - order(a)[1]);
    let hit: { feature: FeatureLike; entry: Entry } | undefined;
    for (const entry of candidates) {
      const feature = this.map!.forEachFeatureAtPixel(pixel, (f) => f,
        { hitTolerance: 3, layerFilter: (l) => l === entry.layer });
      if (feature) { hit = { feature, entry }; break; }
    }
    const [lon, lat] = toLonLat(coordinate);
    let detail: MapClickDetail;
    if (hit) {
      const properties: Record<string, unknown> = { ...hit.feature.getProperties() };
      delete properties['geometry'];
      const id = featureId(hit.feature);
      if (id != null) properties['id'] = id; // detail URLs may use {id}
      detail = { layer: hit.entry.spec.id, id, properties, lon, lat };
      if (this.popups) this.openPopup(hit.entry.spec.id, properties, coordinate);
    } else {
      detail = { layer: null, id: null, properties: {}, lon, lat };
      this.closePopup(false);
    }
    this.dispatchEvent(new CustomEvent('cw-map-click', { detail, bubbles: true, composed: true }));
    return detail;
  }

  private openPopup(layerId: string, props: Record<string, unknown>, coordinate: Coordinate) {
    const el = this.popupEl!;
    const lang = document.documentElement.lang || undefined;
    // Fields the feature does not carry (e.g. `count` on a single, unclustered feature) are left out.
    const fields = (this.popupFields[layerId] ?? Object.keys(props).filter((k) => k !== 'layer'))
      .filter((f) => props[f] !== undefined && props[f] !== null);
    // Coded values are shown with their translated label when Java supplied one (labels['value.<attr>.<code>']).
    const format = (f: string, v: unknown) =>
      v === '' ? '—' : typeof v === 'number' ? v.toLocaleString(lang) : (this.labels[`value.${f}.${String(v)}`] ?? String(v));
    const template = this.detailUrls[layerId];
    const href = template?.replace(/\{(\w+)\}/g, (_, attr: string) => encodeURIComponent(String(props[attr] ?? '')));
    const title = this.labels[`layer.${layerId}`] ?? layerId;
    el.setAttribute('aria-label', title);
    el.dir = getComputedStyle(this).direction; // the map itself is forced to LTR
    render(html`
      <button class="close" type="button" aria-label=${this.labels['close'] ?? 'Close'}
        @click=${() => this.closePopup(true)}>×</button>
      <h2>${title}</h2>
      <dl>${fields.map((f) => html`<dt>${this.labels[`field.${f}`] ?? f}</dt><dd>${format(f, props[f])}</dd>`)}</dl>
      ${href ? html`<a href=${href}>${this.labels['details'] ?? 'Details'}</a>` : nothing}
    `, el);
    el.hidden = false;
    this.overlay!.setPosition(coordinate);
    el.focus({ preventScroll: true }); // announce the dialog; Tab reaches the close button and link
  }

  private closePopup(restoreFocus: boolean) {
    if (!this.popupEl || this.popupEl.hidden) return;
    this.popupEl.hidden = true;
    this.overlay?.setPosition(undefined);
    if (restoreFocus) this.renderRoot.querySelector<HTMLElement>('#map')?.focus({ preventScroll: true });
  }

  /** Keyboard access: Enter/Space on the focused map "clicks" the centre of the view. */
  private onMapKey = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ') || !this.map) return;
    const center = this.map.getView().getCenter();
    const pixel = center && this.map.getPixelFromCoordinate(center);
    if (center && pixel) {
      e.preventDefault();
      this.handleClick(pixel, center);
    }
  };

  private onMoveEnd() {
    const map = this.map!;
    const view = map.getView();
    const extent = transformExtent(view.calculateExtent(map.getSize()), 'EPSG:3857', 'EPSG:4326');
    const center = toLonLat(view.getCenter() ?? [0, 0]) as [number, number];
    const detail = { extent: extent as [number, number, number, number], zoom: view.getZoom() ?? 0, center };
    this.dispatchEvent(new CustomEvent('cw-map-moveend', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'cw-map': CwMap }
}
