import type { ExtractionResult } from '@app/report-parser';

const TEXT_WIDTH = 72;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The extraction laid out for a person at a terminal: the facts, then one block per item. */
export function formatTable(result: ExtractionResult): string {
  const d = result.document;
  const out: string[] = [
    d.title ?? '(untitled document)',
    `Kind: ${d.kind}   Inspectorate: ${d.inspectorates.join(', ') || 'not stated'}`,
    `Authority: ${d.authority ?? 'not found'}`,
    `Published: ${d.publishedOn ?? 'not stated'}   Visit: ${d.visitStartedOn ?? '?'} to ${d.visitEndedOn ?? '?'}`,
  ];
  if (d.judgements.length > 0) {
    out.push('', 'Judgements:');
    for (const j of d.judgements) out.push(`  ${j.area}: ${j.grade}`);
  }
  out.push('', `${result.recommendations.length} recommendation(s)`);
  for (const r of result.recommendations) {
    const due = r.dueOn ?? (r.timescale ? `${r.timescale} from publication` : 'no timescale');
    out.push(
      '',
      `${r.ref}${r.label ? ` (${r.label})` : ''}  ${r.priority === 'priority_action' ? 'PRIORITY ACTION' : 'improvement'}  due: ${due}`,
      `    section: ${r.section}${r.theme ? ` / ${r.theme}` : ''}`,
      `    responsible: ${r.responsible.join('; ')}`,
      ...wrap(r.text, TEXT_WIDTH).map((line) => `    ${line}`),
    );
  }
  out.push(
    '',
    `${result.suggestions.length} suggestion(s): weaknesses stated in the prose, not in a list`,
  );
  result.suggestions.forEach((s, index) => {
    out.push(
      '',
      `S${index + 1}  cue: "${s.cue}"  confidence: ${s.confidence.toFixed(2)}  page ${s.page}`,
      `    section: ${s.section ?? '(before the first heading)'}`,
      ...wrap(`“${s.text}”`, TEXT_WIDTH).map((line) => `    ${line}`),
    );
  });
  return `${out.join('\n')}\n`;
}
