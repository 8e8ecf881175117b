import { ImportService } from '@app/inspections';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCouncilWithPeople } from '../factories/people';
import { only } from '../support/items';
import {
  andWait,
  banner,
  type BrowserServer,
  BrowserPages,
  expectAccessible,
  launchBrowser,
  mainText,
  startServer,
  useSession,
} from './support/browser';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/**
 * A manager confirms that a new report's finding was raised before, on the review page, and
 * the action's page then tells its owner what was done the first time; axe on every page.
 */
describe('repeat findings in a browser: confirm on the review, see “raised before” on the action', () => {
  let server: BrowserServer;
  let home: Cast;
  let browser: Browser;
  let pages: BrowserPages;
  let manager: Page;
  let earlierId = '';
  let laterId = '';
  let actionId = '';

  const importFixture = async (name: string) =>
    server.app.get(ImportService).importReport({
      councilId: home.council.id,
      importedById: home.manager.user.id,
      fileName: name,
      content: readFileSync(join(__dirname, '..', 'fixtures', 'reports', name)),
    });

  beforeAll(async () => {
    server = await startServer();
    home = await createCouncilWithPeople(server, { name: 'Ashby Vale Borough Council' });
    earlierId = (await importFixture('ashby-vale-sif-2015.txt')).inspection.id;
    const later = await importFixture('ashby-vale-focused-visit-2022.txt');
    laterId = later.inspection.id;
    const r1 = only(later.recommendations.filter((rec) => rec.ref === 'R1'));
    actionId = only(later.actions.filter((action) => action.recommendationId === r1.id)).id;
    browser = await launchBrowser();
    pages = new BrowserPages(browser, server);
    manager = await pages.open();
    await useSession(manager.context(), server, home.manager);
  });

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the proposal on the review page, and confirms it', async () => {
    await pages.go(manager, `/inspections/${laterId}`);
    const text = await mainText(manager);
    expect(text).toContain('Possibly raised before');
    expect(text).toContain('Similar to R9 of the full inspection of');
    await expectAccessible(manager);

    await andWait(manager, () =>
      manager.getByRole('button', { name: 'Confirm repeat', exact: true }).click(),
    );
    await expect(banner(manager)).resolves.toContain('Confirmed: R1 repeats R9 of');
    await expect(mainText(manager)).resolves.toContain('Repeat finding');
    await expectAccessible(manager);
  });

  it('tells the action’s owner what was done before, and the old inspection that it came back', async () => {
    await pages.go(manager, `/actions/${actionId}`);
    expect(
      await manager.getByRole('heading', { name: 'Raised before, and what was done then' }).count(),
    ).toBe(1);
    await expect(mainText(manager)).resolves.toContain('No progress notes were recorded.');
    await expectAccessible(manager);

    await pages.go(manager, `/inspections/${earlierId}`);
    await expect(mainText(manager)).resolves.toContain('Raised again in');
    await expectAccessible(manager);
  });
});
