import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCouncilWithPeople } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { atLeast, first, nth } from '../support/items';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

interface SuggestionBody {
  id: string;
  ref: string;
  text: string;
  section: string | null;
  cue: string;
  confidence: number;
  status: string;
  decidedBy: { id: string } | null;
  dismissReason: string | null;
  recommendationId: string | null;
}

// A monitoring letter with no list of recommendations: its weaknesses are only in the prose.
const LETTER = join(__dirname, '..', 'fixtures', 'prose', 'hartwell-monitoring-visit-2026.txt');

describe('suggestions (e2e): weaknesses stated in prose, accepted or dismissed', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  let inspectionId: string;
  let suggestions: SuggestionBody[];
  const letter = readFileSync(LETTER);
  const rejoined = letter.toString('utf8').replace(/\s+/g, ' ');

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Hartwell Borough Council' });
    away = await createCouncilWithPeople(t);
    const imported = await home.manager
      .as(request(t.server).post('/api/inspections'))
      .attach('file', letter, 'hartwell-monitoring-visit.txt')
      .expect(201);
    inspectionId = (imported.body as { id: string }).id;
    // No list, so no actions; the notice points at the suggestions instead.
    expect(imported.body).toMatchObject({ actionsCreated: 0 });
    expect((imported.body as { notice: string }).notice).toMatch(/suggestions/);
    const listed = await home.staff
      .as(request(t.server).get(`/api/inspections/${inspectionId}/suggestions`))
      .expect(200);
    suggestions = listed.body as SuggestionBody[];
  });

  afterAll(() => t?.close());

  it('keeps each weakness quoted exactly from the letter, in order, open', () => {
    expect(suggestions.length).toBeGreaterThanOrEqual(5);
    suggestions.forEach((suggestion, index) => {
      expect(suggestion.ref).toBe(`S${index + 1}`);
      expect(rejoined).toContain(suggestion.text.replace(/\s+/g, ' '));
      expect(suggestion.text.toLowerCase()).toContain(suggestion.cue);
      expect(suggestion).toMatchObject({ status: 'open', decidedBy: null, recommendationId: null });
    });
  });

  it('turns a suggestion into a tracked action in two calls', async () => {
    const chosen = first(suggestions);
    const accepted = await home.manager
      .as(
        request(t.server).post(`/api/inspections/${inspectionId}/suggestions/${chosen.id}/accept`),
      )
      .expect(200);
    const body = accepted.body as {
      suggestion: SuggestionBody;
      action: { id: string; reference: string; status: string; dueOn: string };
    };
    expect(body.suggestion).toMatchObject({
      status: 'accepted',
      decidedBy: { id: home.manager.user.id },
    });
    expect(body.action.status).toBe('draft');
    expect(body.action.reference).toMatch(/-S1-1$/);

    await home.manager
      .as(request(t.server).patch(`/api/actions/${body.action.id}`))
      .send({
        ownerId: home.staff.user.id,
        successMeasure: 'Audits show the weakness gone in 9 of 10 cases',
        status: 'open',
      })
      .expect(200);

    const inspection = await home.staff
      .as(request(t.server).get(`/api/inspections/${inspectionId}`))
      .expect(200);
    const recommendations = (
      inspection.body as {
        recommendations: Array<{ ref: string; source: string; text: string; actionIds: string[] }>;
      }
    ).recommendations;
    expect(recommendations).toEqual([
      expect.objectContaining({
        ref: 'S1',
        source: 'suggestion',
        text: chosen.text,
        actionIds: [body.action.id],
      }),
    ]);
    const history = await home.staff
      .as(request(t.server).get(`/api/actions/${body.action.id}/history`))
      .expect(200);
    const created = (history.body as Array<{ event: string; reason: string | null }>).find(
      (entry) => entry.event === 'created',
    );
    expect(created?.reason).toContain(chosen.text);
  });

  it('dismisses one with a reason, kept with who and when', async () => {
    const chosen = nth(suggestions, 1);
    await home.manager
      .as(
        request(t.server).post(`/api/inspections/${inspectionId}/suggestions/${chosen.id}/dismiss`),
      )
      .send({})
      .expect(400);
    const res = await home.manager
      .as(
        request(t.server).post(`/api/inspections/${inspectionId}/suggestions/${chosen.id}/dismiss`),
      )
      .send({ reason: '  Already covered by our improvement plan  ' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'dismissed',
      dismissReason: 'Already covered by our improvement plan',
      decidedBy: { id: home.manager.user.id },
      recommendationId: null,
    });
    const listed = await home.manager
      .as(request(t.server).get(`/api/inspections/${inspectionId}/suggestions`))
      .expect(200);
    expect((listed.body as SuggestionBody[])[1]).toMatchObject({ status: 'dismissed' });
  });

  it('decides each suggestion once (409), and only managers decide (403)', async () => {
    const [acceptedOne, dismissedOne, open] = atLeast(suggestions, 3);
    for (const [id, verb] of [
      [acceptedOne.id, 'dismiss'],
      [dismissedOne.id, 'accept'],
    ] as const) {
      await home.manager
        .as(request(t.server).post(`/api/inspections/${inspectionId}/suggestions/${id}/${verb}`))
        .send({ reason: 'x' })
        .expect(409);
    }
    await home.staff
      .as(request(t.server).post(`/api/inspections/${inspectionId}/suggestions/${open.id}/accept`))
      .expect(403);
  });

  it('shows another council "not found", for the inspection and each suggestion', async () => {
    const open = nth(suggestions, 2);
    await away.manager
      .as(request(t.server).get(`/api/inspections/${inspectionId}/suggestions`))
      .expect(404);
    await away.manager
      .as(request(t.server).post(`/api/inspections/${inspectionId}/suggestions/${open.id}/accept`))
      .expect(404);
    await away.manager
      .as(request(t.server).post(`/api/inspections/${inspectionId}/suggestions/${open.id}/dismiss`))
      .send({ reason: 'Not ours' })
      .expect(404);
    const still = await home.manager
      .as(request(t.server).get(`/api/inspections/${inspectionId}/suggestions`))
      .expect(200);
    expect((still.body as SuggestionBody[])[2]).toMatchObject({ status: 'open' });
  });

  it('reads the inspection within the council too, not only the suggestion', async () => {
    // A suggestion row filed under the other council but pointing at this inspection (the
    // tables have no composite key to forbid it): accepting it must not read, copy from or
    // attach to an inspection outside the actor's council.
    const { id: strayId } = first(
      await t.app.get(DataSource).query<Array<{ id: string }>>(
        `INSERT INTO suggestions (council_id, inspection_id, position, text, cue, confidence, page)
         VALUES ($1, $2, 999, 'Stray suggestion', 'stray', 0.5, 1) RETURNING id`,
        [away.council.id, inspectionId],
      ),
    );
    await away.manager
      .as(request(t.server).post(`/api/inspections/${inspectionId}/suggestions/${strayId}/accept`))
      .expect(404);
  });
});
