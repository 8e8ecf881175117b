import request from 'supertest';
import type { TestApp } from '../support/app';
import { daysFromToday } from './actions';
import type { TestUser } from './people';

/**
 * "Visits in time": 0% a hundred days ago to 100% a hundred days from now, so the line to the
 * target stands at 50 today. Added through the API by `manager`.
 */
export async function addVisitsMeasure(
  t: TestApp,
  manager: TestUser,
  actionId: string,
): Promise<{ id: string }> {
  const res = await manager
    .as(request(t.server).post(`/api/actions/${actionId}/measures`))
    .send({
      name: 'Visits in time',
      unit: 'percentage',
      direction: 'higher',
      baselineValue: 0,
      baselineOn: daysFromToday(-100),
      targetValue: 100,
      targetOn: daysFromToday(100),
    })
    .expect(201);
  return res.body as { id: string };
}

/** A reading of `measureId` recorded through the API by `who` (its owner or a manager). */
export async function recordReading(
  t: TestApp,
  who: TestUser,
  at: { actionId: string; measureId: string },
  reading: { value: number; observedOn: string },
): Promise<void> {
  await who
    .as(request(t.server).post(`/api/actions/${at.actionId}/measures/${at.measureId}/readings`))
    .send(reading)
    .expect(201);
}
