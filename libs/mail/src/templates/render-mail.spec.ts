import { escapeHtml } from './escape-html';
import { daysPhrase, formatLongDate, shorten } from './format';
import { headerSafe } from './header-safe';
import { renderMail } from './render-mail';
import type { ActionMailItem, MailMessageInput, RenderContext } from './types';

const ctx: RenderContext = { councilName: 'Stockport Council', appUrl: 'https://ft.example.org' };

function item(overrides: Partial<ActionMailItem> = {}): ActionMailItem {
  return {
    actionId: '5f0c3c1e-1111-4222-8333-444455556666',
    reference: 'STK-2026-R1-1',
    title: 'Improve supervision of social workers',
    recommendation: 'Leaders should make sure that supervision is regular and reflective.',
    inspectionTitle: "Inspection of local authority children's services (ILACS), 2026",
    dueOn: '2026-12-11',
    daysLeft: 7,
    successMeasure: '90% of social workers have monthly supervision',
    ownerName: 'Priya Shah',
    status: 'in_progress',
    ...overrides,
  };
}

function subjectOf(input: MailMessageInput): string {
  return renderMail(input, ctx).subject;
}

describe('renderMail subjects', () => {
  const recipientName = 'Priya Shah';

  it('assigned', () => {
    expect(
      subjectOf({ kind: 'assigned', recipientName, item: item(), assignedByName: 'Sam' }),
    ).toBe('Assigned to you: STK-2026-R1-1 Improve supervision of social workers');
  });

  it.each([
    [7, 'Due in 7 days: STK-2026-R1-1 Improve supervision of social workers'],
    [2, 'Due in 2 days: STK-2026-R1-1 Improve supervision of social workers'],
    [1, 'Due tomorrow: STK-2026-R1-1 Improve supervision of social workers'],
    [0, 'Due today: STK-2026-R1-1 Improve supervision of social workers'],
    [-2, 'Overdue by 2 days: STK-2026-R1-1 Improve supervision of social workers'],
  ])('due_soon with %i days left', (daysLeft, subject) => {
    expect(subjectOf({ kind: 'due_soon', recipientName, item: item({ daysLeft }) })).toBe(subject);
  });

  it.each([
    [-3, 'Overdue by 3 days: STK-2026-R1-1 Improve supervision of social workers'],
    [-1, 'Overdue by 1 day: STK-2026-R1-1 Improve supervision of social workers'],
  ])('overdue by %i', (daysLeft, subject) => {
    expect(subjectOf({ kind: 'overdue', recipientName, item: item({ daysLeft }) })).toBe(subject);
  });

  it('escalation, plural and singular', () => {
    expect(subjectOf({ kind: 'escalation', recipientName, items: [item(), item()] })).toBe(
      'Escalation: 2 actions overdue in your team',
    );
    expect(subjectOf({ kind: 'escalation', recipientName, items: [item()] })).toBe(
      'Escalation: 1 action overdue in your team',
    );
  });

  it('admin_escalation', () => {
    expect(
      subjectOf({
        kind: 'admin_escalation',
        recipientName,
        items: [item(), item()],
        afterDays: 28,
      }),
    ).toBe('Escalation: 2 actions overdue by more than 28 days');
    expect(
      subjectOf({ kind: 'admin_escalation', recipientName, items: [item()], afterDays: 1 }),
    ).toBe('Escalation: 1 action overdue by more than 1 day');
  });

  it('digest', () => {
    const overdue = [item(), item(), item()];
    const dueSoon = [item(), item(), item(), item(), item()];
    expect(subjectOf({ kind: 'digest', recipientName, overdue, dueSoon, windowDays: 14 })).toBe(
      'Weekly summary: 3 overdue, 5 due in the next 14 days',
    );
  });

  it('shortens a long title to about 80 characters on a word boundary', () => {
    const title = 'Strengthen '.repeat(20).trim();
    const subject = subjectOf({
      kind: 'overdue',
      recipientName,
      item: item({ title, daysLeft: -1 }),
    });
    const shortened = subject.replace('Overdue by 1 day: STK-2026-R1-1 ', '');
    expect(shortened).toMatch(/^Strengthen( Strengthen)*…$/);
    expect(Array.from(shortened).length).toBeLessThanOrEqual(80);
    expect(Array.from(shortened).length).toBeGreaterThan(60);
  });

  it('keeps a header injection attempt on one line', () => {
    const title = 'Title\r\nBcc: x@y';
    const { subject, html } = renderMail(
      { kind: 'due_soon', recipientName, item: item({ title, daysLeft: 7 }) },
      ctx,
    );
    expect(subject).toBe('Due in 7 days: STK-2026-R1-1 Title Bcc: x@y');
    expect(subject).not.toMatch(/[\r\n]/);
    expect(html).toContain('<title>Due in 7 days: STK-2026-R1-1 Title Bcc: x@y</title>');
  });
});

describe('renderMail bodies', () => {
  it('a reminder says what to do, and the text part stands on its own', () => {
    const { text, html } = renderMail(
      { kind: 'overdue', recipientName: 'Priya Shah', item: item({ daysLeft: -3 }) },
      ctx,
    );
    // Each line the text part must hold, in the words the owner reads.
    for (const line of [
      'Hello Priya Shah,',
      'This action is overdue by 3 days.\n\nUpdate its status or ask your manager to change the deadline.',
      'STK-2026-R1-1: Improve supervision of social workers',
      'Recommendation: “Leaders should make sure that supervision is regular and reflective.”',
      'Due: Friday 11 December 2026 (overdue by 3 days)',
      'Status: In progress',
      'Success measure: 90% of social workers have monthly supervision',
      'Open the action: https://ft.example.org/actions/5f0c3c1e-1111-4222-8333-444455556666',
      'You are getting this email because you own this action in followthrough for Stockport Council.',
      'You can choose to get every reminder or a weekly summary only: https://ft.example.org/settings',
    ]) {
      expect(text).toContain(line);
    }
    // The owner is the recipient: no need to name them again.
    expect(text).not.toContain('Owner:');

    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('>Overdue by 3 days</h1>');
    expect(html).toContain(
      'href="https://ft.example.org/actions/5f0c3c1e-1111-4222-8333-444455556666">Open STK-2026-R1-1 in followthrough</a>',
    );
    expect(html).toContain('href="https://ft.example.org/settings">your email settings</a>');
    expect(html).not.toMatch(/<img|<table/);
  });

  it('a due-soon reminder uses calm wording', () => {
    const { text } = renderMail({ kind: 'due_soon', recipientName: 'P', item: item() }, ctx);
    expect(text).toContain('This action is due in 7 days.');
    expect(text).toContain('Due: Friday 11 December 2026 (7 days left)');
  });

  it('gives the RAG and why, and a manager’s override beside the computed one', () => {
    const rated = renderMail(
      {
        kind: 'due_soon',
        recipientName: 'P',
        item: item({
          rag: {
            rag: 'red',
            reason: 'Visits in time: Well behind the line to the target, by 20.',
            override: null,
          },
        }),
      },
      ctx,
    );
    expect(rated.text).toContain(
      'RAG: Red: Visits in time: Well behind the line to the target, by 20.',
    );
    expect(rated.html).toContain('Visits in time: Well behind the line to the target, by 20.');
    const overridden = renderMail(
      {
        kind: 'due_soon',
        recipientName: 'P',
        item: item({
          rag: {
            rag: 'amber',
            reason: 'Overdue: the deadline has passed.',
            override: { computed: 'red', reason: 'Extension agreed at the board' },
          },
        }),
      },
      ctx,
    );
    expect(overridden.text).toContain(
      'RAG: Amber, set by a manager: Extension agreed at the board (worked out from the deadline and measures: Red)',
    );
    const unrated = renderMail({ kind: 'due_soon', recipientName: 'P', item: item() }, ctx);
    expect(unrated.text).not.toContain('RAG:');
  });

  it('says "Not set yet" without a success measure, and uses preferencesUrl when given', () => {
    const { text, html } = renderMail(
      { kind: 'due_soon', recipientName: 'P', item: item({ successMeasure: null, daysLeft: 0 }) },
      { ...ctx, preferencesUrl: 'https://ft.example.org/me/email' },
    );
    expect(text).toContain('Success measure: Not set yet');
    expect(text).toContain('Due: Friday 11 December 2026 (due today)');
    expect(text).toContain('weekly summary only: https://ft.example.org/me/email');
    expect(html).toContain('href="https://ft.example.org/me/email"');
  });

  it('assigned names who assigned it, or not', () => {
    const withName = renderMail(
      { kind: 'assigned', recipientName: 'P', item: item(), assignedByName: 'Sam Jones' },
      ctx,
    );
    expect(withName.text).toContain('Sam Jones has assigned this action to you.');
    expect(withName.text).toContain('done by Friday 11 December 2026');
    const anonymous = renderMail(
      { kind: 'assigned', recipientName: 'P', item: item(), assignedByName: null },
      ctx,
    );
    expect(anonymous.text).toContain('This action has been assigned to you.');
  });

  it('escapes all user text in the HTML part', () => {
    const nasty = '<script>alert("x")</script> & \'quotes\'';
    const { html, text } = renderMail(
      {
        kind: 'escalation',
        recipientName: nasty,
        items: [
          item({
            title: nasty,
            reference: nasty,
            recommendation: nasty,
            inspectionTitle: nasty,
            successMeasure: nasty,
            ownerName: nasty,
            status: nasty,
            actionId: '"><script>',
          }),
        ],
      },
      { ...ctx, councilName: nasty },
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="https://ft.example.org/actions/%22%3E%3Cscript%3E"');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;',
    );
    // The text part is not HTML: it keeps the text as written.
    expect(text).toContain('Owner: <script>alert("x")</script>');
  });

  it('escalation lists each action with its owner and days overdue', () => {
    const { text, html } = renderMail(
      {
        kind: 'escalation',
        recipientName: 'Manager',
        items: [
          item({ reference: 'STK-1', ownerName: 'Priya Shah', daysLeft: -4 }),
          item({ reference: 'STK-2', ownerName: null, daysLeft: -1 }),
        ],
      },
      ctx,
    );
    expect(text).toContain('2 actions owned by people you manage are overdue.');
    expect(text).toMatch(
      /STK-1: [^\n]*\n(.*\n)*Due: Friday 11 December 2026 \(overdue by 4 days\)\nOwner: Priya Shah/,
    );
    expect(text).toMatch(
      /STK-2: [^\n]*\n(.*\n)*Due: Friday 11 December 2026 \(overdue by 1 day\)\nOwner: No owner/,
    );
    expect(text).toContain('because you are the line manager');
    expect(html).toContain('<strong>Owner:</strong> Priya Shah');
    expect(html.match(/<h2 /g)).toHaveLength(2);
    // Managers get the whole overdue review too, not only their team's list.
    expect(text).toContain('See everything overdue in the council: https://ft.example.org/overdue');
    expect(html).toContain('href="https://ft.example.org/overdue"');
  });

  it('admin escalation names the threshold and the council', () => {
    const { text } = renderMail(
      {
        kind: 'admin_escalation',
        recipientName: 'Admin',
        items: [item({ daysLeft: -40 })],
        afterDays: 28,
      },
      ctx,
    );
    expect(text).toContain(
      'This action in Stockport Council has been overdue for more than 28 days.',
    );
    expect(text).toContain('Owner: Priya Shah');
    expect(text).toContain('because you are an administrator for Stockport Council');
  });

  it('digest has two sections with counts, and says when one is empty', () => {
    const { text, html } = renderMail(
      {
        kind: 'digest',
        recipientName: 'Priya',
        overdue: [item({ reference: 'STK-9', daysLeft: -2 })],
        dueSoon: [],
        windowDays: 14,
      },
      ctx,
    );
    expect(text).toContain('Overdue (1)\n-----------\n\nSTK-9: ');
    expect(text).toContain(
      'Due in the next 14 days (0)\n---------------------------\n\nNone of your actions are due in the next 14 days.',
    );
    expect(html).toContain('>Overdue (1)</h2>');
    expect(html).toContain('>STK-9: Improve supervision of social workers</h3>');
    expect(html).toContain('>Due in the next 14 days (0)</h2>');
  });

  it('quotes a long recommendation shortened to about 400 characters', () => {
    const recommendation = `Leaders should\nmake sure ${'that children are seen '.repeat(40)}`;
    const { text } = renderMail(
      { kind: 'due_soon', recipientName: 'P', item: item({ recommendation }) },
      ctx,
    );
    const quoted = /Recommendation: “(.*)”/.exec(text)?.[1] ?? '';
    expect(quoted.startsWith('Leaders should make sure that children')).toBe(true);
    // Cut between words: the last word before the ellipsis is whole.
    expect(quoted).toMatch(/ (that|children|are|seen)…$/);
    expect(quoted.length).toBeLessThanOrEqual(400);
    expect(quoted.length).toBeGreaterThan(370);
  });

  it('is pure: the same input renders the same mail', () => {
    const input: MailMessageInput = { kind: 'due_soon', recipientName: 'P', item: item() };
    expect(renderMail(input, ctx)).toEqual(renderMail(input, ctx));
  });
});

describe('helpers', () => {
  it('headerSafe removes every line break and control character', () => {
    expect(headerSafe('  a\r\nb\nc\rd\te\u0000f\u0085g\u2028h  ')).toBe('a b c d e f g h');
  });

  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('formatLongDate writes GOV.UK style dates and refuses non-dates', () => {
    expect(formatLongDate('2026-12-11')).toBe('Friday 11 December 2026');
    expect(formatLongDate('2027-01-01')).toBe('Friday 1 January 2027');
    expect(() => formatLongDate('11/12/2026')).toThrow(RangeError);
  });

  it('daysPhrase pluralises', () => {
    expect([3, 1, 0, -1, -4].map(daysPhrase)).toEqual([
      '3 days left',
      '1 day left',
      'due today',
      'overdue by 1 day',
      'overdue by 4 days',
    ]);
  });

  it('shorten leaves short text alone and cuts a single long word', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('abcdefghijklmnop', 10)).toBe('abcdefghi…');
    expect(shorten('one two, three', 12)).toBe('one two…');
  });
});
