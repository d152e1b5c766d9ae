// Each role's workspace walked in Chromium from the sign-in letter (docs/DESIGN.md, "Workspaces"):
// the communications officer's week on a phone, the head's page from an escalation letter, the
// editors' four-eyes path from a draft to its distribution, the administrator's exemptions and rules.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { queryRows, sql } from '@hub/common';
import { gqlData, tokenFor } from '@hub/common/testing';
import { launchBrowser, openPage, type BrowserPage } from './support/browser.js';
import { accessibilityViolations, count, signInByLetter, signInWithToken } from './support/dashboard.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { addOfficialPage } from './support/fixtures.js';
import { standInPost, startStandIn, type StandIn } from '@hub/monitoring/standin';
import { SUGGEST_THRESHOLD, AUTO_THRESHOLD, scoreMatch } from '../services/monitoring/src/domain/match.js';

// Thursday 26 November 2026, 13:00 in Khabarovsk: four days of 2026-W48 are left.
const NOW = new Date('2026-11-26T03:00:00Z');
const PHONE = { width: 390, height: 844 };
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

let hub: TestHub;
let standIn: StandIn;
let browser: Browser;
let admin: string;
const pages: BrowserPage[] = [];

const api = <T>(query: string, variables: Record<string, unknown> = {}) => gqlData<T>(hub.gatewayUrl, query, variables, admin);
const origin = () => hub.gatewayUrl.replace(/\/graphql$/u, '');

interface OfficerWeek {
  email: string;
  organization: {
    id: string;
    name: string;
    weekProgress: { placed: number; required: number; remaining: number } | null;
    receivedMaterials: { id: string; title: string; body: string; hashtags: string[] }[];
    placements: { material: { id: string } }[];
    pages: { id: string; platform: string; url: string; platformId: string | null }[];
  };
}

/** A post's address on the page, as its platform spells one (services/organizations/src/domain/post-url.ts). */
function postOn(page: OfficerWeek['organization']['pages'][number], n: number): string | null {
  switch (page.platform) {
    case 'TELEGRAM':
    case 'MAX':
      return `${page.url.replace(/\/$/u, '')}/${1000 + n}`;
    case 'VK':
      return page.platformId ? `https://vk.com/wall-${page.platformId}_${1000 + n}` : null;
    case 'OK':
      return `${page.url.replace(/\/$/u, '')}/topic/${9_000_000 + n}`;
    default:
      return `${page.url.replace(/\/$/u, '')}/news/${1000 + n}`;
  }
}

/** A demo officer whose organization has not met this week's norm yet and was sent enough materials to meet it. */
async function officerBehindTheNorm(): Promise<OfficerWeek> {
  const { users } = await api<{ users: { edges: { node: OfficerWeek }[] } }>(
    `{ users(role: OPERATOR, first: 100) { edges { node { email organization {
        id name weekProgress { placed required remaining }
        receivedMaterials { id title body hashtags }
        placements { material { id } }
        pages { id platform url platformId }
    } } } } }`,
  );
  const officer = users.edges
    .map((e) => e.node)
    .find(({ organization: o }) => {
      const unplaced = o.receivedMaterials.filter((m) => !o.placements.some((p) => p.material.id === m.id));
      return (
        o.weekProgress && o.weekProgress.remaining >= 2 && unplaced.length >= o.weekProgress.remaining && o.pages.some((p) => postOn(p, 0))
      );
    });
  if (!officer) throw new Error('The demo region has no officer behind this week’s norm');
  return officer;
}

beforeAll(async () => {
  // The platforms' stand-in: a page the officer's organization adds later, with a post the hub is not sure of.
  standIn = await startStandIn([]);
  hub = await startTestHub({ seed: 'demo', clock: () => NOW, env: standIn.env() });
  admin = await tokenFor('ADMIN');
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  for (const { context } of pages) await context.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
  await standIn?.close();
});

describe("the communications officer's workspace", () => {
  let officer: BrowserPage;
  const reported: { postUrl: string; materialTitle: string; materialId: string; materialBody: string }[] = [];
  let officerOrganizationId = '';

  it('opens from the sign-in letter on a phone, copies a material, refuses a page address, reports the placements and shows the norm met', async () => {
    const { email, organization } = await officerBehindTheNorm();
    officerOrganizationId = organization.id;
    const opened = await openPage(browser);
    pages.push(opened);
    officer = opened;
    const { page, context, problems } = opened;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin() });
    await page.setViewportSize(PHONE);
    // The page's clock is the hub's: «now» in the form is a time the hub accepts.
    await page.clock.setFixedTime(NOW);
    await page.goto(`${origin()}/dashboard/`);
    await signInByLetter(page, hub, email);

    await page.getByRole('heading', { level: 2, name: organization.name }).waitFor();
    const { placed, required, remaining } = organization.weekProgress!;
    const progress = page.locator('.progress');
    await expect(progress.locator('.progress-summary').textContent()).resolves.toBe(
      `Неделя 23–29 нояб.: размещено ${placed} из ${required}`,
    );
    await expect(progress.getByRole('status').textContent()).resolves.toMatch(
      /^Осталось разместить \d материала?: до конца недели 4 дня\.$/u,
    );

    await page.screenshot({ path: `${ARTIFACTS}operator-week.png` });

    const unplaced = organization.receivedMaterials.filter((m) => !organization.placements.some((p) => p.material.id === m.id));
    const target = organization.pages.find((p) => postOn(p, 0))!;
    const first = page.locator(`article[data-material-id="${unplaced[0]!.id}"]`);
    await first.getByRole('button', { name: 'Копировать текст' }).click();
    await expect.poll(() => first.getByRole('status').textContent()).toContain('Текст скопирован');
    // Evaluated in the page: the tests' own types know no DOM.
    const copied = await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
    );
    expect(copied).toBe(
      [unplaced[0]!.title, unplaced[0]!.body, unplaced[0]!.hashtags.map((t) => `#${t}`).join(' ')].filter(Boolean).join('\n\n'),
    );

    // The page's own address is not a post: refused on the spot, in words, and nothing is stored.
    await first.getByLabel('Ссылка на публикацию').fill(target.url);
    await first.getByRole('button', { name: 'Отметить размещение' }).click();
    await expect(first.getByRole('alert').textContent()).resolves.toMatch(/^Это не адрес публикации на странице /u);
    expect(await placementCount(organization.id)).toBe(placed);

    for (const [i, material] of unplaced.slice(0, remaining).entries()) {
      const article = page.locator(`article[data-material-id="${material.id}"]`);
      await article.getByLabel('Ссылка на публикацию').fill(postOn(target, i)!);
      await article.getByRole('button', { name: 'Отметить размещение' }).click();
      await expect.poll(() => article.getAttribute('class')).toContain('material-placed');
      reported.push({ postUrl: postOn(target, i)!, materialTitle: material.title, materialId: material.id, materialBody: material.body });
    }
    await expect.poll(() => progress.getByRole('status').textContent()).toBe('Норма недели выполнена.');
    expect(await placementCount(organization.id)).toBe(required);
    await page.screenshot({ path: `${ARTIFACTS}operator-norm-met.png`, fullPage: true });

    expect(await accessibilityViolations(page)).toEqual([]);
    // The refused report's 400 is the one error the browser logs.
    expect(problems.filter((p) => !/status of 400/u.test(p))).toEqual([]);
  });

  it("corrects a placement's address, withdraws another with a reason, and the week is behind the norm again", async () => {
    const { page, problems } = officer;
    const [corrected, withdrawn] = reported;
    const item = (postUrl: string) => page.locator('#placements li').filter({ has: page.locator(`a[href="${postUrl}"]`) });

    const newUrl = corrected!.postUrl.replace(/(\d+)$/u, (n) => String(Number(n) + 500));
    await item(corrected!.postUrl).getByRole('button', { name: 'Исправить' }).click();
    await item(corrected!.postUrl).getByLabel('Ссылка на публикацию').fill(newUrl);
    await item(corrected!.postUrl).getByRole('button', { name: 'Сохранить исправление' }).click();
    await item(newUrl).waitFor();
    await expect(page.locator('.progress').getByRole('status').textContent()).resolves.toBe('Норма недели выполнена.');

    await item(withdrawn!.postUrl).getByRole('button', { name: 'Отозвать' }).click();
    await item(withdrawn!.postUrl).getByLabel('Причина отзыва').fill('Отмечено по ошибке: пост другого учреждения');
    await item(withdrawn!.postUrl).getByRole('button', { name: 'Отозвать размещение' }).click();
    await item(withdrawn!.postUrl).waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.progress').getByRole('status').textContent()).toMatch(/^Осталось разместить 1 материал: /u);
    const { organization } = await api<{ organization: { withdrawnPlacements: { url: string; withdrawalReason: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { withdrawnPlacements { url withdrawalReason } } }',
      { id: officerOrganizationId },
    );
    expect(organization.withdrawnPlacements).toContainEqual({
      url: withdrawn!.postUrl,
      withdrawalReason: 'Отмечено по ошибке: пост другого учреждения',
    });
    expect(problems.filter((p) => !/status of 400/u.test(p))).toEqual([]);
  });

  it('asks the officer about a post it is not sure of; confirmed, the post counts and the norm is met again', async () => {
    const { page, problems } = officer;
    // The material whose placement the officer withdrew: a post on a new page that half-quotes it.
    const { materialId, materialTitle, materialBody } = reported[1]!;
    const words = materialBody.split(/\s+/u);
    const own = 'Специалисты учреждения расскажут подробности на приёме граждан в пятницу и ответят на вопросы в комментариях.';
    const text = words
      .map((_, n) => `${words.slice(0, n + 1).join(' ')} ${own}`)
      .find((candidate) => {
        const match = scoreMatch(
          { text: candidate, links: [], attachments: [] },
          { id: materialId, title: materialTitle, body: materialBody, links: [] },
        );
        return match !== null && match.score >= SUGGEST_THRESHOLD && match.score < AUTO_THRESHOLD;
      });
    if (!text) throw new Error('No excerpt of the material scores as a suggestion');
    standIn.pages.push({
      platform: 'VK',
      handle: 'officer_suggestion27',
      platformPageId: '270000027',
      title: 'Страница учреждения',
      status: 'OK',
      posts: [standInPost('77', new Date(NOW.getTime() - 30 * 60_000), text)],
    });
    const pageId = await addOfficialPage(hub.gatewayUrl, admin, {
      organizationId: officerOrganizationId,
      platform: 'VK',
      url: 'https://vk.com/officer_suggestion27',
    });
    const crawled = await api<{ crawlPage: { status: string } }>('mutation($id: ID!) { crawlPage(pageId: $id) { status } }', {
      id: pageId,
    });
    expect(crawled.crawlPage.status).toBe('OK');

    await page.getByRole('button', { name: 'Обновить' }).click();
    const suggestion = page.locator('#suggestions li').filter({ hasText: materialTitle });
    await suggestion.getByRole('button', { name: 'Да, это размещение' }).click();
    await expect.poll(() => page.locator('.progress').getByRole('status').textContent()).toBe('Норма недели выполнена.');
    await page.locator('#suggestions').waitFor({ state: 'detached' });
    const { organization } = await api<{ organization: { placements: { source: string; material: { id: string } }[] } }>(
      'query($id: ID!) { organization(id: $id) { placements { source material { id } } } }',
      { id: officerOrganizationId },
    );
    expect(organization.placements).toContainEqual({ source: 'DISCOVERED', material: { id: materialId } });
    expect(problems.filter((p) => !/status of 400/u.test(p))).toEqual([]);
  });

  it("reports the month's mass-media mention of its pages", async () => {
    const { page, problems } = officer;
    const media = page.locator('#media');
    await media.getByText('Отметить публикацию в СМИ').click();
    await media.getByLabel('Издание').fill('Тихоокеанская звезда');
    await media.getByLabel('Ссылка на статью').fill('https://toz.su/news/society/kak-uchrezhdeniya-kraya-vedut-stranitsy');
    await media.getByRole('button', { name: 'Отметить публикацию' }).click();
    await media.getByRole('link', { name: 'Тихоокеанская звезда' }).waitFor();
    const { organization } = await api<{ organization: { mediaPublications: { outlet: string; url: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { mediaPublications { outlet url } } }',
      { id: officerOrganizationId },
    );
    expect(organization.mediaPublications).toContainEqual({
      outlet: 'Тихоокеанская звезда',
      url: 'https://toz.su/news/society/kak-uchrezhdeniya-kraya-vedut-stranitsy',
    });
    expect(problems.filter((p) => !/status of 400/u.test(p))).toEqual([]);
  });
});

describe("the head's page", () => {
  it("opens from an escalation letter's link through sign-in, at the organization the letter names, with those below it and their officers", async () => {
    // Last week's check escalates its misses: the digests go to the heads.
    await api('mutation { runComplianceCheck(rule: WEEKLY_PLACEMENTS, period: "2026-W47") { status } }');
    const heads = await api<{
      users: { edges: { node: { email: string; organization: { id: string; name: string; children: { id: string }[] } } }[] };
    }>('{ users(role: HEAD, first: 500) { edges { node { email organization { id name children { id } } } } } }');
    const byEmail = new Map(heads.users.edges.map((e) => [e.node.email, e.node.organization]));
    const digests = await queryRows<{ to: string; text: string }>(
      hub.subgraphs.compliance.orm.em.fork(),
      sql`select "to", text from compliance.notification where kind = 'ESCALATION_DIGEST' order by created_at`,
    );
    // A head whose own organization has others below it, for the page to list them.
    const digest = digests.find((d) => byEmail.get(d.to)?.children.length);
    if (!digest) throw new Error('No escalation digest reached a head of an organization with subordinates');
    const organization = byEmail.get(digest.to)!;
    // The letter's first organization: one of the head's tree that missed.
    const [link, linkedId] = /https?:\/\/\S+\/dashboard\/#\/organizations\/([0-9a-f-]{36})/u.exec(digest.text) ?? [];
    expect(link, 'the letter links to an organization').toBeTruthy();
    const linked = await api<{ organization: { name: string } }>('query($id: ID!) { organization(id: $id) { name } }', { id: linkedId });

    const opened = await openPage(browser);
    pages.push(opened);
    const { page, problems } = opened;
    await page.clock.setFixedTime(NOW);
    await page.goto(`${origin()}${new URL(link!).pathname}${new URL(link!).hash}`);
    await signInByLetter(page, hub, digest.to);
    await page.getByRole('heading', { level: 2, name: linked.organization.name }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/organizations/${linkedId}`);
    expect(await page.locator('.who').textContent()).toMatch(/^руководитель · /u);
    await page.screenshot({ path: `${ARTIFACTS}head-from-letter.png`, fullPage: true });

    // Its own organization is the page's front: those below it, at risk first, with whom to call.
    await page.goto(`${origin()}/dashboard/`);
    await page.getByRole('heading', { level: 2, name: organization.name }).waitFor();
    const tree = page.locator('#tree li');
    await expect.poll(() => tree.count()).toBe(organization.children.length);
    await expect.poll(() => page.locator('#tree a[href^="mailto:"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}head-page.png`, fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    // One click opens an organization below it, and the way back is there.
    const child = tree.first();
    const childName = (await child.getByRole('button').textContent())!;
    await child.getByRole('button').click();
    await page.getByRole('heading', { level: 2, name: childName }).waitFor();
    await page.getByRole('link', { name: `← ${organization.name}` }).click();
    await page.getByRole('heading', { level: 2, name: organization.name }).waitFor();

    // The head registers a new officer for an organization below it, and takes the access away again.
    const officers = page.locator('#officers');
    await officers.getByText('Пригласить ответственного').click();
    await officers.getByLabel('Организация').selectOption(organization.children[0]!.id);
    await officers.getByLabel('ФИО').fill('Новикова Анна Петровна');
    await officers.getByLabel('Электронная почта').fill('a.novikova.smm@khv-region.test');
    await officers.getByRole('button', { name: 'Пригласить' }).click();
    await officers.getByText('Новикова Анна Петровна может входить по ссылке на a.novikova.smm@khv-region.test.').waitFor();
    const invited = officers.locator('li').filter({ hasText: 'a.novikova.smm@khv-region.test' });
    await invited.getByRole('button', { name: 'Отключить доступ' }).click();
    await officers.getByText('Новикова Анна Петровна больше не может входить в хаб.').waitFor();
    const { users } = await api<{ users: { edges: { node: { role: string; active: boolean; organization: { id: string } } }[] } }>(
      '{ users(search: "a.novikova.smm", includeInactive: true, first: 5) { edges { node { role active organization { id } } } } }',
    );
    expect(users.edges.map((e) => e.node)).toEqual([
      { role: 'OPERATOR', active: false, organization: { id: organization.children[0]!.id } },
    ]);
    expect(problems).toEqual([]);
  });
});

describe("the editor's workspace", () => {
  it('lets an editor draft with a preview, a second editor approve, and the first distribute to the recipients it counts', async () => {
    const title = 'Навигатор по мерам поддержки участников СВО и их семей';
    const author = await openPage(browser);
    const reviewer = await openPage(browser);
    pages.push(author, reviewer);
    for (const { page } of [author, reviewer]) await page.clock.setFixedTime(NOW);

    await author.page.goto(`${origin()}/dashboard/`);
    await signInByLetter(author.page, hub, 'editor@khv-region.test');
    await author.page.getByRole('heading', { level: 2, name: 'Новый материал' }).waitFor();
    expect(new URL(author.page.url()).hash).toBe('');
    await author.page.getByRole('button', { name: 'Написать материал' }).click();
    const form = author.page.locator('#new-material form');
    await form.getByLabel('Заголовок').fill(title);
    await form.getByLabel('Текст', { exact: true }).fill('В крае работает навигатор по мерам поддержки.\n\nПодробности — на Госуслугах.');
    await form.getByLabel('Хештеги').fill('#Хабаровскийкрай, Госуслуги');
    await expect
      .poll(() => form.locator('.material-preview-text').textContent())
      .toBe(`${title}\n\nВ крае работает навигатор по мерам поддержки.\n\nПодробности — на Госуслугах.\n\n#Хабаровскийкрай #Госуслуги`);
    await author.page.screenshot({ path: `${ARTIFACTS}editor-draft-preview.png`, fullPage: true });
    await form.getByRole('button', { name: 'Создать черновик' }).click();
    const authored = author.page.locator('#materials article').filter({ hasText: title });
    await authored.waitFor();
    await expect(authored.getAttribute('data-status')).resolves.toBe('DRAFT');
    await expect(authored.textContent()).resolves.toContain('Согласует другой редактор.');
    // The author's own draft is not in its review queue.
    expect(await author.page.locator('#review article').filter({ hasText: title }).count()).toBe(0);

    await reviewer.page.goto(`${origin()}/dashboard/`);
    await signInByLetter(reviewer.page, hub, 'editor2@khv-region.test');
    const queued = reviewer.page.locator('#review article').filter({ hasText: title });
    await queued.getByRole('button', { name: 'Согласовать' }).click();
    await queued.waitFor({ state: 'detached' });
    expect(reviewer.problems).toEqual([]);

    await author.page.getByRole('button', { name: 'Обновить' }).click();
    await expect.poll(() => authored.getAttribute('data-status')).toBe('APPROVED');
    await authored.getByRole('button', { name: 'Разослать…' }).click();
    await authored.getByLabel('Органы исполнительной власти').check();
    await authored.getByLabel('Муниципальные образования').check();
    const { audienceSize } = await api<{ audienceSize: number }>('{ audienceSize(audience: { kinds: [EXECUTIVE_BODY, MUNICIPALITY] }) }');
    await expect.poll(() => authored.locator('[data-recipients]').getAttribute('data-recipients')).toBe(String(audienceSize));
    await authored.getByRole('button', { name: `Разослать ${audienceSize} получателям` }).click();
    await expect.poll(() => authored.getAttribute('data-status')).toBe('DISTRIBUTED');
    await author.page.screenshot({ path: `${ARTIFACTS}editor-distributed.png`, fullPage: true });

    const { materials } = await api<{
      materials: { edges: { node: { status: string; author: string; approvedBy: string; recipientCount: number } }[] };
    }>('query($s: String) { materials(search: $s, first: 5) { edges { node { status author approvedBy recipientCount } } } }', {
      s: title,
    });
    expect(materials.edges.map((e) => e.node)).toEqual([
      { status: 'DISTRIBUTED', author: 'editor@khv-region.test', approvedBy: 'editor2@khv-region.test', recipientCount: audienceSize },
    ]);
    expect(await accessibilityViolations(author.page)).toEqual([]);
    expect(author.problems).toEqual([]);
  });
});

describe("the administrator's workspace", () => {
  let adminPage: BrowserPage;
  let exempted: { id: string; name: string };

  it('grants an exemption for three weeks at once and previews a threshold change without saving it', async () => {
    await api('mutation { runComplianceCheck(rule: WEEKLY_PLACEMENTS, period: "2026-W47") { status } }');
    const { complianceReport } = await api<{ complianceReport: { edges: { node: { organization: { id: string; name: string } } }[] } }>(
      '{ complianceReport(period: "2026-W47", rule: WEEKLY_PLACEMENTS, status: MISSED, first: 1) { edges { node { organization { id name } } } } }',
    );
    const organization = complianceReport.edges[0]!.node.organization;
    exempted = organization;
    const opened = await openPage(browser);
    pages.push(opened);
    adminPage = opened;
    const { page, problems } = opened;
    await page.clock.setFixedTime(NOW);
    await page.goto(`${origin()}/dashboard/`);
    await signInByLetter(page, hub, 'admin@khv-region.test');
    await page.getByRole('link', { name: 'Администрирование' }).click();
    expect(new URL(page.url()).hash).toBe('#/admin');

    const form = page.locator('#exemptions form');
    await form.getByLabel('Организация: поиск по названию или ИНН').fill(organization.name);
    await form.locator(`#exemption-organization option[value="${organization.id}"]`).waitFor({ state: 'attached' });
    await form.getByLabel('Организация', { exact: true }).selectOption(organization.id);
    await form.getByLabel('С периода').fill('2026-W45');
    await form.getByLabel('По период (включительно)').fill('2026-W47');
    await form.getByLabel('Причина').fill('Реорганизация пресс-службы');
    await form.getByLabel('Действует до (необязательно)').fill('2027-01-31');
    await form.getByRole('button', { name: 'Освободить' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe('Освобождение предоставлено: 2026-W45 (2–8 нояб.), 2026-W46 (9–15 нояб.), 2026-W47 (16–22 нояб.).');
    await expect.poll(() => page.locator(`#exemption-list tr[data-organization-id="${organization.id}"]`).count()).toBe(3);
    const { exemptions } = await api<{ exemptions: { period: string; reason: string; organization: { id: string } }[] }>(
      '{ exemptions { period reason organization { id } } }',
    );
    expect(
      exemptions
        .filter((e) => e.organization.id === organization.id)
        .map((e) => [e.period, e.reason])
        .sort(),
    ).toEqual(['2026-W45', '2026-W46', '2026-W47'].map((p) => [p, 'Реорганизация пресс-службы']));

    const rule = page.locator('[data-rule="WEEKLY_PLACEMENTS"]');
    await rule.getByLabel('Новый порог').fill('4');
    await rule.getByRole('button', { name: 'Показать последствия' }).click();
    const { previewRuleChange: preview } = await api<{ previewRuleChange: { period: string; wouldMiss: number; changed: number } }>(
      '{ previewRuleChange(code: WEEKLY_PLACEMENTS, input: { threshold: 4 }) { period wouldMiss changed } }',
    );
    const shown = rule.locator('[data-preview]');
    await expect.poll(() => shown.textContent()).toContain(`За ${preview.period}:`);
    expect(await shown.textContent()).toContain(
      `не выполнили бы ${count(preview.wouldMiss)}; итог изменится у ${count(preview.changed)} организаций`,
    );
    await page.screenshot({ path: `${ARTIFACTS}admin-exemptions-and-preview.png`, fullPage: true });
    const { complianceRules } = await api<{ complianceRules: { code: string; threshold: number }[] }>(
      '{ complianceRules { code threshold } }',
    );
    expect(complianceRules.find((r) => r.code === 'WEEKLY_PLACEMENTS')!.threshold).toBe(3);

    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("changes an organization's head and adds a page to it from the registry", async () => {
    const { page, problems } = adminPage;
    await page.locator('#registry').getByLabel('Поиск по названию или ИНН', { exact: true }).fill(exempted.name);
    const item = page.locator('#registry li').filter({ hasText: exempted.name }).first();
    await item.getByText('Изменить руководителя или добавить страницу').click();
    await item.getByLabel('ФИО руководителя').fill('Ковалёва Ирина Сергеевна');
    await item.getByLabel('Должность').fill('Директор');
    await item.getByLabel('Электронная почта руководителя').fill('i.kovaleva@khv-region.test');
    await item.getByRole('button', { name: 'Сохранить руководителя' }).click();
    await item.getByText('Руководитель сохранён: письма пойдут ему.').waitFor();
    await item.getByLabel('Площадка').selectOption('TELEGRAM');
    await item.getByLabel('Адрес страницы').fill('https://t.me/registry_test_page27');
    await item.getByRole('button', { name: 'Добавить страницу' }).click();
    await item.getByText('Страница добавлена.').waitFor();
    const { organization } = await api<{
      organization: { head: { fullName: string; email: string }; pages: { platform: string; url: string }[] };
    }>('query($id: ID!) { organization(id: $id) { head { fullName email } pages { platform url } } }', { id: exempted.id });
    expect(organization.head).toEqual({ fullName: 'Ковалёва Ирина Сергеевна', email: 'i.kovaleva@khv-region.test' });
    expect(organization.pages).toContainEqual({ platform: 'TELEGRAM', url: 'https://t.me/registry_test_page27' });
    expect(problems).toEqual([]);
  });

  it('raises a level of the escalation ladder', async () => {
    const { page, problems } = adminPage;
    type Ladder = { escalationPolicy: { levels: { level: number; minConsecutive: number }[] } };
    const before = (await api<Ladder>('{ escalationPolicy { levels { level minConsecutive } } }')).escalationPolicy.levels;
    const top = before.at(-1)!;
    await page.getByLabel(`Уровень ${top.level}: пропусков подряд`, { exact: true }).fill(String(top.minConsecutive + 1));
    await page.getByRole('button', { name: 'Сохранить пороги' }).click();
    await expect
      .poll(async () => (await api<Ladder>('{ escalationPolicy { levels { level minConsecutive } } }')).escalationPolicy.levels)
      .toEqual(before.map((l) => (l.level === top.level ? { ...l, minConsecutive: top.minConsecutive + 1 } : l)));
    expect(problems).toEqual([]);
  });
});

describe('every workspace on a phone', () => {
  it.each([
    ['the head', 'HEAD', '#/', '#tree li'],
    ['the editor', 'EDITOR', '#/', '#materials article'],
    ['the administrator', 'ADMIN', '#/admin', '#rules article'],
  ] as const)(
    "fits %s's workspace in a phone's width, with no error and nothing axe-core objects to",
    async (_who, role, hash, content) => {
      const { users } = await api<{ users: { edges: { node: { organization: { id: string; children: { id: string }[] } } }[] } }>(
        '{ users(role: HEAD, first: 500) { edges { node { organization { id children { id } } } } } }',
      );
      const headOf = users.edges.find((e) => e.node.organization.children.length > 0)!.node.organization.id;
      const opened = await openPage(browser);
      pages.push(opened);
      const { page, problems } = opened;
      await page.setViewportSize(PHONE);
      await page.clock.setFixedTime(NOW);
      await page.goto(`${origin()}/dashboard/${hash}`);
      await signInWithToken(page, await tokenFor(role, role === 'HEAD' ? headOf : null));
      await page.locator(content).first().waitFor();
      await page.locator('main[aria-busy="true"]').waitFor({ state: 'detached' });
      const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTIFACTS}phone-${role.toLowerCase()}.png` });
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    },
  );
});

async function placementCount(organizationId: string): Promise<number> {
  const { organization } = await api<{ organization: { placementCount: number } }>(
    'query($id: ID!) { organization(id: $id) { placementCount } }',
    {
      id: organizationId,
    },
  );
  return organization.placementCount;
}
