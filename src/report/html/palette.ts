// Colours, patterns, stroke styles and marker shapes of the report. Categories differ in lightness
// (about 55, 105, 150, 195, 230 on a 0–255 luma scale) and carry distinct patterns, modes differ in
// dash style, node kinds in shape, before/after in lightness and dash: every distinction survives
// greyscale printing.
import { CATEGORIES, type Category, type Mode, type NodeKind } from '../../network/types.js';
import { px } from './format.js';

/** Fill and pattern of a breakdown category. */
export interface CategoryStyle {
  readonly label: string;
  readonly color: string;
  /** Pattern drawn over the colour: SVG content of a 6×6 tile. */
  readonly tile: string;
}

/** Colour and pattern of each breakdown category (legends list them in `CATEGORIES` order). */
export const CATEGORY_STYLES: Readonly<Record<Category, CategoryStyle>> = {
  moving: { label: 'moving', color: '#1f3a66', tile: '' },
  border: { label: 'border', color: '#d0503a', tile: '<path d="M0 6L6 0M-1 1L1 -1M5 7L7 5" stroke="#ffffff" stroke-opacity="0.7" stroke-width="1.4"/>' },
  customs: { label: 'customs', color: '#e58c3c', tile: '<circle cx="3" cy="3" r="1.2" fill="#3a2000"/>' },
  handling: { label: 'handling', color: '#9fd3a6', tile: '<path d="M0 1.5H6M0 4.5H6" stroke="#1d4d24" stroke-width="0.9"/>' },
  waiting: { label: 'waiting', color: '#f4eab0', tile: '<path d="M0 0L6 6M6 0L0 6" stroke="#6b5d10" stroke-width="0.7"/>' },
};

/** Stroke of a link mode. */
export interface ModeStyle {
  readonly label: string;
  readonly color: string;
  /** `stroke-dasharray` at width 1 (scaled with the stroke width), or '' for solid. */
  readonly dash: readonly number[];
}

/** Stroke of each link mode (the map legend lists them in `MODES` order). */
export const MODE_STYLES: Readonly<Record<Mode, ModeStyle>> = {
  rail: { label: 'rail', color: '#2b2b2b', dash: [] },
  road: { label: 'road', color: '#8a5a00', dash: [4, 2] },
  ferry: { label: 'ferry (ro-ro)', color: '#1565c0', dash: [1, 2] },
  sea: { label: 'sea (container ship)', color: '#0a7f8f', dash: [5, 2, 1, 2] },
};

/** Stroke attributes of a mode at a given width. */
export function modeStroke(mode: Mode, width: number): string {
  const s = MODE_STYLES[mode];
  const dash = s.dash.length > 0 ? ` stroke-dasharray="${s.dash.map((d) => px(d * width)).join(' ')}"` : '';
  const cap = mode === 'ferry' ? 'round' : 'butt';
  return `stroke="${s.color}" stroke-width="${px(width)}" stroke-linecap="${cap}"${dash}`;
}

/** Before and after series. */
export const SERIES = {
  before: { label: 'Before', color: '#1a1a1a', dash: '' },
  after: { label: 'After', color: '#3b7dd8', dash: '8 4' },
} as const;

/** Legend and tooltip label of each node kind (the map legend lists them in `NODE_KINDS` order). */
export const NODE_KIND_LABELS: Readonly<Record<NodeKind, string>> = {
  terminal: 'terminal',
  border: 'border crossing',
  port: 'port',
  hub: 'hub / junction',
};

/**
 * An SVG marker of a node kind centred at (x, y), `size` px across: terminal a square, border
 * crossing a diamond, port a triangle, hub a circle. `inner` (e.g. a `<title>`) goes inside it.
 */
export function kindMarker(kind: NodeKind, x: number, y: number, size: number, attrs: string, inner = ''): string {
  const h = size / 2;
  const close = (tag: string): string => (inner === '' ? '/>' : `>${inner}</${tag}>`);
  switch (kind) {
    case 'terminal':
      return `<rect x="${px(x - h)}" y="${px(y - h)}" width="${px(size)}" height="${px(size)}" ${attrs}${close('rect')}`;
    case 'border': {
      const d = h * 1.3;
      return `<path d="M${px(x)} ${px(y - d)}L${px(x + d)} ${px(y)}L${px(x)} ${px(y + d)}L${px(x - d)} ${px(y)}Z" ${attrs}${close('path')}`;
    }
    case 'port': {
      const d = h * 1.3;
      return `<path d="M${px(x)} ${px(y - d)}L${px(x + d)} ${px(y + d * 0.75)}L${px(x - d)} ${px(y + d * 0.75)}Z" ${attrs}${close('path')}`;
    }
    case 'hub':
      return `<circle cx="${px(x)}" cy="${px(y)}" r="${px(h)}" ${attrs}${close('circle')}`;
  }
}

/** `<pattern>` definitions of the categories, with ids `${prefix}-cat-<category>`. */
export function categoryPatterns(prefix: string): string {
  return CATEGORIES.map(
    (cat) =>
      `<pattern id="${prefix}-cat-${cat}" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" fill="${CATEGORY_STYLES[cat].color}"/>${CATEGORY_STYLES[cat].tile}</pattern>`,
  ).join('');
}

/** The fill of a category given the pattern prefix. */
export function categoryFill(prefix: string, category: Category): string {
  return `url(#${prefix}-cat-${category})`;
}
