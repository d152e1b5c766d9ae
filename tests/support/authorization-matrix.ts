/**
 * Who may call each root field of the supergraph. Every Query and Mutation field
 * has one row; tests/authorization-matrix.e2e.test.ts fails on a field without a row.
 *
 * Callers: the five roles, with OPERATOR and HEAD twice: OWN acts for the municipality the row's
 * target belongs to, OTHER for an organization of another municipality. "allowed": answered
 * without an error (every allowed call gets a target it can act on, so a business rule's error
 * cannot hide a refusal); "FORBIDDEN": refused, and for a mutation nothing changed.
 */

export const CALLERS = ['ADMIN', 'EDITOR', 'ANALYST', 'OPERATOR_OWN', 'OPERATOR_OTHER', 'HEAD_OWN', 'HEAD_OTHER'] as const;
export type Caller = (typeof CALLERS)[number];
export type Outcome = 'allowed' | 'FORBIDDEN';
export type PerCaller = Record<Caller, string>;

/** What beforeAll builds through the gateway as ADMIN on the demo region. */
export interface Fixtures {
  now: string;
  /** The last complete week, evaluated. */
  week: string;
  /** OPERATOR_OWN's and HEAD_OWN's organization, and one of its subordinates. */
  municipality: string;
  subordinate: string;
  /** OPERATOR_OTHER's and HEAD_OTHER's: a subordinate of another municipality. */
  other: string;
  /** Distributed to the municipality only. */
  material: string;
  drafts: { update: PerCaller; approve: PerCaller; withdraw: PerCaller };
  approved: PerCaller;
  organizations: { update: PerCaller; deactivate: PerCaller };
  /** Telegram channels of the subordinate, one per caller, unverified and without the widget. */
  pages: PerCaller;
  pageUrls: PerCaller;
  /** A post seen on each caller's page, with the hub's suggestion that it places `material` (decision null). */
  posts: PerCaller;
  /** Placements reported on each caller's page at `now`: one to correct, one to withdraw. */
  placements: { correct: PerCaller; withdraw: PerCaller };
  exemptions: PerCaller;
  /** Letters already sent, so that a resend would change them. */
  notifications: PerCaller;
  /** Open methodological notes of the ЦУР, one per caller to mark answered. */
  notes: PerCaller;
  /** Communications officers (OPERATOR) of the subordinate, one per caller to deactivate. */
  people: PerCaller;
  suppressWhenParentTold: boolean;
  monthlyMediaThreshold: number;
}

export interface Read {
  document: string;
  variables?: Record<string, unknown>;
}

export interface Entry {
  document: string;
  variables?: (f: Fixtures, caller: Caller) => Record<string, unknown>;
  expect: Record<Caller, Outcome>;
  /** Mutations: what the call would change, read as ADMIN before and after the refused calls. */
  state?: (f: Fixtures) => Read[];
}

export const allow = (...callers: Caller[]): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((c) => [c, callers.includes(c) ? 'allowed' : 'FORBIDDEN'])) as Record<Caller, Outcome>;

const EVERYONE = allow(...CALLERS);
/** Region-wide roles, and scoped ones for their own tree. */
const OWN_TREE = allow('ADMIN', 'EDITOR', 'ANALYST', 'OPERATOR_OWN', 'HEAD_OWN');
/** Lists that scoped roles read narrowed to their tree rather than refused. */
const COMPLIANCE_READERS = allow('ADMIN', 'ANALYST', 'OPERATOR_OWN', 'OPERATOR_OTHER', 'HEAD_OWN', 'HEAD_OTHER');
const ADMIN_ONLY = allow('ADMIN');
const MATERIAL_WRITERS = allow('ADMIN', 'EDITOR');
const REPORTERS = allow('ADMIN', 'OPERATOR_OWN');

const tag = (caller: Caller) => caller.toLowerCase();
const eachOf = (ids: PerCaller, document: string): Read[] => Object.values(ids).map((id) => ({ document, variables: { id } }));

const MATERIAL_STATE =
  'query($id: ID!) { material(id: $id) { status title updatedAt approvedAt distributedAt recipientCount withdrawnAt } }';
const ORGANIZATION_STATE = 'query($id: ID!) { organization(id: $id) { name active deactivationReason } }';
const SUBORDINATE_PAGES = 'query($id: ID!) { organization(id: $id) { pages { id verified feedbackWidgets { form placedAt } } } }';
const SUBORDINATE_CRAWLS = 'query($id: ID!) { organization(id: $id) { pages { id crawl { status lastCrawledAt error } } } }';
const SUBORDINATE_MATCHES =
  'query($id: ID!) { organization(id: $id) { pages { id posts(first: 50) { edges { node { id matches { material { id } decision } } } } } } }';
const SUBORDINATE_PLACEMENTS = 'query($id: ID!) { organization(id: $id) { placements { id url publishedAt } } }';
const EXEMPTIONS_STATE = '{ exemptions(includeRevoked: true) { id period revokedAt } }';
const PEOPLE_STATE = (search: string): Read[] => [
  { document: `{ users(search: "${search}", includeInactive: true, first: 50) { totalCount edges { node { id email active role } } } }` },
];
/** ADMIN every person; a HEAD the people of its tree (another tree's head reads its own, not refused). */
const PEOPLE_READERS = allow('ADMIN', 'HEAD_OWN', 'HEAD_OTHER');
/** ADMIN, and a HEAD for the officers of its own tree. */
const PEOPLE_MANAGERS = allow('ADMIN', 'HEAD_OWN');
const NOTES_STATE = '{ methodologicalNotes(first: 500) { id answeredAt answeredBy answer } }';
/** Decree item 5: the ЦУР writes methodological notes, the content center answers them. */
const NOTE_READERS = allow('ADMIN', 'EDITOR', 'ANALYST');

export const MATRIX: Record<string, Entry> = {
  // compliance
  'Query.complianceRules': { document: '{ complianceRules { code } }', expect: EVERYONE },
  'Query.complianceSummary': {
    document: 'query($p: String!) { complianceSummary(period: $p) { evaluated } }',
    variables: (f) => ({ p: f.week }),
    expect: COMPLIANCE_READERS,
  },
  'Query.complianceTrend': { document: '{ complianceTrend(weeks: 4) { period evaluated } }', expect: COMPLIANCE_READERS },
  'Query.previewRuleChange': {
    document: '{ previewRuleChange(code: WEEKLY_PLACEMENTS, input: { threshold: 4 }) { period changed } }',
    expect: allow('ADMIN', 'ANALYST'),
  },
  'Query.complianceHeatmap': {
    document: 'query($m: ID) { complianceHeatmap(weeks: 4, municipalityId: $m, first: 5) { totalCount } }',
    variables: (f) => ({ m: f.municipality }),
    expect: COMPLIANCE_READERS,
  },
  'Query.laggards': {
    document: 'query($p: String!) { laggards(period: $p, limit: 5) { consecutiveMisses } }',
    variables: (f) => ({ p: f.week }),
    expect: COMPLIANCE_READERS,
  },
  'Query.placementEvidence': {
    document: 'query($w: String!) { placementEvidence(week: $w) { placements discovered verifiedShare } }',
    variables: (f) => ({ w: f.week }),
    // As complianceSummary: the week's placements of the scoped roles' tree, not the content center's.
    expect: COMPLIANCE_READERS,
  },
  'Query.complianceReport': {
    document: 'query($p: String!) { complianceReport(period: $p, rule: WEEKLY_PLACEMENTS, first: 5) { totalCount } }',
    variables: (f) => ({ p: f.week }),
    // As complianceSummary (its counts are this report's) and the XLSX/CSV export of this report.
    expect: COMPLIANCE_READERS,
  },
  'Query.complianceRuns': { document: '{ complianceRuns(first: 5) { id } }', expect: allow('ADMIN', 'EDITOR', 'ANALYST') },
  'Query.exemptions': { document: '{ exemptions { id } }', expect: EVERYONE },
  'Query.weekAtRisk': { document: '{ weekAtRisk(first: 5) { remaining } }', expect: EVERYONE },
  'Query.scheduledJobs': { document: '{ scheduledJobs { name } }', expect: EVERYONE },
  'Query.escalations': {
    document: 'query($p: String!) { escalations(period: $p) { id recipients } }',
    variables: (f) => ({ p: f.week }),
    expect: EVERYONE,
  },
  'Query.escalationPolicy': { document: '{ escalationPolicy { suppressWhenParentTold } }', expect: EVERYONE },
  'Query.notifications': { document: '{ notifications(first: 5) { totalCount } }', expect: allow('ADMIN', 'ANALYST') },
  'Query.auditLog': { document: '{ auditLog(first: 5) { totalCount } }', expect: allow('ADMIN', 'ANALYST') },

  // organizations: people
  'Query.me': { document: '{ me { role organization { id } } }', expect: EVERYONE },
  'Query.users': { document: '{ users(first: 5) { totalCount } }', expect: PEOPLE_READERS },
  'Mutation.requestSignIn': {
    // Anyone, signed in or not: an unknown address is sent nothing.
    document: 'mutation($email: String!) { requestSignIn(email: $email) }',
    variables: (_f, caller) => ({ email: `matrix-${tag(caller)}@nowhere.test` }),
    expect: EVERYONE,
    state: () => [{ document: '{ notifications(first: 1) { totalCount } }' }],
  },
  'Mutation.inviteUser': {
    document: 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
    variables: (f, caller) => ({
      input: {
        email: `matrix-invited-${tag(caller)}@khv-region.test`,
        fullName: 'Иванова Мария Петровна',
        role: 'OPERATOR',
        organizationId: f.subordinate,
      },
    }),
    expect: PEOPLE_MANAGERS,
    state: () => PEOPLE_STATE('matrix-invited'),
  },
  'Mutation.deactivateUser': {
    document: 'mutation($id: ID!) { deactivateUser(id: $id) { active } }',
    variables: (f, caller) => ({ id: f.people[caller] }),
    expect: PEOPLE_MANAGERS,
    state: () => PEOPLE_STATE('matrix-officer'),
  },

  // content
  'Query.materials': { document: '{ materials(first: 5) { totalCount } }', expect: EVERYONE },
  'Query.material': {
    document: 'query($id: ID!) { material(id: $id) { id } }',
    variables: (f) => ({ id: f.material }),
    expect: OWN_TREE,
  },
  'Query.inbox': {
    document: 'query($org: ID) { inbox(organizationId: $org) { material { id } } }',
    variables: (f) => ({ org: f.municipality }),
    expect: OWN_TREE,
  },
  'Query.contentSupply': {
    document: 'query($w: String!) { contentSupply(week: $w) { distributed } }',
    variables: (f) => ({ w: f.week }),
    expect: EVERYONE,
  },
  'Query.contentSupplyHistory': { document: '{ contentSupplyHistory(weeks: 4) { week distributed } }', expect: EVERYONE },
  'Query.audienceSize': { document: '{ audienceSize(audience: { kinds: [MUNICIPALITY] }) }', expect: MATERIAL_WRITERS },
  'Query.methodologicalNotes': { document: '{ methodologicalNotes(open: true, first: 5) { id } }', expect: NOTE_READERS },

  // organizations
  'Query.organizations': { document: '{ organizations(first: 5) { totalCount } }', expect: EVERYONE },
  'Query.organization': {
    document: 'query($id: ID!) { organization(id: $id) { id } }',
    variables: (f) => ({ id: f.subordinate }),
    expect: OWN_TREE,
  },
  'Query.contentUptake': {
    document: 'query($w: String!) { contentUptake(week: $w) { recipients } }',
    variables: (f) => ({ w: f.week }),
    expect: EVERYONE,
  },
  'Query.topicUptake': {
    document: 'query($w: String!) { topicUptake(week: $w) { topic } }',
    variables: (f) => ({ w: f.week }),
    expect: EVERYONE,
  },
  'Query.reach': {
    document: 'query($p: String!) { reach(period: $p, groupBy: ORGANIZATION) { key reach { views placementsSeen } } }',
    variables: (f) => ({ p: f.week }),
    expect: EVERYONE,
  },
  'Query.pagesWithoutWidget': {
    document: 'query($under: ID) { pagesWithoutWidget(underOrganizationId: $under, first: 5) { totalCount } }',
    variables: (f) => ({ under: f.municipality }),
    expect: OWN_TREE,
  },
  'Query.widgetCoverage': {
    document: 'query($under: ID) { widgetCoverage(underOrganizationId: $under) { pages } }',
    variables: (f) => ({ under: f.municipality }),
    expect: OWN_TREE,
  },
  'Query.pageHealth': {
    document: 'query($org: ID) { pageHealth(filter: { organizationId: $org }, first: 5) { totalCount } }',
    variables: (f) => ({ org: f.municipality }),
    // As the pages' crawls, but not the content center: a page's health is its organization's and the overseers' business.
    expect: allow('ADMIN', 'ANALYST', 'OPERATOR_OWN', 'HEAD_OWN'),
  },

  'Mutation.runComplianceCheck': {
    document: 'mutation { runComplianceCheck(rule: CONTENT_CENTER_WEEKLY_SUPPLY, period: "2026-W47") { id } }',
    expect: allow('ADMIN', 'ANALYST'),
    state: () => [{ document: '{ complianceRuns(rule: CONTENT_CENTER_WEEKLY_SUPPLY, first: 100) { id } }' }],
  },
  'Mutation.grantExemption': {
    document: 'mutation($input: GrantExemptionInput!) { grantExemption(input: $input) { id } }',
    variables: (f, caller) => ({
      input: {
        organizationId: f.subordinate,
        rule: 'WEEKLY_PLACEMENTS',
        period: `2026-W${30 + CALLERS.indexOf(caller)}`,
        reason: `Проверка прав: ${caller}`,
      },
    }),
    expect: ADMIN_ONLY,
    state: () => [{ document: EXEMPTIONS_STATE }],
  },
  'Mutation.grantExemptions': {
    document: 'mutation($input: GrantExemptionsInput!) { grantExemptions(input: $input) { id } }',
    variables: (f, caller) => ({
      input: {
        organizationId: f.subordinate,
        rule: 'WEEKLY_PLACEMENTS',
        from: `2025-W${10 + 2 * CALLERS.indexOf(caller)}`,
        until: `2025-W${11 + 2 * CALLERS.indexOf(caller)}`,
        reason: `Проверка прав: ${caller}`,
      },
    }),
    expect: ADMIN_ONLY,
    state: () => [{ document: EXEMPTIONS_STATE }],
  },
  'Mutation.revokeExemption': {
    document: 'mutation($id: ID!) { revokeExemption(id: $id) { id } }',
    variables: (f, caller) => ({ id: f.exemptions[caller] }),
    expect: ADMIN_ONLY,
    state: () => [{ document: EXEMPTIONS_STATE }],
  },
  'Mutation.updateEscalationPolicy': {
    document: 'mutation($input: UpdateEscalationPolicyInput!) { updateEscalationPolicy(input: $input) { updatedBy } }',
    variables: (f) => ({ input: { suppressWhenParentTold: !f.suppressWhenParentTold } }),
    expect: ADMIN_ONLY,
    state: () => [
      {
        document:
          '{ escalationPolicy { levels { level minConsecutive recipients } contentCenterRecipients suppressWhenParentTold updatedBy updatedAt } }',
      },
    ],
  },
  'Mutation.resendNotification': {
    document: 'mutation($id: ID!) { resendNotification(id: $id) { status } }',
    variables: (f, caller) => ({ id: f.notifications[caller] }),
    expect: ADMIN_ONLY,
    state: () => [{ document: '{ notifications(status: SENT, first: 50) { totalCount edges { node { id attempts } } } }' }],
  },
  'Mutation.updateComplianceRule': {
    document:
      'mutation($input: UpdateComplianceRuleInput!) { updateComplianceRule(code: MONTHLY_MEDIA_MENTION, input: $input) { threshold } }',
    variables: (f) => ({ input: { threshold: f.monthlyMediaThreshold + 1 } }),
    expect: ADMIN_ONLY,
    state: () => [{ document: '{ complianceRules { code threshold deadline timezone } }' }],
  },

  'Mutation.createMaterial': {
    document: 'mutation($input: CreateMaterialInput!) { createMaterial(input: $input) { id } }',
    variables: (_, caller) => ({ input: { title: `Матрица прав: ${caller}`, body: 'Текст материала.', topic: 'SOCIAL' } }),
    expect: MATERIAL_WRITERS,
    state: () => [{ document: '{ materials(first: 0) { totalCount } }' }],
  },
  'Mutation.updateMaterial': {
    document: 'mutation($id: ID!, $input: UpdateMaterialInput!) { updateMaterial(id: $id, input: $input) { id } }',
    variables: (f, caller) => ({ id: f.drafts.update[caller], input: { title: `Исправлено: ${caller}` } }),
    expect: MATERIAL_WRITERS,
    state: (f) => eachOf(f.drafts.update, MATERIAL_STATE),
  },
  'Mutation.approveMaterial': {
    document: 'mutation($id: ID!) { approveMaterial(id: $id) { status } }',
    variables: (f, caller) => ({ id: f.drafts.approve[caller] }),
    expect: MATERIAL_WRITERS,
    state: (f) => eachOf(f.drafts.approve, MATERIAL_STATE),
  },
  'Mutation.distributeMaterial': {
    document: 'mutation($id: ID!, $audience: AudienceInput!) { distributeMaterial(id: $id, audience: $audience) { status } }',
    variables: (f, caller) => ({ id: f.approved[caller], audience: { organizationIds: [f.municipality] } }),
    expect: MATERIAL_WRITERS,
    state: (f) => eachOf(f.approved, MATERIAL_STATE),
  },
  'Mutation.withdrawMaterial': {
    document: 'mutation($id: ID!, $reason: String!) { withdrawMaterial(id: $id, reason: $reason) { status } }',
    variables: (f, caller) => ({ id: f.drafts.withdraw[caller], reason: `Проверка прав: ${caller}` }),
    expect: MATERIAL_WRITERS,
    state: (f) => eachOf(f.drafts.withdraw, MATERIAL_STATE),
  },
  'Mutation.addMethodologicalNote': {
    document: 'mutation($input: MethodologicalNoteInput!) { addMethodologicalNote(input: $input) { id } }',
    variables: (f, caller) => ({ input: { text: `Матрица прав: замечание ${caller}`, materialId: f.material, week: f.week } }),
    expect: allow('ADMIN', 'ANALYST'),
    state: () => [{ document: NOTES_STATE }],
  },
  'Mutation.markNoteAnswered': {
    document: 'mutation($id: ID!, $answer: String) { markNoteAnswered(id: $id, answer: $answer) { answeredAt } }',
    variables: (f, caller) => ({ id: f.notes[caller], answer: `Учтено: ${caller}` }),
    expect: allow('ADMIN', 'EDITOR'),
    state: () => [{ document: NOTES_STATE }],
  },

  'Mutation.reportPlacements': {
    document: 'mutation($input: [ReportPlacementInput!]!) { reportPlacements(input: $input) { accepted } }',
    variables: (f, caller) => ({
      input: [{ materialId: f.material, pageId: f.pages[caller], url: `${f.pageUrls[caller]}/1`, publishedAt: f.now }],
    }),
    expect: REPORTERS,
    state: (f) => [{ document: 'query($id: ID!) { material(id: $id) { placementCount } }', variables: { id: f.material } }],
  },
  'Mutation.correctPlacement': {
    document: 'mutation($id: ID!, $url: String!, $at: DateTime!) { correctPlacement(id: $id, url: $url, publishedAt: $at) { id } }',
    variables: (f, caller) => ({ id: f.placements.correct[caller], url: `${f.pageUrls[caller]}/200`, at: f.now }),
    expect: REPORTERS,
    state: (f) => [{ document: SUBORDINATE_PLACEMENTS, variables: { id: f.subordinate } }],
  },
  'Mutation.withdrawPlacement': {
    document: 'mutation($id: ID!, $reason: String!) { withdrawPlacement(id: $id, reason: $reason) { id } }',
    variables: (f, caller) => ({ id: f.placements.withdraw[caller], reason: `Проверка прав: ${caller}` }),
    expect: REPORTERS,
    state: (f) => [{ document: SUBORDINATE_PLACEMENTS, variables: { id: f.subordinate } }],
  },
  'Mutation.reportMediaPublication': {
    document: 'mutation($input: ReportMediaPublicationInput!) { reportMediaPublication(input: $input) { id } }',
    variables: (f, caller) => ({
      input: {
        organizationId: f.subordinate,
        outlet: 'Тихоокеанская звезда',
        url: `https://toz.su/news/matrix-${tag(caller)}`,
        publishedAt: f.now,
      },
    }),
    expect: REPORTERS,
    state: (f) => [
      { document: 'query($id: ID!) { organization(id: $id) { mediaPublications { id } } }', variables: { id: f.subordinate } },
    ],
  },
  'Mutation.registerOrganization': {
    document: 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }',
    variables: (f, caller) => ({
      input: {
        name: `Матрица прав: ${caller}`,
        kind: 'SUBORDINATE',
        parentId: f.municipality,
        head: { fullName: 'Иванов Иван Иванович', position: 'Директор', email: `register-${tag(caller)}@khv-region.test` },
      },
    }),
    expect: ADMIN_ONLY,
    state: () => [{ document: '{ organizations(includeInactive: true, first: 0) { totalCount } }' }],
  },
  'Mutation.updateOrganization': {
    document: 'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }',
    variables: (f, caller) => ({ id: f.organizations.update[caller], input: { name: `Переименована: ${caller}` } }),
    expect: ADMIN_ONLY,
    state: (f) => eachOf(f.organizations.update, ORGANIZATION_STATE),
  },
  'Mutation.deactivateOrganization': {
    document: 'mutation($id: ID!, $reason: String!) { deactivateOrganization(id: $id, reason: $reason) { active } }',
    variables: (f, caller) => ({ id: f.organizations.deactivate[caller], reason: `Ликвидирована: ${caller}` }),
    expect: ADMIN_ONLY,
    state: (f) => eachOf(f.organizations.deactivate, ORGANIZATION_STATE),
  },
  'Mutation.addOfficialPage': {
    document: 'mutation($input: AddOfficialPageInput!) { addOfficialPage(input: $input) { id } }',
    variables: (f, caller) => ({
      input: { organizationId: f.subordinate, platform: 'TELEGRAM', url: `https://t.me/matrix_new_${tag(caller)}` },
    }),
    expect: REPORTERS,
    state: (f) => [{ document: SUBORDINATE_PAGES, variables: { id: f.subordinate } }],
  },
  'Mutation.markFeedbackWidget': {
    document: 'mutation($id: ID!, $at: DateTime!) { markFeedbackWidget(pageId: $id, placedAt: $at) { id } }',
    variables: (f, caller) => ({ id: f.pages[caller], at: f.now }),
    expect: REPORTERS,
    state: (f) => [{ document: SUBORDINATE_PAGES, variables: { id: f.subordinate } }],
  },
  'Mutation.crawlPage': {
    document: 'mutation($id: ID!) { crawlPage(pageId: $id) { status } }',
    variables: (f, caller) => ({ id: f.pages[caller] }),
    expect: allow('ADMIN', 'ANALYST', 'OPERATOR_OWN'),
    state: (f) => [{ document: SUBORDINATE_CRAWLS, variables: { id: f.subordinate } }],
  },
  'Mutation.decidePostMatch': {
    document:
      'mutation($post: ID!, $material: ID!) { decidePostMatch(postId: $post, materialId: $material, confirmed: true) { decision } }',
    variables: (f, caller) => ({ post: f.posts[caller], material: f.material }),
    // The officer of the page's organization (or one above it) decides, and the committee; the ЦУР and the heads read.
    expect: REPORTERS,
    state: (f) => [{ document: SUBORDINATE_MATCHES, variables: { id: f.subordinate } }],
  },
  'Mutation.recordPageIdentity': {
    // The service identity's (SYSTEM, monitoring) alone: no person may set what a page is on its platform.
    document: 'mutation($id: ID!) { recordPageIdentity(pageId: $id, platformId: "123") { id } }',
    variables: (f, caller) => ({ id: f.pages[caller] }),
    expect: allow(),
    state: (f) => [{ document: 'query($id: ID!) { organization(id: $id) { pages { id platformId } } }', variables: { id: f.subordinate } }],
  },
  'Mutation.setPageVerified': {
    document: 'mutation($id: ID!) { setPageVerified(pageId: $id, verified: true) { verified } }',
    variables: (f, caller) => ({ id: f.pages[caller] }),
    expect: REPORTERS,
    state: (f) => [{ document: SUBORDINATE_PAGES, variables: { id: f.subordinate } }],
  },
};
