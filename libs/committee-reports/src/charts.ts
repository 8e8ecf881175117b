import { differenceInCalendarDays, format, parseISO } from 'date-fns';

/**
 * Charts drawn on the server as inline SVG: no JavaScript, no styles (only presentation
 * attributes, which the CSP allows), named by <title> and described by <desc> for screen
 * readers, and every figure written as text beside its mark so colour is never the only signal.
 * Pure: strings in, a string out. Every text that comes from data is escaped.
 */

/** GOV.UK Frontend colours. */
export const CHART_COLOURS = {
  text: '#0b0c0c',
  secondaryText: '#505a5f',
  bar: '#1d70b8',
  line: '#1d70b8',
  axis: '#505a5f',
  grid: '#b1b4b6',
  marker: '#d4351c',
} as const;

const FONT = 'GDS Transport, arial, sans-serif';

/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** A number written into SVG coordinates: at most two decimals, no "-0". */
const n = (value: number): string => {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
};

/** The opening tag and accessible name/description every chart shares. */
function frame(id: string, title: string, description: string, width: number, height: number) {
  const safeId = id.replace(/[^A-Za-z0-9_-]/g, '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" ` +
    `viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMinYMin meet" ` +
    `aria-labelledby="${safeId}-title ${safeId}-desc" id="${safeId}" ` +
    `font-family="${FONT}" font-size="16" fill="${CHART_COLOURS.text}">` +
    `<title id="${safeId}-title">${escapeXml(title)}</title>` +
    `<desc id="${safeId}-desc">${escapeXml(description)}</desc>`
  );
}

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartInput {
  /** Unique on the page: the <title> and <desc> ids derive from it. */
  id: string;
  title: string;
  description: string;
  bars: readonly Bar[];
  /** Shown instead of bars when there are none, or all are zero. */
  emptyText?: string;
}

export const BAR_CHART = {
  width: 640,
  labelWidth: 160,
  /** The longest bar; the rest scale to it. */
  barArea: 400,
  rowHeight: 32,
  barHeight: 22,
  padding: 8,
} as const;

/** The length of each bar, in proportion to the largest value (which gets the full area). */
export function barLengths(values: readonly number[], area: number = BAR_CHART.barArea): number[] {
  const max = Math.max(0, ...values);
  return values.map((value) => (max === 0 ? 0 : (Math.max(0, value) / max) * area));
}

/** A horizontal bar chart: a label left of each bar and its value written at the bar's end. */
export function barChartSvg(input: BarChartInput): string {
  const { width, labelWidth, rowHeight, barHeight, padding } = BAR_CHART;
  const total = input.bars.reduce((sum, bar) => sum + Math.max(0, bar.value), 0);
  if (input.bars.length === 0 || total === 0) {
    const height = rowHeight + 2 * padding;
    return (
      frame(input.id, input.title, input.description, width, height) +
      `<text x="0" y="${n(padding + rowHeight / 2)}" dominant-baseline="middle" fill="${CHART_COLOURS.secondaryText}">` +
      `${escapeXml(input.emptyText ?? 'Nothing to show yet')}</text></svg>`
    );
  }
  const lengths = barLengths(input.bars.map((bar) => bar.value));
  const height = input.bars.length * rowHeight + 2 * padding;
  const x0 = labelWidth;
  const rows = input.bars.map((bar, index) => {
    const top = padding + index * rowHeight;
    const middle = top + rowHeight / 2;
    // barLengths gives one length per value it is given.
    const length = lengths[index] ?? 0;
    return (
      `<g>` +
      `<text x="${n(labelWidth - 8)}" y="${n(middle)}" text-anchor="end" dominant-baseline="middle">${escapeXml(bar.label)}</text>` +
      `<rect x="${n(x0)}" y="${n(top + (rowHeight - barHeight) / 2)}" width="${n(length)}" height="${barHeight}" fill="${CHART_COLOURS.bar}"></rect>` +
      `<text x="${n(x0 + length + 6)}" y="${n(middle)}" dominant-baseline="middle" font-weight="bold">${escapeXml(String(bar.value))}</text>` +
      `</g>`
    );
  });
  return (
    frame(input.id, input.title, input.description, width, height) +
    `<line x1="${n(x0)}" y1="${padding}" x2="${n(x0)}" y2="${n(height - padding)}" stroke="${CHART_COLOURS.axis}" stroke-width="1"></line>` +
    rows.join('') +
    `</svg>`
  );
}

export interface SeriesPoint {
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

export interface DateMarker {
  /** YYYY-MM-DD */
  date: string;
  label: string;
}

export interface LineChartInput {
  id: string;
  title: string;
  description: string;
  points: readonly SeriesPoint[];
  /** Vertical lines (deadlines); those outside the x range are left out (say so in the text). */
  markers?: readonly DateMarker[];
  /** The x axis runs to here when later than the last point (e.g. a deadline still to come). */
  until?: string;
  emptyText?: string;
  /** What the y values count, for the last point's label ("12 live"). */
  unit?: string;
  /** A dashed line to compare with (a measure's line from baseline to target), labelled at its end. */
  guide?: { points: readonly SeriesPoint[]; label: string };
}

export const LINE_CHART = {
  width: 640,
  height: 320,
  left: 48,
  right: 24,
  top: 40,
  bottom: 48,
} as const;

/** "3 Mar 2026": short enough for an axis. */
export function shortDate(iso: string): string {
  return format(parseISO(iso), 'd MMM yyyy');
}

/** The smallest "round" number at or above `max` for the top of the y axis (at least 1). */
export function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const ceiling = step * magnitude;
    if (ceiling >= max) return Number.isInteger(ceiling) ? ceiling : Math.ceil(ceiling);
  }
  return 10 * magnitude;
}

/**
 * A line over dates, with y from zero, and dashed vertical markers labelled in text. The first
 * and last dates are written under the x axis and the last value beside the line's end.
 */
export function lineChartSvg(input: LineChartInput): string {
  const { width, height, left, right, top, bottom } = LINE_CHART;
  const points = [...input.points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const [firstPoint] = points;
  const lastPoint = points.at(-1);
  if (firstPoint === undefined || lastPoint === undefined) {
    return (
      frame(input.id, input.title, input.description, width, 64) +
      `<text x="0" y="32" dominant-baseline="middle" fill="${CHART_COLOURS.secondaryText}">` +
      `${escapeXml(input.emptyText ?? 'Nothing to show yet')}</text></svg>`
    );
  }
  const guide = input.guide?.points ?? [];
  const dates = [...points, ...guide].map((p) => p.date).sort();
  const first = dates[0] ?? firstPoint.date;
  const last = dates.at(-1) ?? lastPoint.date;
  const end = input.until && input.until > last ? input.until : last;
  const span = Math.max(1, differenceInCalendarDays(parseISO(end), parseISO(first)));
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const yMax = niceCeiling(Math.max(...[...points, ...guide].map((p) => p.value)));
  const x = (date: string) =>
    left + (differenceInCalendarDays(parseISO(date), parseISO(first)) / span) * plotWidth;
  const y = (value: number) => top + plotHeight - (Math.max(0, value) / yMax) * plotHeight;
  const baseline = top + plotHeight;

  const parts: string[] = [];
  // Gridlines and y labels at 0, half and the top.
  const ticks = yMax === 1 ? [0, 1] : [0, yMax / 2, yMax];
  for (const tick of ticks) {
    parts.push(
      `<line x1="${left}" y1="${n(y(tick))}" x2="${n(width - right)}" y2="${n(y(tick))}" stroke="${tick === 0 ? CHART_COLOURS.axis : CHART_COLOURS.grid}" stroke-width="1"></line>`,
      `<text x="${left - 6}" y="${n(y(tick))}" text-anchor="end" dominant-baseline="middle" font-size="14">${escapeXml(String(Number.isInteger(tick) ? tick : Math.round(tick * 10) / 10))}</text>`,
    );
  }
  parts.push(
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${n(baseline)}" stroke="${CHART_COLOURS.axis}" stroke-width="1"></line>`,
    `<text x="${left}" y="${n(baseline + 24)}" text-anchor="start" font-size="14">${escapeXml(shortDate(first))}</text>`,
  );
  if (end !== first) {
    parts.push(
      `<text x="${n(width - right)}" y="${n(baseline + 24)}" text-anchor="end" font-size="14">${escapeXml(shortDate(end))}</text>`,
    );
  }
  // Markers, labelled above the plot; alternate rows so two close deadlines do not overlap.
  const markers = (input.markers ?? []).filter((m) => m.date >= first && m.date <= end);
  markers.forEach((marker, index) => {
    const mx = x(marker.date);
    const anchor = mx > left + plotWidth / 2 ? 'end' : 'start';
    const labelX = anchor === 'end' ? mx - 4 : mx + 4;
    parts.push(
      `<line x1="${n(mx)}" y1="${top - 4}" x2="${n(mx)}" y2="${n(baseline)}" stroke="${CHART_COLOURS.marker}" stroke-width="2" stroke-dasharray="6 4"></line>`,
      `<text x="${n(labelX)}" y="${n(top - 24 + (index % 2) * 16)}" text-anchor="${anchor}" font-size="14" fill="${CHART_COLOURS.marker}">${escapeXml(`${marker.label} (${shortDate(marker.date)})`)}</text>`,
    );
  });
  const guideEnd = guide.at(-1);
  if (input.guide && guide.length > 1 && guideEnd) {
    parts.push(
      `<polyline points="${guide.map((p) => `${n(x(p.date))},${n(y(p.value))}`).join(' ')}" fill="none" stroke="${CHART_COLOURS.secondaryText}" stroke-width="2" stroke-dasharray="8 6"></polyline>`,
      `<text x="${n(x(guideEnd.date) - 4)}" y="${n(y(guideEnd.value) - 10)}" text-anchor="end" font-size="14" fill="${CHART_COLOURS.secondaryText}">${escapeXml(input.guide.label)}</text>`,
    );
  }
  // The line itself, and a dot with the value at its last point.
  if (points.length > 1) {
    parts.push(
      `<polyline points="${points.map((p) => `${n(x(p.date))},${n(y(p.value))}`).join(' ')}" fill="none" stroke="${CHART_COLOURS.line}" stroke-width="3" stroke-linejoin="round"></polyline>`,
    );
  }
  const lx = x(lastPoint.date);
  const ly = y(lastPoint.value);
  const lastAnchor = lx > left + plotWidth * 0.8 ? 'end' : 'start';
  parts.push(
    `<circle cx="${n(lx)}" cy="${n(ly)}" r="5" fill="${CHART_COLOURS.line}"></circle>`,
    `<text x="${n(lastAnchor === 'end' ? lx - 8 : lx + 8)}" y="${n(ly - 12)}" text-anchor="${lastAnchor}" font-weight="bold">${escapeXml(`${lastPoint.value}${input.unit ? ` ${input.unit}` : ''}`)}</text>`,
  );
  return frame(input.id, input.title, input.description, width, height) + parts.join('') + '</svg>';
}
