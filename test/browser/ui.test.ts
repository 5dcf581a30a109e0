/**
 * The web UI in a real Chromium (Debian's /usr/bin/chromium driven by playwright-core): sign in,
 * open the riskiest person of a simulated data set, see their findings and the map, open a case,
 * close it as benign and see the score drop; open a cluster and see its graph.
 * Chromium must be installed (`apt-get install chromium`); without it this test fails, it does
 * not skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/commands/scan-runner.js';
import { parseConfig } from '../../src/config/config.js';
import { SecretKey } from '../../src/config/secret.js';
import { createUser } from '../../src/serve/services/accounts.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { simulate } from '../../src/simulate/index.js';
import { openStore, type Store } from '../../src/store/db.js';
import { silentLogger } from '../../src/util/log.js';
import { tempDir } from '../helpers/stores.js';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = join(process.cwd(), 'web', 'dist');
const PASSWORD = 'browser test password';

describe('web UI in Chromium', () => {
  const tmp = tempDir('unmask-browser-');
  let store: Store;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium); this test does not skip`);
    if (!existsSync(join(WEB_ROOT, 'index.html'))) execFileSync('npm', ['run', 'build:web'], { stdio: 'inherit' });

    const config = parseConfig({});
    const data = join(tmp.dir, 'data');
    await simulate({ people: 80, seed: 'browser-ui', out: data });
    store = await openStore(join(tmp.dir, 'unmask.db'));
    await runScan({ store, dir: data, config, key: new SecretKey(Buffer.alloc(32, 3)), log: silentLogger });
    await createUser(store, { username: 'ana', password: PASSWORD, role: 'analyst' });
    server = await startServer({ store, config, port: 0, host: '127.0.0.1', log: silentLogger, webRoot: WEB_ROOT, secretKey: () => new SecretKey(Buffer.alloc(32, 3)) });

    // A fresh profile folder per run (playwright passes it to Chromium as --user-data-dir).
    context = await chromium.launchPersistentContext(join(tmp.dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1000 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    tmp.remove();
  });

  const scoreOnPage = async () => Number(await page.getByTestId('person-score').getAttribute('data-score'));

  it('signs in, opens the riskiest person, sees findings and the map, closes a case as benign and sees the score drop', async () => {
    await page.goto(server.url);
    await page.getByLabel('User name').fill('ana');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('who').textContent()).toContain('ana');

    await page.getByRole('link', { name: 'People', exact: true }).click();
    const firstRow = page.getByTestId('people-table').locator('tbody tr').first();
    await firstRow.waitFor();
    const firstName = (await firstRow.locator('td').nth(1).textContent())!.trim();
    // The table is sorted riskiest first: the first row's score is the highest.
    const scores = await page.getByTestId('people-table').locator('tbody tr td:first-child').allTextContents();
    const nums = scores.map((s) => Number(s.split('·')[0])).filter((n) => !Number.isNaN(n));
    expect(nums.length).toBeGreaterThan(5);
    expect(nums[0]).toBe(Math.max(...nums));
    await firstRow.getByRole('link', { name: firstName }).click();

    await page.getByRole('heading', { level: 1, name: firstName }).waitFor();
    const before = await scoreOnPage();
    expect(before).toBeGreaterThan(0);
    const findings = page.getByTestId('findings').locator('li.finding');
    await findings.first().waitFor();
    expect(await findings.count()).toBeGreaterThan(0);
    const map = page.getByTestId('signin-map');
    await map.waitFor();
    expect(await map.locator('path.map-land').count()).toBeGreaterThan(100);
    expect(await map.locator('g.mk').count()).toBeGreaterThan(0);
    expect(await map.locator('g.mk[data-kind="signin"]').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Open a case' }).click();
    await page.getByTestId('case-status').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toContain('open');
    await page.getByLabel('Reason').fill('Reviewed with IT: the tools and locations are explained by an approved travel and support arrangement.');
    await page.getByRole('button', { name: 'Close as benign' }).click();
    await page.locator('[data-testid="rescore-job"][data-status="done"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('benign');

    await page.locator('a.subject-link').click();
    await page.getByRole('heading', { level: 1, name: firstName }).waitFor();
    await expect.poll(scoreOnPage).toBeLessThan(before);
  }, 180_000);

  it('renders a cluster graph with its people and shared identifiers', async () => {
    await page.getByRole('link', { name: 'Clusters', exact: true }).click();
    const first = page.locator('table tbody tr td:nth-child(2) a').first();
    await first.waitFor();
    await first.click();
    const graph = page.getByTestId('cluster-graph');
    await graph.waitFor();
    const people = await graph.locator('g.node[data-node-kind="person"]').count();
    expect(people).toBeGreaterThanOrEqual(2);
    expect(await graph.locator('g.node[data-node-kind="identifier"]').count()).toBeGreaterThan(0);
    expect(await graph.locator('line.edge').count()).toBeGreaterThan(0);
    // Nodes were laid out: not all on one spot.
    const transforms = new Set(await graph.locator('g.node').evaluateAll((els) => els.map((e) => e.getAttribute('transform'))));
    expect(transforms.size).toBeGreaterThan(1);
    await page.screenshot({ path: join(tmp.dir, 'cluster.png') });
  }, 60_000);
});
