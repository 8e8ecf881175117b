import { BAR_CHART, barChartSvg, barLengths, escapeXml, lineChartSvg, niceCeiling } from './charts';

/** The widths of the bars, in document order. */
const rectWidths = (svg: string): number[] =>
  [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });
});

describe('barChartSvg', () => {
  const input = {
    id: 'chart-status',
    title: 'Actions by status',
    description: 'Open 4, Blocked 2, Completed 1',
    bars: [
      { label: 'Open', value: 4 },
      { label: 'Blocked', value: 2 },
      { label: 'Completed', value: 1 },
      { label: 'Cancelled', value: 0 },
    ],
  };

  it('is an image named by its title and described by its desc', () => {
    const svg = barChartSvg(input);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="chart-status-title chart-status-desc"');
    expect(svg).toContain('<title id="chart-status-title">Actions by status</title>');
    expect(svg).toContain('<desc id="chart-status-desc">Open 4, Blocked 2, Completed 1</desc>');
    expect(svg).not.toContain('style=');
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('scales bars to the largest value, which fills the bar area', () => {
    expect(rectWidths(barChartSvg(input))).toEqual([BAR_CHART.barArea, 200, 100, 0]);
    expect(barLengths([10, 5, 0], 100)).toEqual([100, 50, 0]);
    expect(barLengths([-3, 6], 60)).toEqual([0, 60]);
  });

  it('writes each label and value as text, so colour is not the only signal', () => {
    const svg = barChartSvg(input);
    for (const bar of input.bars) {
      expect(svg).toContain(`>${bar.label}</text>`);
      expect(svg).toContain(`font-weight="bold">${bar.value}</text>`);
    }
  });

  it('escapes labels, titles and descriptions, and keeps ids to safe characters', () => {
    const svg = barChartSvg({
      id: 'x" onload="alert(1)',
      title: '<script>alert(1)</script>',
      description: 'A & B',
      bars: [{ label: '<img src=x onerror=alert(1)>', value: 3 }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('onload="');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('<desc id="xonloadalert1-desc">A &amp; B</desc>');
  });

  it('says there is nothing to show for no bars or all zero', () => {
    for (const bars of [[], [{ label: 'Open', value: 0 }]]) {
      const svg = barChartSvg({ ...input, bars, emptyText: 'No actions yet' });
      expect(svg).toContain('role="img"');
      expect(svg).toContain('>No actions yet</text>');
      expect(svg).not.toContain('<rect');
    }
  });
});

describe('lineChartSvg', () => {
  const points = [
    { date: '2026-03-01', value: 0 },
    { date: '2026-03-02', value: 10 },
    { date: '2026-03-03', value: 8 },
  ];

  it('draws the line from left to right, zero at the bottom, the top at the nice ceiling', () => {
    const svg = lineChartSvg({ id: 'live', title: 'Live', description: 'd', points });
    const line = /<polyline points="([^"]+)"/.exec(svg)?.[1]?.split(' ');
    // x: 48..616 over two days; y: 272 is zero, 40 is 10 (the ceiling), 8 is 80% up.
    expect(line).toEqual(['48,272', '332,40', '616,86.4']);
    expect(svg).toContain('>8</text>');
    expect(svg).toContain('>1 Mar 2026</text>');
    expect(svg).toContain('>3 Mar 2026</text>');
    expect(svg).toContain('aria-labelledby="live-title live-desc"');
  });

  it('draws a dashed guide, widening both axes to take it in, and labels its end', () => {
    const svg = lineChartSvg({
      id: 'measure',
      title: 'Audits',
      description: 'd',
      points,
      guide: {
        label: 'Target 20',
        points: [
          { date: '2026-03-01', value: 0 },
          { date: '2026-03-05', value: 20 },
        ],
      },
    });
    const guide = /<polyline points="([^"]+)"[^>]*stroke-dasharray/.exec(svg)?.[1]?.split(' ');
    // x runs to 5 March (four days over 568); the ceiling is 20, the guide's end.
    expect(guide).toEqual(['48,272', '616,40']);
    expect(svg).toContain('>Target 20</text>');
    expect(svg).toContain('>5 Mar 2026</text>');
  });

  it('marks deadlines in range with a labelled dashed line, extending the axis to them', () => {
    const svg = lineChartSvg({
      id: 'live',
      title: 'Live',
      description: 'd',
      points,
      until: '2026-03-05',
      markers: [
        { date: '2026-03-05', label: 'Final plan due' },
        { date: '2025-01-01', label: 'Out of range' },
      ],
    });
    expect(svg).toContain('>Final plan due (5 Mar 2026)</text>');
    expect(svg).not.toContain('Out of range');
    expect(svg).toMatch(/<line x1="616" [^>]*stroke-dasharray="6 4"/);
    expect(svg).toContain('>5 Mar 2026</text>');
  });

  it('draws a single point as a dot with its value, and nothing as a message', () => {
    const one = lineChartSvg({
      id: 'live',
      title: 'Live',
      description: 'd',
      points: [{ date: '2026-03-01', value: 5 }],
      unit: 'live',
    });
    expect(one).not.toContain('<polyline');
    expect(one).toContain('<circle');
    expect(one).toContain('>5 live</text>');
    const none = lineChartSvg({ id: 'live', title: 'Live', description: 'd', points: [] });
    expect(none).toContain('role="img"');
    expect(none).toContain('>Nothing to show yet</text>');
  });

  it('escapes marker labels', () => {
    const svg = lineChartSvg({
      id: 'live',
      title: 'T',
      description: 'd',
      points,
      markers: [{ date: '2026-03-02', label: '<b>Due</b>' }],
    });
    expect(svg).toContain('&lt;b&gt;Due&lt;/b&gt; (2 Mar 2026)');
  });
});

describe('niceCeiling', () => {
  it('rounds the top of the y axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 24, 26, 60, 101].map(niceCeiling)).toEqual([
      1, 1, 5, 10, 10, 20, 25, 50, 100, 200,
    ]);
  });
});
